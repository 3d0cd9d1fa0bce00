#include "json_out.h"

#include <charconv>
#include <cstdint>
#include <cstring>

#include "utf8.h"

namespace gloss {

namespace {
// True when none of the eight bytes needs escaping or UTF-8 checking: no control byte, '"', '\\' or
// byte >= 0x80 (bit tricks on the whole word: "has a zero byte", "has a byte below n").
inline bool plain8(const char* p) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  std::uint64_t x;
  std::memcpy(&x, p, 8);
  const auto has_zero = [&](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const std::uint64_t below_space = (x - kOnes * 0x20) & ~x & kHigh;
  return ((x & kHigh) | below_space | has_zero(x ^ (kOnes * '"')) | has_zero(x ^ (kOnes * '\\'))) == 0;
}

inline bool plain_byte(char ch) {
  const unsigned char c = static_cast<unsigned char>(ch);
  return c >= 0x20 && c != '"' && c != '\\' && c < 0x80;
}

// Appends open + text + close in one append when `text` is short and needs no escaping (most keys and
// values are: "start", "GPE"); false, and nothing appended, otherwise.
bool append_plain_short(std::string& out, char open, std::string_view text, std::string_view close) {
  char buf[64];
  if (text.size() + 1 + close.size() > sizeof buf) return false;
  for (char c : text) {
    if (!plain_byte(c)) return false;
  }
  buf[0] = open;
  std::memcpy(buf + 1, text.data(), text.size());
  std::memcpy(buf + 1 + text.size(), close.data(), close.size());
  out.append(buf, 1 + text.size() + close.size());
  return true;
}
}  // namespace

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
  const std::string_view close = pretty_ && levels_.size() == 1 ? "\": " : "\":";
  after_key_ = true;
  if (append_plain_short(out_, '"', name, close)) return;
  out_ += '"';
  escape(out_, name);
  out_ += close;
}

void JsonOut::string(std::string_view value) {
  before_value();
  if (append_plain_short(out_, '"', value, "\"")) return;
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

void JsonOut::number_members(std::initializer_list<NumberMember> members) {
  if (pretty_ && levels_.size() <= 2) {  // where pretty mode breaks lines: the general path
    for (const NumberMember& m : members) {
      key(m.key);
      number(m.value);
    }
    return;
  }
  char buf[256];
  std::size_t n = 0;
  bool first = levels_.back().empty;
  for (const NumberMember& m : members) {
    if (n + m.key.size() + 32 > sizeof buf) {
      out_.append(buf, n);
      n = 0;
    }
    if (!first) buf[n++] = ',';
    first = false;
    buf[n++] = '"';
    std::memcpy(buf + n, m.key.data(), m.key.size());
    n += m.key.size();
    buf[n++] = '"';
    buf[n++] = ':';
    n = static_cast<std::size_t>(std::to_chars(buf + n, buf + sizeof buf, m.value).ptr - buf);
  }
  out_.append(buf, n);
  if (members.size() != 0) levels_.back().empty = false;
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
    while (run + 8 <= n && plain8(text.data() + run)) run += 8;
    while (run < n && plain_byte(text[run])) ++run;
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
