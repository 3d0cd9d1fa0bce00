#include "numeric_patterns.h"

#include <algorithm>
#include <initializer_list>

namespace gloss {
namespace ner {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

// The text a pattern may read: from the start of the text (for \b) to the end of the window.
class Window {
 public:
  Window(std::string_view text, std::size_t pos)
      : text_(text.substr(0, std::min(text.size(), pos + kNumericWindow))), start_(pos) {}

  std::size_t start() const { return start_; }
  bool digit(std::size_t p) const { return p < text_.size() && text_[p] >= '0' && text_[p] <= '9'; }
  bool space(std::size_t p) const {
    if (p >= text_.size()) return false;
    const char c = text_[p];
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }
  bool letter(std::size_t p) const {
    if (p >= text_.size()) return false;
    const char c = text_[p];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  bool word_char(std::size_t p) const {
    return digit(p) || letter(p) || (p < text_.size() && text_[p] == '_');
  }
  // \b at p (p > 0 in every use: a boundary is never checked at a match's start).
  bool boundary(std::size_t p) const { return word_char(p - 1) != word_char(p); }
  bool has(std::size_t p, std::string_view literal) const {
    return p <= text_.size() && text_.size() - p >= literal.size() && text_.compare(p, literal.size(), literal) == 0;
  }
  // \s*: the end of the spaces at p.
  std::size_t spaces(std::size_t p) const {
    while (space(p)) ++p;
    return p;
  }
  // `word`\s+ at p (an optional word of a pattern, "of", "US"): the end of the spaces, or kNone.
  std::size_t word_and_spaces(std::size_t p, std::string_view word) const {
    if (!has(p, word)) return kNone;
    const std::size_t end = spaces(p + word.size());
    return end == p + word.size() ? kNone : end;
  }
  // \d{n} at p: its end, or kNone.
  std::size_t digits(std::size_t p, std::size_t n) const {
    for (std::size_t k = 0; k < n; ++k) {
      if (!digit(p + k)) return kNone;
    }
    return p + n;
  }
  // \d[\d,]*(?:\.\d+)? at p: its end, or kNone.
  std::size_t number(std::size_t p) const {
    if (!digit(p)) return kNone;
    ++p;
    while (digit(p) || (p < text_.size() && text_[p] == ',')) ++p;
    if (has(p, ".") && digit(p + 1)) {
      p += 2;
      while (digit(p)) ++p;
    }
    return p;
  }
  // The first of `words` at p (with \b after it when `bounded`): its length, or 0.
  std::size_t one_of(std::size_t p, std::initializer_list<std::string_view> words, bool bounded) const {
    for (std::string_view w : words) {
      if (has(p, w) && (!bounded || boundary(p + w.size()))) return w.size();
    }
    return 0;
  }
  // The lengths MONTH can match at p, in the order the expression prefers them; 0 ends the list.
  void month_lengths(std::size_t p, std::size_t (&out)[6]) const;

  std::string_view view(std::size_t from, std::size_t to) const { return text_.substr(from, to - from); }
  PatternMatch match(std::size_t end, std::initializer_list<std::string_view> groups) const {
    PatternMatch m;
    m.length = end - start_;
    std::size_t k = 0;
    for (std::string_view g : groups) m.group[k++] = g;
    return m;
  }

 private:
  std::string_view text_;
  std::size_t start_;
};

struct MonthSpelling {
  std::string_view stem;
  std::string_view endings[4];  // tried in order before the stem alone
};
constexpr MonthSpelling kMonths[] = {
    {"Jan", {"uary", "."}}, {"Feb", {"ruary", "."}}, {"Mar", {"ch", "."}},    {"Apr", {"il", "."}},
    {"May", {}},            {"Jun", {"e"}},          {"Jul", {"y"}},          {"Aug", {"ust", "."}},
    {"Sep", {"tember", "t.", "t", "."}},             {"Oct", {"ober", "."}},  {"Nov", {"ember", "."}},
    {"Dec", {"ember", "."}},
};

void Window::month_lengths(std::size_t p, std::size_t (&out)[6]) const {
  std::size_t n = 0;
  for (const MonthSpelling& m : kMonths) {
    if (!has(p, m.stem)) continue;
    for (std::string_view ending : m.endings) {
      if (!ending.empty() && has(p + m.stem.size(), ending)) out[n++] = m.stem.size() + ending.size();
    }
    out[n++] = m.stem.size();
    break;  // the stems differ: at most one matches
  }
  out[n] = 0;
}

// (?:,?\s+(\d{4})\b)? at p: the end of the year (its four digits end there), or kNone.
std::size_t year_after(const Window& w, std::size_t p) {
  for (const bool comma : {true, false}) {
    std::size_t q = p;
    if (comma) {
      if (!w.has(q, ",")) continue;
      ++q;
    }
    const std::size_t digits_at = w.spaces(q);
    if (digits_at == q) continue;
    const std::size_t end = w.digits(digits_at, 4);
    if (end != kNone && w.boundary(end)) return end;
  }
  return kNone;
}

}  // namespace

PatternMatch match_month_day(std::string_view text, std::size_t pos) {
  const Window w(text, pos);
  std::size_t months[6];
  w.month_lengths(pos, months);
  for (std::size_t k = 0; months[k] != 0; ++k) {
    const std::size_t month_end = pos + months[k];
    const std::size_t day_at = w.spaces(month_end);
    if (day_at == month_end) continue;
    for (const std::size_t day_digits : {2, 1}) {
      const std::size_t day_end = w.digits(day_at, day_digits);
      if (day_end == kNone) continue;
      const std::string_view month = w.view(pos, month_end), day = w.view(day_at, day_end);
      const std::size_t ordinal = w.one_of(day_end, {"st", "nd", "rd", "th"}, false);
      for (std::size_t after_day : {day_end + ordinal, day_end}) {  // with the ordinal, then without
        const std::size_t year_end = year_after(w, after_day);
        if (year_end != kNone) return w.match(year_end, {month, day, w.view(year_end - 4, year_end)});
        if (w.boundary(after_day)) return w.match(after_day, {month, day});
      }
    }
  }
  return {};
}

PatternMatch match_month_year(std::string_view text, std::size_t pos) {
  const Window w(text, pos);
  std::size_t months[6];
  w.month_lengths(pos, months);
  for (std::size_t k = 0; months[k] != 0; ++k) {
    const std::size_t month_end = pos + months[k];
    const std::size_t year_end = year_after(w, month_end);
    if (year_end != kNone) return w.match(year_end, {w.view(pos, month_end), w.view(year_end - 4, year_end)});
  }
  return {};
}

PatternMatch match_day_month(std::string_view text, std::size_t pos) {
  const Window w(text, pos);
  for (const std::size_t day_digits : {2, 1}) {
    const std::size_t day_end = w.digits(pos, day_digits);
    if (day_end == kNone) continue;
    const std::size_t ordinal = w.one_of(day_end, {"st", "nd", "rd", "th"}, false);
    for (std::size_t after_day : {day_end + ordinal, day_end}) {  // with the ordinal, then without
      const std::size_t after_spaces = w.spaces(after_day);
      if (after_spaces == after_day) continue;
      for (const bool of : {true, false}) {
        const std::size_t month_at = of ? w.word_and_spaces(after_spaces, "of") : after_spaces;
        if (month_at == kNone) continue;
        std::size_t months[6];
        w.month_lengths(month_at, months);
        for (std::size_t k = 0; months[k] != 0; ++k) {
          const std::size_t month_end = month_at + months[k];
          if (!w.boundary(month_end)) continue;
          const std::string_view day = w.view(pos, day_end), month = w.view(month_at, month_end);
          const std::size_t year_end = year_after(w, month_end);
          if (year_end != kNone) return w.match(year_end, {day, month, w.view(year_end - 4, year_end)});
          return w.match(month_end, {day, month});
        }
      }
    }
  }
  return {};
}

PatternMatch match_iso_date(std::string_view text, std::size_t pos) {
  const Window w(text, pos);
  const std::size_t year_end = w.digits(pos, 4);
  if (year_end == kNone || !w.has(year_end, "-")) return {};
  const std::size_t month_end = w.digits(year_end + 1, 2);
  if (month_end == kNone || !w.has(month_end, "-")) return {};
  const std::size_t day_end = w.digits(month_end + 1, 2);
  if (day_end == kNone || !w.boundary(day_end)) return {};
  return w.match(day_end, {w.view(pos, year_end), w.view(year_end + 1, month_end), w.view(month_end + 1, day_end)});
}

PatternMatch match_time(std::string_view text, std::size_t pos) {
  const Window w(text, pos);
  if (!w.digit(pos)) return {};
  const std::size_t hour_end = w.digit(pos + 1) ? pos + 2 : pos + 1;
  std::size_t end = hour_end;
  std::string_view minutes, seconds, am_pm;
  if (w.has(end, ":") && w.digits(end + 1, 2) != kNone) {
    minutes = w.view(end + 1, end + 3);
    end += 3;
    if (w.has(end, ":") && w.digits(end + 1, 2) != kNone) {
      seconds = w.view(end + 1, end + 3);
      end += 3;
    }
  }
  const std::size_t am_pm_at = w.spaces(end);
  const std::size_t am_pm_length = w.has(am_pm_at, "a.m.") || w.has(am_pm_at, "p.m.")
                                       ? 4
                                       : w.one_of(am_pm_at, {"am", "pm", "AM", "PM"}, true);
  if (am_pm_length != 0) {
    am_pm = w.view(am_pm_at, am_pm_at + am_pm_length);
    end = am_pm_at + am_pm_length;
  }
  const std::size_t zone_at = w.spaces(end);
  if (w.has(zone_at, "GMT") || w.has(zone_at, "UTC")) {
    return w.match(zone_at + 3, {w.view(pos, hour_end), minutes, seconds, am_pm});
  }
  return w.match(end, {w.view(pos, hour_end), minutes, seconds, am_pm});
}

PatternMatch match_money_sign(std::string_view text, std::size_t pos) {
  const Window w(text, pos);
  for (const std::string_view prefix : {"US", "A", "C", "HK", "NZ", "S", ""}) {
    if (!w.has(pos, prefix)) continue;
    const std::size_t sign_at = pos + prefix.size();
    const std::size_t sign = w.one_of(sign_at, {"$", "\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5"}, false);  // $ € £ ¥
    if (sign == 0) continue;
    std::size_t number_at = sign_at + sign;
    if (w.space(number_at) && w.digit(number_at + 1)) ++number_at;
    const std::size_t number_end = w.number(number_at);
    if (number_end == kNone) continue;
    const std::size_t unit_at = w.spaces(number_end);
    const std::size_t unit = w.one_of(unit_at, {"million", "billion", "trillion", "bn", "mn", "m", "k"}, true);
    if (unit != 0) return w.match(unit_at + unit, {w.view(number_at, number_end), w.view(unit_at, unit_at + unit)});
    return w.match(number_end, {w.view(number_at, number_end)});
  }
  return {};
}

PatternMatch match_money_word(std::string_view text, std::size_t pos) {
  const Window w(text, pos);
  const std::size_t number_end = w.number(pos);
  if (number_end == kNone) return {};
  for (const bool with_scale : {true, false}) {
    std::size_t scale_at = number_end, scale_end = number_end;
    if (with_scale) {
      scale_at = w.spaces(number_end);
      const std::size_t n = scale_at == number_end ? 0 : w.one_of(scale_at, {"million", "billion", "trillion"}, false);
      if (n == 0) continue;
      scale_end = scale_at + n;
    }
    const std::size_t after_spaces = w.spaces(scale_end);
    if (after_spaces == scale_end) continue;
    for (const bool us : {true, false}) {
      const std::size_t word_at = us ? w.word_and_spaces(after_spaces, "US") : after_spaces;
      if (word_at == kNone) continue;
      std::size_t word_end = word_at;
      while (w.letter(word_end)) ++word_end;
      if (word_end == word_at) continue;
      return w.match(word_end, {w.view(pos, number_end), w.view(scale_at, scale_end), w.view(word_at, word_end)});
    }
  }
  return {};
}

PatternMatch match_percent(std::string_view text, std::size_t pos) {
  const Window w(text, pos);
  const std::size_t number_end = w.number(pos);
  if (number_end == kNone) return {};
  for (const bool space : {true, false}) {
    const std::size_t sign_at = number_end + (space ? 1 : 0);
    if (space && !w.space(number_end)) continue;
    std::size_t n = w.has(sign_at, "%") ? 1 : w.one_of(sign_at, {"percent", "per cent", "percentage points",
                                                                   "percentage point"}, true);
    if (n != 0) return w.match(sign_at + n, {w.view(pos, number_end)});
  }
  return {};
}

}  // namespace ner
}  // namespace gloss
