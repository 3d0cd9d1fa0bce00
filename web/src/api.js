// The core half of the JS API: wraps an instantiated Emscripten module's C exports (wasm/exports.txt)
// into annotate()/toW3C()/toDisplacy(). Marshalling only: strings in as UTF-8, JSON out, core errors
// thrown as JS Errors. Runs in browsers and in Node (the tests and the benchmark use it with
// gloss_core.js). `recover` (optional) replaces a module that aborted, so the API stays usable.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const FORMATS = Object.freeze(['gloss', 'w3c', 'displacy']);

/**
 * @param {() => object} getModule  returns the current module instance
 * @param {() => void} [recover]    called after the module aborted (WebAssembly.RuntimeError)
 */
export function wrapCore(getModule, recover) {
  // Copies `parts` (Uint8Arrays) into one heap block; returns [pointer, offsets].
  function withHeap(mod, parts, fn) {
    let total = 1;
    for (const p of parts) total += p.length;
    const ptr = mod._malloc(total);
    if (!ptr) throw new Error('gloss: out of memory');
    try {
      const offsets = [];
      let at = ptr;
      for (const p of parts) {
        mod.HEAPU8.set(p, at);
        offsets.push(at);
        at += p.length;
      }
      return fn(offsets);
    } finally {
      mod._free(ptr);
    }
  }

  function result(mod, out) {
    const size = mod._gloss_result_size();
    const text = decoder.decode(mod.HEAPU8.subarray(out, out + size));
    if (mod._gloss_result_ok() !== 1) {
      let message = 'annotation failed', offset = 0;
      try {
        const e = JSON.parse(text).error;
        message = e.message;
        offset = e.offset;
      } catch (_) { /* keep the generic message */ }
      const error = new Error(message);
      error.offset = offset;
      throw error;
    }
    return text;
  }

  function run(fn) {
    try {
      return fn(getModule());
    } catch (e) {
      if (typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError && recover) {
        recover();
        throw new Error(`gloss: the annotator stopped (${e.message}); it has been restarted`);
      }
      throw e;
    }
  }

  // A string is encoded as UTF-8; bytes (Uint8Array, ArrayBuffer) are passed as they are, so a file
  // fetched as bytes gives exactly the CLI's output, invalid UTF-8 included.
  function checkText(name, text) {
    if (typeof text === 'string') return encoder.encode(text);
    if (text instanceof Uint8Array) return text;
    if (text instanceof ArrayBuffer) return new Uint8Array(text);
    throw new TypeError(`gloss.${name}(text): text must be a string or a Uint8Array, not ${text === null ? 'null' : typeof text}`);
  }

  /** JSON text of `text` in `format` ('gloss' | 'w3c' | 'displacy'). */
  function annotateJson(text, options = {}) {
    const bytes = checkText('annotateJson', text);
    const format = options.format ?? 'gloss';
    if (!FORMATS.includes(format)) throw new Error(`gloss: unknown format '${format}' (use ${FORMATS.join(', ')})`);
    const pretty = options.pretty ? 1 : 0;
    return run((mod) => {
      if (format === 'gloss') {
        return withHeap(mod, [bytes], ([p]) => result(mod, mod._gloss_annotate(p, bytes.length, pretty)));
      }
      const name = encoder.encode(format);
      const source = encoder.encode(options.source ?? '');
      return withHeap(mod, [bytes, name, source], ([p, n, s]) =>
        result(mod, mod._gloss_annotate_format(p, bytes.length, n, name.length, s, source.length, pretty)));
    });
  }

  return {
    version: 'gloss/1',
    annotateJson,
    annotate: (text) => JSON.parse(annotateJson(text)),
    toW3C: (text, options = {}) => JSON.parse(annotateJson(text, { format: 'w3c', source: options.source })),
    toDisplacy: (text) => JSON.parse(annotateJson(text, { format: 'displacy' })),
  };
}
