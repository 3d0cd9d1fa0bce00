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
  const auto too_many_spans = [&doc] {
    return doc.sentences.size() + doc.paragraphs.size() + doc.entities.size() + doc.quotes.size() > kMaxSpans;
  };
  const auto span_error = [] {
    return AnnotateResult::failure("the input yields more than " + std::to_string(kMaxSpans) +
                                       " annotations (kMaxSpans); split it into smaller documents",
                                   0);
  };
  parse_article(doc);
  if (too_many_spans()) return span_error();
  if (options.entities) recognise_entities(doc);
  if (too_many_spans()) return span_error();
  if (options.quotes) find_quotes(doc);
  if (too_many_spans()) return span_error();
  return AnnotateResult(std::move(doc));
}

std::string annotate_to_json(std::string_view input, const JsonOptions& options, bool* ok) {
  const AnnotateResult result = annotate(input);
  if (ok) *ok = result.ok();
  if (!result.ok()) return error_json(result.error(), result.error_offset());
  return to_json(result.document(), options);
}

}  // namespace gloss
