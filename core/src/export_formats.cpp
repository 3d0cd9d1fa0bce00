// Interoperable exports of a Document: W3C Web Annotation JSON-LD and spaCy displaCy's manual format.
//
// Why in the core: native (CLI) and WebAssembly (JS API) must give the same bytes, and both count
// positions in code points, which only the core can do consistently with its own UTF-8 rules: every
// invalid input byte is one U+FFFD (as in the gloss/1 JSON's UTF-16 offsets), so `exact` is always the
// code points [start, end) of the decoded text and a consumer can re-anchor without our help.
#include <algorithm>
#include <utility>

#include "gloss/gloss.h"
#include "json_out.h"
#include "utf8.h"

namespace gloss {
namespace {

constexpr const char* kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::size_t kContextCodePoints = 32;      // prefix/suffix length of a TextQuoteSelector

// Length of the unit at text[pos]: a valid sequence, or 1 for an invalid byte (one U+FFFD).
std::size_t unit_length(std::string_view text, std::size_t pos) {
  const std::size_t n = utf8_sequence_length(text, pos);
  return n == 0 ? 1 : n;
}

// `text` as valid UTF-8, each invalid byte replaced by U+FFFD.
std::string decoded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(text.data() + i, n);
      i += n;
    }
  }
  return out;
}

// Byte offset <-> code point index of one text, for a batch of queries answered in one linear sweep
// each (memory: the queries only, whatever the text size).
class CodePointMap {
 public:
  explicit CodePointMap(std::string_view text) : text_(text) {}

  // Code point index of each byte offset in `bytes` (an offset inside a sequence counts that sequence).
  std::vector<std::size_t> to_code_points(const std::vector<std::size_t>& bytes) const {
    return sweep(bytes, /*by_byte=*/true);
  }
  // Byte offset where each code point index in `cps` starts (clamped to the text's end).
  std::vector<std::size_t> to_bytes(const std::vector<std::size_t>& cps) const { return sweep(cps, false); }

 private:
  std::vector<std::size_t> sweep(const std::vector<std::size_t>& keys, bool by_byte) const {
    std::vector<std::size_t> order(keys.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
    std::vector<std::size_t> out(keys.size());
    std::size_t byte = 0, cp = 0;
    for (std::size_t i : order) {
      const std::size_t key = keys[i];
      while (byte < text_.size() && (by_byte ? byte < key : cp < key)) {
        byte += unit_length(text_, byte);
        ++cp;
      }
      out[i] = by_byte ? cp : byte;
    }
    return out;
  }
  std::string_view text_;
};

// A TextualBody: {"type": "TextualBody", "purpose": …, "value": …}.
void textual_body(JsonOut& out, const char* purpose, std::string_view value) {
  out.begin_object();
  out.key("type");
  out.string("TextualBody");
  out.key("purpose");
  out.string(purpose);
  out.key("value");
  out.string(value);
  out.end_object();
}

}  // namespace

bool parse_export_format(std::string_view name, ExportFormat* format) {
  static const std::pair<std::string_view, ExportFormat> kNames[] = {
      {"gloss", ExportFormat::kGloss}, {"w3c", ExportFormat::kW3c}, {"displacy", ExportFormat::kDisplacy}};
  for (const auto& entry : kNames) {
    if (entry.first == name) {
      *format = entry.second;
      return true;
    }
  }
  return false;
}

std::string to_w3c_annotations(const Document& doc, const JsonOptions& options, std::string_view source) {
  const std::string target_source = source.empty() ? std::string("urn:x-gloss:input") : std::string(source);
  // One target per annotation: entities first, then quotes (each in the document's order).
  struct Target {
    Span input;  // input bytes
  };
  std::vector<Target> targets;
  targets.reserve(doc.entities.size() + doc.quotes.size());
  for (const Entity& e : doc.entities) targets.push_back({doc.fields[std::size_t(e.field)].to_input(e.span)});
  for (const Quote& q : doc.quotes) targets.push_back({doc.fields[std::size_t(q.field)].to_input(q.span)});

  const std::string_view input = doc.input;
  const CodePointMap map(input);
  std::vector<std::size_t> bytes;
  bytes.reserve(targets.size() * 2);
  for (const Target& t : targets) {
    bytes.push_back(t.input.start);
    bytes.push_back(t.input.end);
  }
  const std::vector<std::size_t> cps = map.to_code_points(bytes);
  std::vector<std::size_t> context_cps;
  context_cps.reserve(cps.size());
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const std::size_t start = cps[2 * i], end = cps[2 * i + 1];
    context_cps.push_back(start > kContextCodePoints ? start - kContextCodePoints : 0);
    context_cps.push_back(end + kContextCodePoints);
  }
  const std::vector<std::size_t> context_bytes = map.to_bytes(context_cps);
  const auto slice = [&](std::size_t from, std::size_t to) {
    to = std::min(to, input.size());
    return from < to ? decoded(input.substr(from, to - from)) : std::string();
  };

  std::string result;
  JsonOut out(result, options.pretty);
  // One AnnotationPage holding every annotation, partOf its collection (pretty: one annotation a line).
  out.begin_object();
  out.key("@context");
  out.string("http://www.w3.org/ns/anno.jsonld");
  out.key("type");
  out.string("AnnotationPage");
  out.key("partOf");
  out.begin_object();
  out.key("type");
  out.string("AnnotationCollection");
  out.key("label");
  out.string("Gloss annotations (entities and quotations)");
  out.key("total");
  out.number(static_cast<std::uint64_t>(targets.size()));
  out.end_object();
  out.key("startIndex");
  out.number(0);
  out.key("items");
  out.begin_array();
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const bool is_entity = i < doc.entities.size();
    const std::size_t start_byte = targets[i].input.start, end_byte = targets[i].input.end;
    const std::string exact = slice(start_byte, end_byte);
    out.begin_object();
    if (is_entity) {
      const Entity& e = doc.entities[i];
      out.key("id");
      out.string(target_source + "#gloss-entity-" + std::to_string(i));
      out.key("type");
      out.string("Annotation");
      out.key("motivation");
      out.string("identifying");
      out.key("body");
      out.begin_array();
      textual_body(out, "tagging", to_string(e.type));
      textual_body(out, "identifying", e.canonical.empty() ? exact : e.canonical);
      out.end_array();
    } else {
      const std::size_t qi = i - doc.entities.size();
      const Quote& q = doc.quotes[qi];
      out.key("id");
      out.string(target_source + "#gloss-quote-" + std::to_string(qi));
      out.key("type");
      out.string("Annotation");
      out.key("motivation");
      out.string("classifying");
      out.key("body");
      out.begin_array();
      textual_body(out, "classifying", std::string(to_string(q.kind)) + " quote");
      std::string speaker = q.resolved_speaker;
      if (speaker.empty() && q.has_speaker) speaker = decoded(doc.fields[std::size_t(q.field)].slice(q.speaker));
      if (!speaker.empty()) textual_body(out, "describing", "speaker: " + speaker);
      out.end_array();
    }
    out.key("target");
    out.begin_object();
    out.key("source");
    out.string(target_source);
    out.key("selector");
    out.begin_array();
    out.begin_object();
    out.key("type");
    out.string("TextQuoteSelector");
    out.key("exact");
    out.string(exact);
    out.key("prefix");
    out.string(slice(context_bytes[2 * i], start_byte));
    out.key("suffix");
    out.string(slice(end_byte, context_bytes[2 * i + 1]));
    out.end_object();
    out.begin_object();
    out.key("type");
    out.string("TextPositionSelector");
    out.key("start");
    out.number(static_cast<std::uint64_t>(cps[2 * i]));
    out.key("end");
    out.number(static_cast<std::uint64_t>(cps[2 * i + 1]));
    out.end_object();
    out.end_array();
    out.end_object();
    out.end_object();
  }
  out.end_array();
  out.end_object();
  return result;
}

std::string to_displacy(const Document& doc, const JsonOptions& options) {
  std::string result;
  JsonOut out(result, options.pretty);
  out.begin_array();
  for (std::size_t f = 0; f < doc.fields.size(); ++f) {
    const TextField& field = doc.fields[f];
    if (field.text.empty()) continue;
    std::vector<std::size_t> bytes;
    std::vector<const Entity*> entities;
    for (const Entity& e : doc.entities) {
      if (std::size_t(e.field) != f) continue;
      entities.push_back(&e);
      bytes.push_back(e.span.start);
      bytes.push_back(e.span.end);
    }
    const std::vector<std::size_t> cps = CodePointMap(field.text).to_code_points(bytes);
    out.begin_object();
    out.key("text");
    out.string(field.text);  // JsonOut writes each invalid byte as U+FFFD, as the offsets count it
    out.key("ents");
    out.begin_array();
    for (std::size_t i = 0; i < entities.size(); ++i) {
      out.begin_object();
      out.key("start");
      out.number(static_cast<std::uint64_t>(cps[2 * i]));
      out.key("end");
      out.number(static_cast<std::uint64_t>(cps[2 * i + 1]));
      out.key("label");
      out.string(to_string(entities[i]->type));
      out.end_object();
    }
    out.end_array();
    out.key("title");
    out.string(field.name());
    out.end_object();
  }
  out.end_array();
  return result;
}

std::string to_format(const Document& doc, ExportFormat format, const JsonOptions& options) {
  switch (format) {
    case ExportFormat::kW3c: return to_w3c_annotations(doc, options);
    case ExportFormat::kDisplacy: return to_displacy(doc, options);
    case ExportFormat::kGloss: break;
  }
  return to_json(doc, options);
}

}  // namespace gloss
