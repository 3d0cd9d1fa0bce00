// The hand-written DATE/TIME/MONEY/PERCENT matchers (core/src/numeric_patterns.h): the cases where the
// regular expression each implements backtracks, so the order of the alternatives matters. (When they
// replaced re2 they were checked against it on 18 million generated strings, with no difference but the
// time fix below.)
#include <catch2/catch.hpp>

#include <string>

#include "numeric_patterns.h"

using gloss::ner::PatternMatch;

namespace {
std::string matched(PatternMatch (*pattern)(std::string_view, std::size_t), std::string_view text,
                    std::size_t pos = 0) {
  const PatternMatch m = pattern(text, pos);
  return m ? std::string(text.substr(pos, m.length)) : std::string("<none>");
}
}  // namespace

TEST_CASE("numeric patterns: month first", "[entities][patterns]") {
  using gloss::ner::match_month_day;
  CHECK(matched(match_month_day, "March 28, 2015 was") == "March 28, 2015");
  CHECK(matched(match_month_day, "March 28, 20155") == "March 28");  // no year: the year must end at \b
  CHECK(matched(match_month_day, "Sept. 3rd") == "Sept. 3rd");
  CHECK(matched(match_month_day, "March 28the") == "<none>");
  CHECK(matched(match_month_day, "March 285") == "<none>");
  const PatternMatch m = match_month_day("Jan 5 2016", 0);
  CHECK(m.group[0] == "Jan");
  CHECK(m.group[1] == "5");
  CHECK(m.group[2] == "2016");
  CHECK(matched(gloss::ner::match_month_year, "June, 2014.") == "June, 2014");
}

TEST_CASE("numeric patterns: day first", "[entities][patterns]") {
  using gloss::ner::match_day_month;
  CHECK(matched(match_day_month, "28th of March 2015") == "28th of March 2015");
  // "Sept." is not followed by a word boundary, "Sept" is: the month is "Sept" and the year can't follow.
  CHECK(matched(match_day_month, "5 Sept. 2015") == "5 Sept");
  CHECK(matched(match_day_month, "5 Mayor") == "<none>");
  CHECK(matched(gloss::ner::match_iso_date, "2015-03-24T10") == "<none>");
  CHECK(matched(gloss::ner::match_iso_date, "2015-03-24.") == "2015-03-24");
}

TEST_CASE("numeric patterns: times end at their last word, not at the spaces after it", "[entities][patterns]") {
  using gloss::ner::match_time;
  CHECK(matched(match_time, "15:17 and") == "15:17");
  CHECK(matched(match_time, "3:30 p.m. on") == "3:30 p.m.");
  CHECK(matched(match_time, "10 amid") == "10");
  CHECK(matched(match_time, "09:00 GMT") == "09:00 GMT");
  CHECK(match_time("7:05:09 PM", 0).group[2] == "09");
}

TEST_CASE("numeric patterns: money and percentages", "[entities][patterns]") {
  using gloss::ner::match_money_sign;
  using gloss::ner::match_money_word;
  using gloss::ner::match_percent;
  CHECK(matched(match_money_sign, "US$ 3.5bn") == "US$ 3.5bn");
  CHECK(matched(match_money_sign, "\xE2\x82\xAC" "20 millions") == "\xE2\x82\xAC" "20");  // "m" needs \b
  CHECK(matched(match_money_sign, "$ x") == "<none>");
  CHECK(match_money_word("5 million dollars", 0).group[2] == "dollars");
  CHECK(match_money_word("5 millions euros", 0).group[2] == "millions");  // "million" can't end there
  CHECK(match_money_word("5 US dollars", 0).group[2] == "dollars");
  CHECK(match_money_word("5 USD", 0).group[2] == "USD");
  CHECK(matched(match_percent, "2 percentage points.") == "2 percentage points");
  CHECK(matched(match_percent, "3 per cent") == "3 per cent");
  CHECK(matched(match_percent, "3 percentile") == "<none>");
  // Nothing past the window: a pattern reads at most kNumericWindow bytes.
  const std::string long_number(gloss::ner::kNumericWindow, '1');
  CHECK(matched(match_percent, long_number.substr(1) + "%") == long_number.substr(1) + "%");
  CHECK(matched(match_percent, long_number + "%") == "<none>");
}
