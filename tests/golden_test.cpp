// Golden tests: every tests/golden/NAME.txt is annotated and compared with NAME.expected.json
// (pretty gloss/1 JSON, one annotation per line). GLOSS_UPDATE_GOLDEN=1 rewrites the expected files;
// review the diff like code.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <catch2/catch.hpp>

#include "gloss/gloss.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> golden_inputs() {
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(fs::path(GLOSS_SOURCE_DIR) / "tests" / "golden")) {
    if (entry.path().extension() == ".txt") inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

}  // namespace

TEST_CASE("golden: every sample article matches its expected JSON", "[golden]") {
  const std::vector<fs::path> inputs = golden_inputs();
  REQUIRE(inputs.size() >= 5);
  const char* update = std::getenv("GLOSS_UPDATE_GOLDEN");
  for (const fs::path& input : inputs) {
    CAPTURE(input.filename().string());
    const gloss::AnnotateResult result = gloss::annotate(gloss_test::read_file(input).value());
    REQUIRE(result.ok());
    const std::string actual = gloss::to_json(result.document(), gloss::JsonOptions{true}) + "\n";
    fs::path expected_path = input;
    expected_path.replace_extension(".expected.json");
    if (update && std::string(update) == "1") {
      std::ofstream(expected_path, std::ios::binary) << actual;
      continue;
    }
    REQUIRE(fs::exists(expected_path));
    CHECK(actual == gloss_test::read_file(expected_path).value_or(""));
  }
}
