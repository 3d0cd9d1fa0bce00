#include "json_out.h"

#include <charconv>

#include "utf8.h"

namespace gloss {

void JsonOut::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  Level& level = levels_.back();
  const std::size_t depth = levels_.size();
  if (!level.empty) out_ += ',';
  // Pretty: a line per top-level member, and a line per element of a top-level array.
  if (pretty_ && (depth == 1 || (depth == 2 && level.array))) out_ += depth == 1 ? "\n  " : "\n    ";
  level.empty = false;
}

void JsonOut::open(char bracket, bool array) {
  before_value();
  out_ += bracket;
  levels_.push_back({array});
}

void JsonOut::close(char bracket) {
  const Level level = levels_.back();
  levels_.pop_back();
  const std::size_t depth = levels_.size() + 1;
  if (pretty_ && !level.empty && (depth == 1 || (depth == 2 && level.array))) out_ += depth == 1 ? "\n" : "\n  ";
  out_ += bracket;
}

void JsonOut::key(std::string_view name) {
  before_value();
  out_ += '"';
  escape(out_, name);
  out_ += pretty_ && levels_.size() == 1 ? "\": " : "\":";
  after_key_ = true;
}

void JsonOut::string(std::string_view value) {
  before_value();
  out_ += '"';
  escape(out_, value);
  out_ += '"';
}

void JsonOut::number(std::uint64_t value) {
  before_value();
  char buf[24];
  out_.append(buf, static_cast<std::size_t>(std::to_chars(buf, buf + sizeof buf, value).ptr - buf));
}

void JsonOut::number(std::int64_t value) {
  before_value();
  char buf[24];
  out_.append(buf, static_cast<std::size_t>(std::to_chars(buf, buf + sizeof buf, value).ptr - buf));
}

void JsonOut::raw_number(std::string_view literal) {
  before_value();
  out_ += literal;
}

void JsonOut::boolean(bool value) {
  before_value();
  out_ += value ? "true" : "false";
}

void JsonOut::null() {
  before_value();
  out_ += "null";
}

void JsonOut::escape(std::string& out, std::string_view text) {
  static const char kHex[] = "0123456789abcdef";
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    // Copy the longest run of bytes that need no escaping in one append.
    std::size_t run = i;
    while (run < n) {
      const unsigned char c = static_cast<unsigned char>(text[run]);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
      ++run;
    }
    out.append(text.data() + i, run - i);
    i = run;
    if (i >= n) break;
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t len = utf8_sequence_length(text, i);
      if (len == 0) {
        out += "\xEF\xBF\xBD";  // one U+FFFD per invalid byte
        ++i;
      } else {
        out.append(text.data() + i, len);
        i += len;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
    ++i;
  }
}

}  // namespace gloss
