// libFuzzer target: one JSON-lines batch record ({"id","text"}) in, one valid JSON line out.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "gloss/gloss.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  const std::string out = gloss::annotate_json_line(line);
  if (!nlohmann::json::accept(out)) std::abort();
  return 0;
}
