// The WebAssembly bindings: marshalling only. Every function calls gloss.h and keeps its result in a
// module-owned string that stays valid until the next call (single-threaded JS caller).
#include <emscripten/emscripten.h>

#include <string>

#include "gloss/gloss.h"

namespace {
std::string g_result;
bool g_ok = false;
}  // namespace

extern "C" {

// Annotates `length` bytes at `input`; returns the gloss/1 JSON (or error object) as a NUL-terminated
// UTF-8 string. `flags` bit 0: pretty-print. gloss_result_ok() tells success apart from an error.
EMSCRIPTEN_KEEPALIVE const char* gloss_annotate(const char* input, std::size_t length, int flags) {
  gloss::JsonOptions options;
  options.pretty = (flags & 1) != 0;
  g_result = gloss::annotate_to_json(std::string_view(input, length), options, &g_ok);
  return g_result.c_str();
}

// One JSON-lines record {"id","text"} in, one result line out (see gloss::annotate_json_line).
EMSCRIPTEN_KEEPALIVE const char* gloss_annotate_line(const char* line, std::size_t length) {
  g_result = gloss::annotate_json_line(std::string_view(line, length), &g_ok);
  return g_result.c_str();
}

// Annotates like gloss_annotate, then writes the document in the export format named by `format`
// ("gloss", "w3c" or "displacy"; see gloss::to_format). `source` (may be empty) is the W3C target IRI.
EMSCRIPTEN_KEEPALIVE const char* gloss_annotate_format(const char* input, std::size_t length, const char* format,
                                                       std::size_t format_length, const char* source,
                                                       std::size_t source_length, int flags) {
  gloss::ExportFormat kind = gloss::ExportFormat::kGloss;
  if (!gloss::parse_export_format(std::string_view(format, format_length), &kind)) {
    g_ok = false;
    g_result = gloss::error_json("unknown format '" + std::string(format, format_length) + "'", 0);
    return g_result.c_str();
  }
  const gloss::AnnotateResult result = gloss::annotate(std::string_view(input, length));
  g_ok = result.ok();
  if (!g_ok) {
    g_result = gloss::error_json(result.error(), result.error_offset());
    return g_result.c_str();
  }
  gloss::JsonOptions options;
  options.pretty = (flags & 1) != 0;
  g_result = kind == gloss::ExportFormat::kW3c
                 ? gloss::to_w3c_annotations(result.document(), options, std::string_view(source, source_length))
                 : gloss::to_format(result.document(), kind, options);
  return g_result.c_str();
}

// Size in bytes of the last result (without the NUL).
EMSCRIPTEN_KEEPALIVE std::size_t gloss_result_size() { return g_result.size(); }

// 1 when the last call succeeded, 0 when it returned an error object.
EMSCRIPTEN_KEEPALIVE int gloss_result_ok() { return g_ok ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE const char* gloss_version() { return gloss::kSchemaVersion; }

}  // extern "C"
