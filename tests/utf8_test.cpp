#include <catch2/catch.hpp>

#include "utf8.h"

using gloss::Utf16OffsetMap;

TEST_CASE("utf8: sequence validation", "[utf8]") {
  struct Case {
    const char* bytes;
    std::size_t first_invalid;
  };
  const Case cases[] = {
      {"plain ascii", 11},
      {"caf\xC3\xA9", 5},                 // é
      {"\xF0\x9F\x98\x80!", 5},           // emoji
      {"ab\xFF" "c", 2},                  // invalid byte
      {"\xC0\xAF", 0},                    // overlong '/'
      {"\xED\xA0\x80", 0},                // UTF-16 surrogate encoded in UTF-8
      {"\xF4\x90\x80\x80", 0},            // above U+10FFFF
      {"x\xE2\x82", 1},                   // truncated sequence at the end
  };
  for (const Case& c : cases) {
    CAPTURE(c.bytes);
    CHECK(gloss::find_invalid_utf8(c.bytes) == c.first_invalid);
  }
}

TEST_CASE("utf8: UTF-16 offsets count surrogate pairs and invalid bytes", "[utf8]") {
  // "a" (1) + "é" (2 bytes, 1 unit) + "😀" (4 bytes, 2 units) + "\xFF" (invalid: 1 unit) + "Ж" (2 bytes, 1 unit)
  const std::string text = "a\xC3\xA9\xF0\x9F\x98\x80\xFF\xD0\x96";
  const Utf16OffsetMap map(text);
  CHECK(map.to_utf16(0) == 0);
  CHECK(map.to_utf16(1) == 1);
  CHECK(map.to_utf16(3) == 2);
  CHECK(map.to_utf16(7) == 4);
  CHECK(map.to_utf16(8) == 5);
  CHECK(map.to_utf16(10) == 6);
  CHECK(map.to_utf16(99) == 6);  // clamped
}

TEST_CASE("utf8: UTF-16 offsets stay right across checkpoint strides", "[utf8]") {
  // Emoji straddle the 256-byte checkpoints: compare against a direct count at every offset.
  std::string text;
  for (int i = 0; i < 300; ++i) text += i % 3 == 0 ? "\xF0\x9F\x98\x80" : (i % 3 == 1 ? "\xC3\xA9" : "x");
  const Utf16OffsetMap map(text);
  std::uint32_t units = 0;
  for (std::size_t i = 0; i < text.size();) {
    REQUIRE(map.to_utf16(i) == units);
    const std::size_t len = gloss::utf8_sequence_length(text, i);
    units += len == 4 ? 2 : 1;
    i += len;
  }
  CHECK(map.to_utf16(text.size()) == units);
}

TEST_CASE("utf8: code points", "[utf8]") {
  CHECK(gloss::count_code_points("a\xC3\xA9\xF0\x9F\x98\x80") == 3);
  std::string out;
  gloss::append_utf8(out, 0x1F600);
  CHECK(out == "\xF0\x9F\x98\x80");
}
