// Small out-of-line members of the public types.
#include <algorithm>

#include "gloss/gloss.h"

namespace gloss {

const char* to_string(InputFormat format) {
  switch (format) {
    case InputFormat::kDump: return "dump";
    case InputFormat::kPlainText: return "text";
    case InputFormat::kJson: return "json";
  }
  return "text";
}

const char* to_string(EntityType type) {
  static const char* const kNames[kEntityTypeCount] = {"PERSON", "ORG",   "GPE",  "LOC",   "NORP",  "FAC",
                                                       "EVENT",  "PRODUCT", "DATE", "TIME", "MONEY", "PERCENT"};
  return kNames[static_cast<int>(type)];
}

const char* to_string(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kDirect: return "direct";
    case QuoteKind::kIndirect: return "indirect";
    case QuoteKind::kMixed: return "mixed";
    case QuoteKind::kScare: return "scare";
  }
  return "direct";
}

std::uint32_t TextField::to_input(std::uint32_t local) const {
  if (input_offsets.empty()) return base + std::min<std::uint32_t>(local, static_cast<std::uint32_t>(text.size()));
  return input_offsets[std::min<std::size_t>(local, input_offsets.size() - 1)];
}

std::string_view TextField::slice(Span local) const {
  const std::size_t start = std::min<std::size_t>(local.start, text.size());
  const std::size_t end = std::min<std::size_t>(std::max(local.end, local.start), text.size());
  return std::string_view(text).substr(start, end - start);
}

std::string TextField::name() const {
  switch (kind) {
    case FieldKind::kTitle: return "title";
    case FieldKind::kBody: return "body";
    case FieldKind::kRelatedTitle: return "related:" + std::to_string(related_index);
    case FieldKind::kSource: return "source";
  }
  return "body";
}

AnnotateResult AnnotateResult::failure(std::string message, std::size_t offset) {
  AnnotateResult result;
  result.error_ = std::move(message);
  result.error_offset_ = offset;
  return result;
}

}  // namespace gloss
