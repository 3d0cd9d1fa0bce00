#include "json_reader.h"

#include <algorithm>

#include "utf8.h"

namespace gloss {

const JsonValue* JsonValue::find(std::string_view key) const {
  for (const auto& member : members) {
    if (member.first == key) return &member.second;
  }
  return nullptr;
}

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads 4 hex digits at s[i]; -1 when malformed.
long read_hex4(std::string_view s, std::size_t i) {
  if (i + 4 > s.size()) return -1;
  long v = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    const int h = hex_value(s[i + k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

class Reader {
 public:
  Reader(std::string_view text, int max_depth) : s_(text), max_depth_(max_depth) {}

  bool parse_document(JsonValue& out, JsonError& error, std::vector<JsonValue>* partial) {
    skip_ws();
    bool ok = parse_value(out, 0);
    if (ok) {
      skip_ws();
      if (pos_ != s_.size()) error_ = {"unexpected data after the JSON value", pos_};
      ok = pos_ == s_.size();
    }
    if (ok) return true;
    error = error_;
    // A root array keeps the items that were complete before the error (a failed item is never added).
    if (partial && out.type == JsonValue::Type::kArray) *partial = std::move(out.items);
    return false;
  }

 private:
  bool fail(const char* message) {
    if (error_.message.empty()) error_ = {message, pos_};
    return false;
  }
  void skip_ws() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
  }
  bool literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return fail("invalid literal");
    pos_ += word.size();
    return true;
  }

  bool parse_value(JsonValue& v, int depth) {
    if (pos_ >= s_.size()) return fail("unexpected end of JSON");
    v.start = pos_;
    const char c = s_[pos_];
    bool ok;
    if (c == '{' || c == '[') {
      if (depth >= max_depth_) return fail("JSON nesting is deeper than the limit");
      ok = c == '{' ? parse_object(v, depth + 1) : parse_array(v, depth + 1);
    } else if (c == '"') {
      v.type = JsonValue::Type::kString;
      ok = parse_string(v.string);
    } else if (c == 't') {
      v.type = JsonValue::Type::kBool;
      v.boolean = true;
      ok = literal("true");
    } else if (c == 'f') {
      v.type = JsonValue::Type::kBool;
      ok = literal("false");
    } else if (c == 'n') {
      ok = literal("null");
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      ok = parse_number(v);
    } else {
      return fail("unexpected character in JSON");
    }
    v.end = pos_;
    return ok;
  }

  bool parse_number(JsonValue& v) {
    const std::size_t start = pos_;
    const auto digits = [&] {
      const std::size_t from = pos_;
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
      return pos_ > from;
    };
    if (s_[pos_] == '-') ++pos_;
    if (pos_ < s_.size() && s_[pos_] == '0') {
      ++pos_;
    } else if (!digits()) {
      return fail("invalid number");
    }
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      if (!digits()) return fail("invalid number");
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (!digits()) return fail("invalid number");
    }
    v.type = JsonValue::Type::kNumber;
    v.string.assign(s_.substr(start, pos_ - start));
    return true;
  }

  bool parse_string(std::string& out) {
    const std::size_t start = pos_;
    bool escapes = false;
    ++pos_;  // opening quote
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == '"') {
        ++pos_;
        if (!escapes) {  // the common case: the bytes as they are, no second pass
          out.assign(s_.substr(start + 1, pos_ - start - 2));
          return true;
        }
        if (!decode_json_string(s_.substr(start, pos_ - start), out, nullptr, 0)) {
          pos_ = start;
          return fail("invalid string");
        }
        return true;
      }
      if (c == '\\') {
        escapes = true;
        pos_ = std::min(pos_ + 2, s_.size());  // a backslash at the very end must not step past it
        continue;
      }
      if (static_cast<unsigned char>(c) < 0x20) return fail("control character in JSON string");
      ++pos_;
    }
    return fail("unterminated JSON string");
  }

  bool parse_array(JsonValue& v, int depth) {
    v.type = JsonValue::Type::kArray;
    ++pos_;
    skip_ws();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      skip_ws();
      JsonValue& item = v.items.emplace_back();  // parsed in place (a JsonValue is large to move)
      if (!parse_value(item, depth)) {
        v.items.pop_back();  // only complete items are kept (see `partial`)
        return false;
      }
      skip_ws();
      if (pos_ >= s_.size()) return fail("unexpected end of JSON array");
      if (s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (s_[pos_] == ']') {
        ++pos_;
        return true;
      }
      return fail("expected ',' or ']' in JSON array");
    }
  }

  bool parse_object(JsonValue& v, int depth) {
    v.type = JsonValue::Type::kObject;
    v.members.reserve(8);  // related items have five to eight members: one allocation, no regrowth
    ++pos_;
    skip_ws();
    if (pos_ < s_.size() && s_[pos_] == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      skip_ws();
      if (pos_ >= s_.size() || s_[pos_] != '"') return fail("expected a string key in JSON object");
      auto& member = v.members.emplace_back();  // parsed in place; a failed object is discarded whole
      if (!parse_string(member.first)) return false;
      skip_ws();
      if (pos_ >= s_.size() || s_[pos_] != ':') return fail("expected ':' in JSON object");
      ++pos_;
      skip_ws();
      if (!parse_value(member.second, depth)) return false;
      skip_ws();
      if (pos_ >= s_.size()) return fail("unexpected end of JSON object");
      if (s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (s_[pos_] == '}') {
        ++pos_;
        return true;
      }
      return fail("expected ',' or '}' in JSON object");
    }
  }

  std::string_view s_;
  int max_depth_;
  std::size_t pos_ = 0;
  JsonError error_;
};

}  // namespace

bool parse_json(std::string_view text, int max_depth, JsonValue& out, JsonError& error,
                std::vector<JsonValue>* partial) {
  Reader reader(text, max_depth);
  return reader.parse_document(out, error, partial);
}

bool decode_json_string(std::string_view s, std::string& out, std::vector<std::uint32_t>* offsets,
                        std::uint32_t base) {
  out.clear();
  if (offsets) offsets->clear();
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') return false;
  const std::size_t end = s.size() - 1;
  out.reserve(end - 1);
  if (offsets) offsets->reserve(end);
  const auto mark = [&](std::size_t from, std::size_t count) {
    if (offsets) offsets->insert(offsets->end(), count, static_cast<std::uint32_t>(base + from));
  };
  std::size_t i = 1;
  while (i < end) {
    // A run of plain bytes is copied at once; each maps to its own source byte.
    std::size_t run_end = i;
    while (run_end < end && s[run_end] != '\\') ++run_end;
    if (run_end > i) {
      out.append(s.data() + i, run_end - i);
      if (offsets) {
        const std::size_t at = offsets->size();
        offsets->resize(at + (run_end - i));  // one size check for the run, not one per byte
        for (std::size_t k = i; k < run_end; ++k) (*offsets)[at + k - i] = static_cast<std::uint32_t>(base + k);
      }
      i = run_end;
      continue;
    }
    if (i + 1 >= end) return false;
    const char e = s[i + 1];
    const std::size_t at = i;
    char simple = 0;
    switch (e) {
      case '"': simple = '"'; break;
      case '\\': simple = '\\'; break;
      case '/': simple = '/'; break;
      case 'b': simple = '\b'; break;
      case 'f': simple = '\f'; break;
      case 'n': simple = '\n'; break;
      case 'r': simple = '\r'; break;
      case 't': simple = '\t'; break;
      case 'u': break;
      default: return false;
    }
    if (simple) {
      out += simple;
      mark(at, 1);
      i += 2;
      continue;
    }
    long cp = read_hex4(s.substr(0, end), i + 2);
    if (cp < 0) return false;
    i += 6;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      // A high surrogate needs a low one right after; otherwise it is a lone surrogate.
      const long low = (i + 1 < end && s[i] == '\\' && s[i + 1] == 'u') ? read_hex4(s.substr(0, end), i + 2) : -1;
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        i += 6;
      } else {
        cp = 0xFFFD;
      }
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    const std::size_t before = out.size();
    append_utf8(out, static_cast<char32_t>(cp));
    mark(at, out.size() - before);
  }
  if (offsets) offsets->push_back(static_cast<std::uint32_t>(base + s.size() - 1));
  return true;
}

}  // namespace gloss
