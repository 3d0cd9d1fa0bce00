// The pipeline: limits, parse, entities, quotes.
#include "article_parser.h"
#include "entities.h"
#include "gloss/gloss.h"
#include "quotes.h"

namespace gloss {

AnnotateResult annotate(std::string_view input, const AnnotateOptions& options) {
  if (input.size() > kMaxInputBytes) {
    return AnnotateResult::failure("input is " + std::to_string(input.size()) + " bytes; the limit is " +
                                       std::to_string(kMaxInputBytes) + " bytes (kMaxInputBytes)",
                                   kMaxInputBytes);
  }
  Document doc;
  doc.input.assign(input);
  parse_article(doc);
  if (options.entities) recognise_entities(doc);
  if (options.quotes) find_quotes(doc);
  return AnnotateResult(std::move(doc));
}

std::string annotate_to_json(std::string_view input, const JsonOptions& options, bool* ok) {
  const AnnotateResult result = annotate(input);
  if (ok) *ok = result.ok();
  if (!result.ok()) return error_json(result.error(), result.error_offset());
  return to_json(result.document(), options);
}

}  // namespace gloss
