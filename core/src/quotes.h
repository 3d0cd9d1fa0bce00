// The quotation finder.
#ifndef GLOSS_QUOTES_H_
#define GLOSS_QUOTES_H_

#include "gloss/gloss.h"

namespace gloss {

// Fills doc.quotes (direct, scare, indirect and mixed quotations with their speakers).
// Runs after recognise_entities(): speakers are resolved against doc.entities.
void find_quotes(Document& doc);

}  // namespace gloss

#endif  // GLOSS_QUOTES_H_
