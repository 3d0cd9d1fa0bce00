// libFuzzer target: the whole pipeline (parse, entities, quotes) and the JSON writer, on any bytes.
// The output must always be valid UTF-8 JSON.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "gloss/gloss.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  bool ok = false;
  const std::string json = gloss::annotate_to_json(input, {}, &ok);
  if (!nlohmann::json::accept(json)) std::abort();  // accept() rejects invalid UTF-8 too
  return 0;
}
