// Small helpers shared by the test files.
#ifndef GLOSS_TESTS_TEST_SUPPORT_H_
#define GLOSS_TESTS_TEST_SUPPORT_H_

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace gloss_test {

// All bytes of a file, or nullopt when it cannot be opened.
inline std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The reference article in ../shared/seeds, or nullopt: that folder sits beside the checkout on the
// project's machines and in CI, but is not part of the repository.
inline std::optional<std::string> read_seed() {
  return read_file(std::filesystem::path(GLOSS_SHARED_DIR) / "seeds" / "000_4c62c3337fa9a3bc.txt");
}

}  // namespace gloss_test

#endif  // GLOSS_TESTS_TEST_SUPPORT_H_
