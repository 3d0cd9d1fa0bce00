// Loads the browser module (gloss.js glue, bundled here, + gloss.wasm): the wasm is fetched and
// compiled once, then instantiated synchronously as often as needed (one instance for annotate(),
// one per mounted panel, a fresh one after an abort). No eval, no new Function: the glue is built
// with -sDYNAMIC_EXECUTION=0, and compiling wasm is what 'wasm-unsafe-eval' allows.
import createGlossModule from 'gloss-wasm-glue';

export function compileWasm(url) {
  const fallback = () => fetch(url, { credentials: 'same-origin' }).then((r) => {
    if (!r.ok) throw new Error(`gloss: cannot load ${url} (HTTP ${r.status})`);
    return r.arrayBuffer();
  }).then((bytes) => WebAssembly.compile(bytes));
  if (typeof WebAssembly.compileStreaming !== 'function') return fallback();
  // compileStreaming needs the application/wasm MIME type; fall back when a server gets it wrong.
  return WebAssembly.compileStreaming(fetch(url, { credentials: 'same-origin' })).catch(fallback);
}

/**
 * A ready module instance. `extra` is merged into the Module object (e.g. { canvas }).
 * `onError(message)` receives the module's stderr and aborts.
 */
export function instantiate(wasmModule, extra = {}, onError = () => {}) {
  const Module = Object.assign({
    instantiateWasm(imports, receive) {
      const instance = new WebAssembly.Instance(wasmModule, imports);
      receive(instance, wasmModule);
      return instance.exports;
    },
    print() {},
    printErr(text) { onError(String(text)); },
    onAbort(what) { onError(`aborted: ${what}`); },
  }, extra);
  createGlossModule(Module).catch(() => {}); // completes synchronously; errors surface below
  if (!Module.calledRun || typeof Module._gloss_annotate !== 'function') {
    throw new Error('gloss: the WebAssembly module did not start');
  }
  return Module;
}
