// Loads the WebAssembly core under Node, passing the wasm bytes ourselves (Emscripten 3.1.6's loader
// trips over Node 20's fetch) and wraps its C exports in annotate()/annotateLine().
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export async function loadCore(buildDir) {
  const require = createRequire(import.meta.url);
  const createGlossCore = require(path.resolve(buildDir, 'gloss_core.js'));
  const wasmBinary = readFileSync(path.resolve(buildDir, 'gloss_core.wasm'));
  const module = await createGlossCore({ wasmBinary });
  const call = (fn, bytes, ...rest) => {
    const ptr = module._malloc(bytes.length + 1);
    module.HEAPU8.set(bytes, ptr);
    try {
      const out = fn(ptr, bytes.length, ...rest);
      const size = module._gloss_result_size();
      return { ok: module._gloss_result_ok() === 1, json: Buffer.from(module.HEAPU8.subarray(out, out + size)) };
    } finally {
      module._free(ptr);
    }
  };
  return {
    module,
    annotate: (bytes, pretty = false) => call(module._gloss_annotate, bytes, pretty ? 1 : 0),
    annotateLine: (bytes) => call(module._gloss_annotate_line, bytes),
  };
}
