// Pathological inputs: each must finish (in linear time: the sizes here would hang a quadratic
// pass), stay within memory, and give valid UTF-8 JSON. Sizes are kept moderate so the ASan build
// runs them too; bench/ measures the scaling itself.
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "gloss/gloss.h"

namespace {

// Annotates and checks the output is valid JSON of the right shape; returns the parsed result.
nlohmann::json annotate_valid(const std::string& input) {
  bool ok = false;
  const std::string out = gloss::annotate_to_json(input, {}, &ok);
  REQUIRE(nlohmann::json::accept(out));
  nlohmann::json j = nlohmann::json::parse(out);
  REQUIRE(j["schema"] == "gloss/1");
  return j;
}

std::string repeat(const std::string& unit, std::size_t times) {
  std::string s;
  s.reserve(unit.size() * times);
  for (std::size_t i = 0; i < times; ++i) s += unit;
  return s;
}

}  // namespace

TEST_CASE("robustness: megabytes of quote marks", "[robustness]") {
  for (const char* mark : {"\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB", "''", "``"}) {
    CAPTURE(mark);
    annotate_valid(repeat(mark, (1u << 20) / std::string(mark).size()));
    annotate_valid(repeat(std::string("a ") + mark + " b ", 200000));
  }
}

TEST_CASE("robustness: many capitalised words", "[robustness]") {
  const nlohmann::json j = annotate_valid(repeat("Alpha Beta Gamma Delta ", 250000));  // a million words
  CHECK(j["paragraphs"].size() == 1);
}

TEST_CASE("robustness: one huge line and many tiny paragraphs", "[robustness]") {
  annotate_valid(repeat("word ", 1u << 20));
  annotate_valid(repeat("A.\n\n", 1u << 18));
  annotate_valid(repeat("\n", 1u << 20));
}

TEST_CASE("robustness: deeply nested JSON in the var_dump and in JSON input", "[robustness]") {
  const std::string deep = std::string(1u << 20, '[') + std::string(1u << 20, ']');
  const nlohmann::json dump = annotate_valid("Title\n\nTitle\n\nBody.\n\nstring(" + std::to_string(deep.size()) + ") \"" + deep + "\"");
  REQUIRE(dump["warnings"].size() >= 1);
  CHECK(dump["warnings"].back()["code"] == "var_dump_invalid_json");
  annotate_valid("{\"title\": " + deep + "}");
  bool ok = true;
  const std::string line = gloss::annotate_json_line("{\"id\": " + deep + ", \"text\": \"x\"}", &ok);
  CHECK_FALSE(ok);
  CHECK(nlohmann::json::accept(line));
}

TEST_CASE("robustness: invalid, overlong and truncated UTF-8, NUL bytes", "[robustness]") {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  const std::string nasty = "\xC0\xAF \xE0\x80\xAF \xED\xA0\x80 \xF4\x90\x80\x80 \xF0\x9F\x98 \xFF\xFE " +
                            std::string("Mr. A\0B said \"x\0y\".", 19);
  const nlohmann::json j = annotate_valid(repeat(bytes + nasty + "\n\n", 2000));
  CHECK(j["warnings"][0]["code"] == "invalid_utf8");
}

TEST_CASE("robustness: lone surrogates and odd escapes in JSON input", "[robustness]") {
  const nlohmann::json j = annotate_valid(R"({"title":"\ud800 x \udc00","body":"A \udbff\u0000 B \" said.","related":[{"title":"\ud83d"}]})");
  CHECK(j["format"] == "json");
  CHECK(j["title"]["text"] == "\xEF\xBF\xBD x \xEF\xBF\xBD");
}

TEST_CASE("robustness: absurd string(N) values", "[robustness]") {
  for (const char* n : {"0", "-1", "-99999999999999999999", "18446744073709551616", "999999999999999999999999999"}) {
    CAPTURE(n);
    const nlohmann::json j = annotate_valid(std::string("T\n\nT\n\nBody.\n\nstring(") + n + ") \"[{\"id\":\"1\"}]\"");
    CHECK(j["related"].size() == 1);
  }
}

TEST_CASE("robustness: too many related items is a warning", "[robustness]") {
  std::string items = "[";
  for (std::size_t i = 0; i < gloss::kMaxRelatedItems + 5; ++i) items += (i ? "," : "") + std::string("{\"id\":\"1\",\"title\":\"T\"}");
  items += "]";
  const nlohmann::json j = annotate_valid("T\n\nT\n\nBody.\n\nstring(" + std::to_string(items.size()) + ") \"" + items + "\"");
  CHECK(j["related"].size() == gloss::kMaxRelatedItems);
  CHECK(j["warnings"].back()["code"] == "too_many_related_items");
}

TEST_CASE("robustness: the input size limit is an error value", "[robustness]") {
  const std::string big(gloss::kMaxInputBytes + 1, 'a');
  const gloss::AnnotateResult result = gloss::annotate(big);
  CHECK_FALSE(result.ok());
  CHECK(result.error().find("limit") != std::string::npos);
  bool ok = true;
  const std::string json = gloss::annotate_to_json(big, {}, &ok);
  CHECK_FALSE(ok);
  CHECK(nlohmann::json::parse(json)["error"]["offset"] == gloss::kMaxInputBytes);
  CHECK(gloss::annotate("still fine").ok());
}

TEST_CASE("robustness: the span limit is an error value", "[robustness]") {
  // Over a million one-word sentences: more spans than kMaxSpans allows.
  std::string input;
  input.reserve(5u << 20);
  while (input.size() < 4500000) input += "Go. ";
  const gloss::AnnotateResult result = gloss::annotate(input);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().find("kMaxSpans") != std::string::npos);
  CHECK(gloss::annotate("Fine again.").ok());
}
