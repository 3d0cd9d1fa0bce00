// A small strict JSON reader that keeps input positions and bounds nesting, used for the var_dump
// blob, the JSON article format and JSON-lines batch input. Errors are values: no exceptions, no
// recursion deeper than the given limit, linear time.
#ifndef GLOSS_JSON_READER_H_
#define GLOSS_JSON_READER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gloss {

struct JsonValue {
  enum class Type : std::uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };
  JsonValue() {}  // user-provided: emplace_back() then skips zero-filling the whole struct first

  Type type = Type::kNull;
  std::size_t start = 0, end = 0;  // byte offsets of the value in the parsed text (end exclusive)
  bool boolean = false;
  std::string string;              // kString: decoded; kNumber: the literal as written
  std::vector<JsonValue> items;    // kArray
  std::vector<std::pair<std::string, JsonValue>> members;  // kObject, in input order

  const JsonValue* find(std::string_view key) const;  // first member named `key`, or nullptr
  bool is_string() const { return type == Type::kString; }
};

struct JsonError {
  std::string message;
  std::size_t offset = 0;  // byte offset in the parsed text
};

// Parses one JSON value that must span all of `text` (surrounding whitespace allowed). On failure
// returns false and fills `error`. `partial`, when given, receives on failure the values of the
// top-level array that were complete before the error (so a truncated array still yields its first items).
bool parse_json(std::string_view text, int max_depth, JsonValue& out, JsonError& error,
                std::vector<JsonValue>* partial = nullptr);

// Decodes the JSON string literal text[start..end) (quotes included). Fills `offsets`, when given,
// with the offset (relative to `start` + `base`) of the source byte for each decoded byte, plus one
// entry for the end. Returns false on a malformed literal. Lone surrogate escapes decode to U+FFFD.
bool decode_json_string(std::string_view literal, std::string& out, std::vector<std::uint32_t>* offsets,
                        std::uint32_t base);

}  // namespace gloss

#endif  // GLOSS_JSON_READER_H_
