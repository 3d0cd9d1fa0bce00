// Node helpers for the web tests: the JS API (web/src/api.js) over the core-only module
// (gloss_core.js, built for web and node), and the paths of the builds.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { wrapCore } from '../src/api.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const wasmDir = path.resolve(root, process.env.GLOSS_WASM_DIR ?? 'build/wasm/wasm');
export const cli = path.resolve(root, process.env.GLOSS_CLI ?? 'build/native/native/gloss');
export const distDir = path.resolve(root, process.env.GLOSS_WEB_DIST ?? 'web/dist');

export function loadApi() {
  const require = createRequire(import.meta.url);
  const factory = require(path.join(wasmDir, 'gloss_core.js'));
  const wasmModule = new WebAssembly.Module(readFileSync(path.join(wasmDir, 'gloss_core.wasm')));
  let module = null;
  const fresh = () => {
    const M = {
      instantiateWasm(imports, receive) {
        const instance = new WebAssembly.Instance(wasmModule, imports);
        receive(instance, wasmModule);
        return instance.exports;
      },
      print() {},
      printErr() {},
    };
    factory(M);
    return M;
  };
  module = fresh();
  const api = wrapCore(() => module, () => { module = fresh(); });
  return Object.assign(api, { module: () => module });
}
