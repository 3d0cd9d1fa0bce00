// What a page using wink-nlp would bundle: the library and its English web model.
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');
module.exports = winkNLP(model);
