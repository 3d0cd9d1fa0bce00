// A streaming JSON writer: appends to a std::string with no intermediate tree, so writing a document
// costs about as much as copying its text. Strings are escaped as nlohmann/json does (same bytes), and
// every invalid UTF-8 byte becomes one U+FFFD, so the output is always valid UTF-8.
//
// Pretty mode is the layout of gloss/1 golden files: members of the top-level object one per line, the
// elements of top-level arrays one per line, everything deeper compact.
#ifndef GLOSS_JSON_OUT_H_
#define GLOSS_JSON_OUT_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace gloss {

class JsonOut {
 public:
  explicit JsonOut(std::string& out, bool pretty = false) : out_(out), pretty_(pretty) {}

  void begin_object() { open('{', false); }
  void end_object() { close('}'); }
  void begin_array() { open('[', true); }
  void end_array() { close(']'); }
  void key(std::string_view name);
  void string(std::string_view value);
  void number(std::uint64_t value);
  void number(std::int64_t value);
  void number(int value) { number(static_cast<std::int64_t>(value)); }
  void number(std::uint32_t value) { number(static_cast<std::uint64_t>(value)); }
  // Members "key": number of the open object, written in one piece (the keys must need no escaping:
  // they are the writer's own). Spans write their four offsets this way.
  struct NumberMember {
    std::string_view key;
    std::uint64_t value;
  };
  void number_members(std::initializer_list<NumberMember> members);
  // A JSON number literal already known to be valid (echoed from parsed input).
  void raw_number(std::string_view literal);
  void boolean(bool value);
  void null();

  // Appends `text` as the body of a JSON string (no quotes), escaped.
  static void escape(std::string& out, std::string_view text);

 private:
  struct Level {
    bool array;
    bool empty = true;
  };
  void before_value();
  void open(char bracket, bool array);
  void close(char bracket);
  std::string& out_;
  bool pretty_;
  bool after_key_ = false;
  std::vector<Level> levels_;
};

}  // namespace gloss

#endif  // GLOSS_JSON_OUT_H_
