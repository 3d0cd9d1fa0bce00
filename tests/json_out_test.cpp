// The streaming JSON writer and the UTF-16 offset map against slow, obvious references, on generated
// strings that mix the cases their fast paths (eight bytes at a time) must leave to the byte loop.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "json_out.h"
#include "utf8.h"

namespace {

std::string random_text(std::mt19937& rng) {
  static const char* const kPieces[] = {"a", "plain text ", "\"", "\\", "\n", "\t", "\x01", "\x1f", " ",
                                        "\xC3\xA9", "\xE2\x80\x9C", "\xF0\x9F\x98\x80", "\xFF", "\xC3",
                                        "\xED\xA0\x80", "0123456789abcdef", "\x7f", "/"};
  std::string s;
  const int n = static_cast<int>(rng() % 24);
  for (int i = 0; i < n; ++i) s += kPieces[rng() % (sizeof kPieces / sizeof *kPieces)];
  return s;
}

}  // namespace

TEST_CASE("json out: strings and keys are escaped as nlohmann/json escapes them", "[json]") {
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    const std::string text = random_text(rng);
    std::string ours;
    gloss::JsonOut out(ours);
    out.begin_object();
    out.key(text);
    out.string(text);
    out.end_object();
    nlohmann::json reference = nlohmann::json::object();
    reference[text] = text;
    const std::string expected = reference.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    REQUIRE(ours == expected);
  }
}

TEST_CASE("json out: UTF-16 offsets equal a count from the start", "[json][utf8]") {
  std::mt19937 rng(11);
  for (int i = 0; i < 300; ++i) {
    std::string text;
    const int parts = 1 + static_cast<int>(rng() % 60);
    for (int p = 0; p < parts; ++p) text += random_text(rng);
    const gloss::Utf16OffsetMap map(text);
    // The reference: every valid 4-byte sequence is two units, any other sequence or invalid byte one.
    std::vector<std::uint32_t> units(text.size() + 1, 0);
    std::uint32_t count = 0;
    for (std::size_t pos = 0; pos < text.size();) {
      std::size_t len = gloss::utf8_sequence_length(text, pos);
      if (len == 0) len = 1;
      for (std::size_t k = 1; k <= len; ++k) units[pos + k] = count + (len == 4 ? 2 : 1);
      count += len == 4 ? 2 : 1;
      pos += len;
    }
    // Lookups in increasing order (as spans are written) and then at random.
    for (std::size_t b = 0; b <= text.size(); ++b) REQUIRE(map.to_utf16(b) == units[b]);
    for (int k = 0; k < 200 && !text.empty(); ++k) {
      const std::size_t b = rng() % (text.size() + 1);
      REQUIRE(map.to_utf16(b) == units[b]);
    }
  }
}
