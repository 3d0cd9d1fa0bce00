#include <catch2/catch.hpp>

#include "json_reader.h"

using gloss::JsonError;
using gloss::JsonValue;

TEST_CASE("json reader: values, positions and errors", "[json]") {
  JsonValue v;
  JsonError e;
  REQUIRE(gloss::parse_json(R"( {"a": [1, -2.5e3, true, null], "b": "x\u00e9\n"} )", 8, v, e));
  REQUIRE(v.type == JsonValue::Type::kObject);
  REQUIRE(v.find("a")->items.size() == 4);
  CHECK(v.find("a")->items[1].string == "-2.5e3");
  CHECK(v.find("b")->string == "x\xC3\xA9\n");
  CHECK(v.find("b")->start == 37);

  struct Bad {
    const char* text;
    std::size_t offset;
  };
  const Bad bad[] = {{"[1, 2", 5}, {"{\"a\" 1}", 5}, {"[01]", 2}, {"\"abc", 4}, {"[1] x", 4}, {"tru", 0},
                     {"[\"ab\\", 5}};  // fuzz finding: a trailing backslash reported an offset past the end
  for (const Bad& b : bad) {
    CAPTURE(b.text);
    CHECK_FALSE(gloss::parse_json(b.text, 8, v, e));
    CHECK(e.offset == b.offset);
  }
}

TEST_CASE("json reader: nesting limit is an error, not a stack overflow", "[json]") {
  JsonValue v;
  JsonError e;
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  CHECK_FALSE(gloss::parse_json(deep, 64, v, e));
  CHECK(e.message.find("nesting") != std::string::npos);
  CHECK(e.offset == 64);
}

TEST_CASE("json reader: a truncated array yields its complete items", "[json]") {
  JsonValue v;
  JsonError e;
  std::vector<JsonValue> partial;
  CHECK_FALSE(gloss::parse_json(R"([{"id":"1"},{"id":"2"},{"id":"3)", 8, v, e, &partial));
  REQUIRE(partial.size() == 2);
  CHECK(partial[1].find("id")->string == "2");
}

TEST_CASE("json reader: string decoding keeps a byte map and replaces lone surrogates", "[json]") {
  std::string out;
  std::vector<std::uint32_t> map;
  REQUIRE(gloss::decode_json_string(R"("a\u00e9\ud83d\ude00b\ud800")", out, &map, 100));
  CHECK(out == "a\xC3\xA9\xF0\x9F\x98\x80" "b\xEF\xBF\xBD");
  REQUIRE(map.size() == out.size() + 1);
  CHECK(map[0] == 101);  // 'a'
  CHECK(map[1] == 102);  // both bytes of é map to its escape
  CHECK(map[2] == 102);
  CHECK(map[3] == 108);  // the surrogate pair
  CHECK(map[7] == 120);  // 'b'
  CHECK(map.back() == 127);  // the closing quote
  CHECK_FALSE(gloss::decode_json_string(R"("bad \x escape")", out, nullptr, 0));
}
