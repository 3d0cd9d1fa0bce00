// DATE, TIME, MONEY and PERCENT: patterns (numeric_patterns.h) anchored at candidate tokens (a number, a
// currency sign, a month or weekday name), with values resolved against the article's dateline.
#include <algorithm>
#include <cstdio>

#include "entities_internal.h"
#include "numeric_patterns.h"

namespace gloss {
namespace ner {
namespace {

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') break;
    v = v * 10 + (c - '0');
    if (v > 100000) break;
  }
  return v;
}

int month_of(const Lexicon& lex, std::string_view s) {
  const LexEntry* e = lex.find(s);
  if (e && e->month) return e->month;
  // "Sep", "Sept" (no entry for every spelling): fall back on the first three letters.
  static const char* const kAbbr[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int m = 0; m < 12; ++m) {
    if (s.substr(0, 3) == kAbbr[m]) return m + 1;
  }
  return 0;
}

std::string two(int v) {
  v = v < 0 ? 0 : v % 100;
  return std::string{static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)};
}

bool valid_day(int month, int day) { return month >= 1 && month <= 12 && day >= 1 && day <= 31; }

// Index of the last token whose start is before `end` (tokens covering [pos, end)).
std::size_t token_after(const std::vector<Token>& tokens, std::size_t i, std::size_t end) {
  std::size_t j = i;
  while (j < tokens.size() && tokens[j].start < end) ++j;
  return j;
}

Candidate make(std::size_t start, std::size_t end, EntityType type, const char* rule, std::string value) {
  Candidate c;
  c.span = {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)};
  c.type = type;
  c.strength = 3;
  c.priority = 5;
  c.rule = rule;
  c.value = std::move(value);
  return c;
}

std::string_view tok_text(std::string_view text, const Token& t) {  // a plain view: no bounds check
  return std::string_view(text.data() + t.start, t.end - t.start);
}

// Lower-case words before a month that make it a date ("in May", "early May").
bool month_context(std::string_view w) {
  static const char* const kWords[] = {"in", "since", "until", "till", "by", "of", "early", "late", "mid",
                                       "last", "next", "this", "during", "through", "from", "to", "before",
                                       "after", "on", "around", "end", "beginning"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// True when a future marker ("will", "next") appears shortly before token i in the same sentence.
bool future_context(std::string_view text, const std::vector<Token>& tokens, std::size_t i) {
  for (std::size_t k = i, steps = 0; k > 0 && steps < 10; --k, ++steps) {
    const Token& t = tokens[k - 1];
    if (t.is(kTokSentenceStart)) break;
    const std::string_view w = tok_text(text, t);
    if (w == "will" || w == "next" || w == "would" || w == "to" || w == "shall" || w == "'ll" || w == "until")
      return true;
    if (w == "." || w == "!" || w == "?") break;
  }
  return false;
}

}  // namespace

// [SECTION] Date arithmetic

namespace {
long days_from_civil(int y, int m, int d) {  // days since 1970-01-01
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
void civil_from_days(long z, int& y, int& m, int& d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2));
}
}  // namespace

int weekday_of(int year, int month, int day) {
  const long z = days_from_civil(year, month, day);  // 1970-01-01 was a Thursday (4)
  return static_cast<int>(((z % 7) + 7 + 3) % 7) + 1;
}

void add_days(int& year, int& month, int& day, int delta) {
  civil_from_days(days_from_civil(year, month, day) + delta, year, month, day);
}

std::string iso_date(int year, int month, int day) {
  if (year < 0 || year > 9999) year = 0;
  std::string out{static_cast<char>('0' + year / 1000), static_cast<char>('0' + year / 100 % 10),
                  static_cast<char>('0' + year / 10 % 10), static_cast<char>('0' + year % 10), '-'};
  out += two(month);
  out += '-';
  out += two(day);
  return out;
}

DateAnchor parse_anchor(std::string_view p) {
  DateAnchor a;
  if (p.size() < 10 || p[4] != '-' || p[7] != '-') return a;
  for (std::size_t k : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (p[k] < '0' || p[k] > '9') return a;
  }
  a.year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
  a.month = (p[5] - '0') * 10 + (p[6] - '0');
  a.day = (p[8] - '0') * 10 + (p[9] - '0');
  if (!valid_day(a.month, a.day)) a = DateAnchor{};
  return a;
}

// [SECTION] Rules

std::size_t match_numeric(std::string_view text, const std::vector<Token>& tokens, std::size_t i,
                          const Lexicon& lex, const DateAnchor& anchor, std::vector<Candidate>& out) {
  const Token& t = tokens[i];
  const std::size_t pos = t.start;
  const std::string_view w = tok_text(text, t);
  const auto emit = [&](std::size_t len, EntityType type, const char* rule, std::string value) {
    out.push_back(make(pos, pos + len, type, rule, std::move(value)));
    return token_after(tokens, i, pos + len);
  };

  if (t.is(kTokWord) && w.size() <= 2 && t.end < text.size() && text[t.end] == '$') {
    if (const PatternMatch m = match_money_sign(text, pos)) return emit(m.length, EntityType::kMoney, "money:sign", "");
    return i;
  }
  if (t.is(kTokWord)) {
    const LexEntry* e = lex.find(w);
    if (!e) return i;
    if (e->flags & (kLexMonth | kLexMonthAbbr)) {
      if (const PatternMatch md = match_month_day(text, pos)) {
        const int m = month_of(lex, md.group[0]), d = to_int(md.group[1]);
        if (valid_day(m, d)) {
          const int y = md.group[2].empty() ? anchor.year : to_int(md.group[2]);
          return emit(md.length, EntityType::kDate, "date:month-day",
                      y ? iso_date(y, m, d) : "--" + two(m) + "-" + two(d));
        }
      }
      if (const PatternMatch my = match_month_year(text, pos)) {
        return emit(my.length, EntityType::kDate, "date:month-year",
                    std::string(my.group[1]) + "-" + two(month_of(lex, my.group[0])));
      }
      if (!(e->flags & kLexMonth)) return i;  // a bare "Mar" is only a month before a day number
      // A month on its own: only with a date context ("in May"), as "May" is also a modal and a name.
      const bool sentence_initial = t.is(kTokSentenceStart);
      const bool ctx = i > 0 && tokens[i - 1].is(kTokWord) && month_context(tok_text(text, tokens[i - 1]));
      if (w != "May" || ctx || (!sentence_initial && !(i + 1 < tokens.size() && tokens[i + 1].is(kTokUpper)))) {
        if (w == "May" && !ctx) return i;
        return emit(w.size(), EntityType::kDate, "date:month",
                    (anchor.year ? std::to_string(anchor.year) + "-" : std::string("--")) + two(e->month));
      }
      return i;
    }
    if (e->flags & kLexWeekday) {
      std::string value;
      if (anchor.has_date()) {
        int y = anchor.year, m = anchor.month, d = anchor.day;
        const int today = weekday_of(y, m, d);
        int delta = e->weekday - today;  // -6..6
        if (future_context(text, tokens, i)) {
          if (delta < 0) delta += 7;
        } else if (delta > 0) {
          delta -= 7;
        }
        add_days(y, m, d, delta);
        value = iso_date(y, m, d);
      }
      // "Tuesday, March 24" as one date.
      if (i + 2 < tokens.size() && tok_text(text, tokens[i + 1]) == ",") {
        const LexEntry* m = lex.find(tok_text(text, tokens[i + 2]));
        if (m && (m->flags & kLexMonth)) {
          const std::size_t before = out.size();
          const std::size_t j = match_numeric(text, tokens, i + 2, lex, anchor, out);
          if (j > i + 2 && out.size() == before + 1) {
            out.back().span.start = t.start;
            out.back().rule = "date:weekday-month-day";
            return j;
          }
        }
      }
      return emit(w.size(), EntityType::kDate, "date:weekday", value);
    }
    if (e->flags & kLexRelDay) {
      if (t.is(kTokUpper) && !t.is(kTokSentenceStart)) return i;
      std::string value;
      if (anchor.has_date()) {
        int y = anchor.year, m = anchor.month, d = anchor.day;
        add_days(y, m, d, w == "yesterday" ? -1 : w == "tomorrow" ? 1 : 0);
        value = iso_date(y, m, d);
      }
      return emit(w.size(), EntityType::kDate, "date:relative-day", value);
    }
    return i;
  }

  // Currency sign first ("$5", "€20", "US$3"): the token is the sign or a short prefix word.
  if (t.is(kTokPunct)) {
    if (const PatternMatch m = match_money_sign(text, pos)) return emit(m.length, EntityType::kMoney, "money:sign", "");
    return i;
  }
  if (!t.is(kTokNumber)) return i;

  // A number: ISO date, day-month, time, percent, money, year.
  if (const PatternMatch iso = match_iso_date(text, pos)) {
    const int m = to_int(iso.group[1]), d = to_int(iso.group[2]);
    if (valid_day(m, d)) return emit(iso.length, EntityType::kDate, "date:iso", iso_date(to_int(iso.group[0]), m, d));
  }
  if (const PatternMatch dm = match_day_month(text, pos)) {
    const int d = to_int(dm.group[0]), m = month_of(lex, dm.group[1]);
    if (valid_day(m, d)) {
      const int y = dm.group[2].empty() ? anchor.year : to_int(dm.group[2]);
      return emit(dm.length, EntityType::kDate, "date:day-month",
                  y ? iso_date(y, m, d) : "--" + two(m) + "-" + two(d));
    }
  }
  if (const PatternMatch pc = match_percent(text, pos)) return emit(pc.length, EntityType::kPercent, "percent", "");
  const bool has_colon = w.find(':') != std::string_view::npos;
  const bool next_ampm = i + 1 < tokens.size() && [&] {
    const std::string_view n = tok_text(text, tokens[i + 1]);
    return n == "a.m" || n == "p.m" || n == "am" || n == "pm" || n == "AM" || n == "PM" || n == "a" || n == "p";
  }();
  const bool suffix_ampm = w.size() > 2 && (w.substr(w.size() - 2) == "am" || w.substr(w.size() - 2) == "pm");
  if (has_colon || next_ampm || suffix_ampm) {
    if (const PatternMatch tm = match_time(text, pos)) {
      int h = to_int(tm.group[0]);
      const int mi = to_int(tm.group[1]);
      const std::string_view ap = tm.group[3];
      if (!ap.empty() && (ap[0] == 'p' || ap[0] == 'P') && h < 12) h += 12;
      if (!ap.empty() && (ap[0] == 'a' || ap[0] == 'A') && h == 12) h = 0;
      if (h <= 24 && mi < 60 && (has_colon || !ap.empty())) {
        std::string value = "T" + two(h) + ":" + two(mi);
        if (!tm.group[2].empty()) value += ":" + two(to_int(tm.group[2]));
        return emit(tm.length, EntityType::kTime, "time", value);
      }
    }
  }
  if (i + 1 < tokens.size() && tokens[i + 1].is(kTokWord)) {
    if (const PatternMatch mw = match_money_word(text, pos)) {
      const LexEntry* unit = lex.find(mw.group[2]);
      if (unit && (unit->flags & kLexCurrency)) return emit(mw.length, EntityType::kMoney, "money:unit", "");
    }
  }
  // A year: four digits 1500-2099, or a decade ("1990s").
  if ((w.size() == 4 || (w.size() == 5 && w[4] == 's')) && w[0] >= '1' && w[0] <= '2' &&
      std::all_of(w.begin(), w.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) {
    const int y = to_int(w.substr(0, 4));
    const bool prev_money = i > 0 && tokens[i - 1].end == t.start && tok_text(text, tokens[i - 1]) == "$";
    if (y >= 1500 && y <= 2099 && !prev_money) {
      return emit(w.size(), EntityType::kDate, w.size() == 5 ? "date:decade" : "date:year",
                  w.size() == 5 ? std::string(w.substr(0, 3)) : std::string(w));
    }
  }
  return i;
}

void resolve_overlaps(std::vector<Candidate>& cands) {
  // The common case: already in order, nothing overlapping.
  bool clean = true;
  for (std::size_t k = 1; k < cands.size() && clean; ++k) clean = cands[k - 1].span.end <= cands[k].span.start;
  if (clean) return;
  std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    if (a.span.start != b.span.start) return a.span.start < b.span.start;
    return a.span.end > b.span.end;
  });
  std::vector<Candidate> out;
  out.reserve(cands.size());
  std::size_t i = 0;
  std::vector<std::size_t> cluster;
  while (i < cands.size()) {
    // A cluster: candidates chained by overlap.
    std::size_t j = i + 1;
    std::uint32_t end = cands[i].span.end;
    while (j < cands.size() && cands[j].span.start < end) {
      end = std::max(end, cands[j].span.end);
      ++j;
    }
    if (j == i + 1) {
      out.push_back(std::move(cands[i]));
    } else {
      cluster.clear();
      for (std::size_t k = i; k < j; ++k) cluster.push_back(k);
      std::sort(cluster.begin(), cluster.end(), [&](std::size_t a, std::size_t b) {
        const Candidate& x = cands[a];
        const Candidate& y = cands[b];
        if (x.span.size() != y.span.size()) return x.span.size() > y.span.size();
        if (x.priority != y.priority) return x.priority > y.priority;
        if (x.strength != y.strength) return x.strength > y.strength;
        return x.span.start < y.span.start;
      });
      const std::size_t first_out = out.size();
      for (std::size_t k : cluster) {
        bool clash = false;
        for (std::size_t o = first_out; o < out.size() && !clash; ++o) {
          clash = cands[k].span.start < out[o].span.end && out[o].span.start < cands[k].span.end;
        }
        if (!clash) out.push_back(std::move(cands[k]));
      }
      std::sort(out.begin() + static_cast<std::ptrdiff_t>(first_out), out.end(),
                [](const Candidate& a, const Candidate& b) { return a.span.start < b.span.start; });
    }
    i = j;
  }
  cands = std::move(out);
}

}  // namespace ner
}  // namespace gloss
