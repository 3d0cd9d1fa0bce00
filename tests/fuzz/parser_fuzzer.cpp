// libFuzzer target: the article parser alone (no annotators), checking its span invariants.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "gloss/gloss.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const gloss::AnnotateResult result = gloss::annotate(input, gloss::AnnotateOptions{false, false});
  if (!result.ok()) return 0;
  const gloss::Document& doc = result.document();
  const auto check = [&](gloss::Span s, std::size_t limit) {
    if (s.start > s.end || s.end > limit) std::abort();
  };
  for (gloss::Span s : doc.title_spans) check(s, size);
  if (doc.has_dateline) check(doc.dateline_span, size);
  if (doc.has_source) check(doc.source_span, size);
  for (const auto& r : doc.related) check(r.span, size);
  const std::size_t body = doc.body().text.size();
  for (gloss::Span s : doc.paragraphs) check(s, body);
  for (gloss::Span s : doc.sentences) check(s, body);
  for (gloss::Span s : doc.captions) check(s, body);
  for (const gloss::TextField& f : doc.fields) {
    if (f.to_input(static_cast<std::uint32_t>(f.text.size())) > size) std::abort();
  }
  return 0;
}
