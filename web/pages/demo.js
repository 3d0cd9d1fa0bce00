// The sample-article demo: the exact calls documented in web/README.md.
const status = document.getElementById('status');
const output = document.getElementById('output');
const input = document.getElementById('input');

const gloss = await Gloss.load();
const text = await (await fetch('/dist/samples/01_port_strike.txt')).text();
const handle = gloss.mount(document.getElementById('panel'), { text });
input.value = text;
status.textContent = handle.fallback
  ? 'WebGL2 is not available here: the annotations are shown as lists.'
  : `${handle.document.entities.length} entities, ${handle.document.quotes.length} quotations. Click one in the panel or in the lists.`;

handle.on('select', (e) => {
  const item = e.entity || e.quote;
  status.textContent = item ? `Selected ${e.kind} “${item.text}”${e.entity ? ` (${e.entity.type})` : ''}, from the ${e.source}.` : 'Selection cleared.';
});

const show = (fn) => {
  try {
    output.textContent = fn();
  } catch (e) {
    output.textContent = `Error: ${e.message}`;
  }
};
document.getElementById('show').addEventListener('click', () => show(() => { handle.setText(input.value); return 'Shown in the panel.'; }));
document.getElementById('w3c').addEventListener('click', () => show(() => JSON.stringify(gloss.toW3C(input.value, { source: location.href }), null, 2)));
document.getElementById('displacy').addEventListener('click', () => show(() => JSON.stringify(gloss.toDisplacy(input.value), null, 2)));
document.getElementById('json').addEventListener('click', () => show(() => gloss.annotateJson(input.value, { pretty: true })));

// For the browser tests and the benchmark (this demo page's own handle, not part of the embed).
window.glossDemo = { gloss, handle, text };
document.documentElement.dataset.glossDemo = 'ready';
