// The patterns of DATE, TIME, MONEY and PERCENT, as hand-written matchers. Each is anchored at `pos`,
// reads at most kNumericWindow bytes from there, runs in time linear in that window, allocates nothing,
// and matches exactly what the regular expression written above it would match with Perl's
// leftmost-first preference (greedy repetition, alternatives in order). They replaced re2, which cost
// ~115 KB of the 400 KB gzip budget of the browser download for these eight expressions.
#ifndef GLOSS_NUMERIC_PATTERNS_H_
#define GLOSS_NUMERIC_PATTERNS_H_

#include <cstddef>
#include <string_view>

namespace gloss {
namespace ner {

// The longest span any numeric pattern can cover.
constexpr std::size_t kNumericWindow = 64;

struct PatternMatch {
  std::size_t length = 0;      // bytes matched from pos; 0 = no match
  std::string_view group[4];   // the capture groups, in order; empty when an optional group is absent
  explicit operator bool() const { return length != 0; }
};

// Written below as the regular expressions they implement; MONTH stands for
// (Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|
//  Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)
// and \s is [\t\n\f\r ], \d is [0-9], \b an ASCII word boundary (the window's end counts as the end of
// the text).

// "March 28", "March 28, 2015", "Sept. 3rd":   MONTH\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b
PatternMatch match_month_day(std::string_view text, std::size_t pos);
// "March 2015":   MONTH,?\s+(\d{4})\b
PatternMatch match_month_year(std::string_view text, std::size_t pos);
// "28 March", "28th of March 2015":   (\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?MONTH\b(?:,?\s+(\d{4})\b)?
PatternMatch match_day_month(std::string_view text, std::size_t pos);
// "2015-03-24":   (\d{4})-(\d{2})-(\d{2})\b
PatternMatch match_iso_date(std::string_view text, std::size_t pos);
// "15:17", "3:30 p.m.", "10 am", "09:00 GMT":
//   (\d{1,2})(?::(\d{2}))?(?::(\d{2}))?(?:\s*(a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b))?(?:\s*(GMT|UTC))?
// (the spaces before "am" belong to the match only when "am" follows).
PatternMatch match_time(std::string_view text, std::size_t pos);
// "$5 million", "US$ 3.5bn", "€20", "£1,000":
//   (?:US|A|C|HK|NZ|S)?(?:\$|€|£|¥)\s?(\d[\d,]*(?:\.\d+)?)(?:\s*(million|billion|trillion|bn|mn|m|k)\b)?
PatternMatch match_money_sign(std::string_view text, std::size_t pos);
// "5 million dollars", "300 euros", "100 USD":
//   (\d[\d,]*(?:\.\d+)?)(?:\s+(million|billion|trillion))?\s+(?:US\s+)?([A-Za-z]+)
PatternMatch match_money_word(std::string_view text, std::size_t pos);
// "5%", "12.5 percent", "3 per cent", "2 percentage points":
//   (\d[\d,]*(?:\.\d+)?)\s?(?:%|percent\b|per cent\b|percentage points?\b)
PatternMatch match_percent(std::string_view text, std::size_t pos);

}  // namespace ner
}  // namespace gloss

#endif  // GLOSS_NUMERIC_PATTERNS_H_
