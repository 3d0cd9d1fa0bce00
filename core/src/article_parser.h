// The article parser: bytes in, the structural part of a Document out (no entities, no quotes).
#ifndef GLOSS_ARTICLE_PARSER_H_
#define GLOSS_ARTICLE_PARSER_H_

#include <string>
#include <string_view>

#include "gloss/gloss.h"

namespace gloss {

// Fills everything structural in `doc` from `doc.input`: format, fields, headline, dateline, body
// paragraphs and sentences, agency line, related items, warnings. Never fails: problems are warnings.
void parse_article(Document& doc);

// Parses a dateline such as "Tue Mar 24, 2015 15:17:30" (seconds optional) or an ISO 8601 date-time
// ("2015-03-24T15:17:30", "2015-03-24"). Returns the ISO form, or empty when `text` is neither.
// `weekday_mismatch` is set when a given weekday contradicts the date.
std::string parse_dateline(std::string_view text, bool* weekday_mismatch = nullptr);

}  // namespace gloss

#endif  // GLOSS_ARTICLE_PARSER_H_
