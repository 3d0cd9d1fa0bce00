// libFuzzer target: the JSON reader (var_dump blobs and JSON articles): bounded depth, offsets in range.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "gloss/gloss.h"
#include "json_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  gloss::JsonValue value;
  gloss::JsonError error;
  std::vector<gloss::JsonValue> partial;
  const bool ok = gloss::parse_json(text, gloss::kMaxJsonDepth, value, error, &partial);
  if (!ok && error.offset > size) std::abort();
  if (ok && (value.start > value.end || value.end > size)) std::abort();
  return 0;
}
