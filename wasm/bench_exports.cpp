// Exports for the benchmarks only, linked into the Node module (gloss_core.js), never into the browser
// module: annotate() without writing any JSON, the work gloss_bench times natively, so the two figures
// compare the same thing (bench/peers/run.mjs).
#include <emscripten/emscripten.h>

#include <string_view>

#include "gloss/gloss.h"

extern "C" {

// Annotates `length` bytes at `input` and returns the number of entities plus quotations, or -1 when
// annotate() refused the input.
EMSCRIPTEN_KEEPALIVE int gloss_bench_annotate(const char* input, std::size_t length) {
  const gloss::AnnotateResult result = gloss::annotate(std::string_view(input, length));
  if (!result.ok()) return -1;
  return static_cast<int>(result.document().entities.size() + result.document().quotes.size());
}

}  // extern "C"
