// Document -> "gloss/1" JSON (docs/json-format.md). Key order is fixed (ordered_json), numbers are
// integers only, and invalid UTF-8 is replaced on output, so native and WASM bytes are identical.
#include <nlohmann/json.hpp>

#include "gloss/gloss.h"
#include "json_reader.h"
#include "utf8.h"

namespace gloss {
namespace {

using Json = nlohmann::ordered_json;

// Writes spans in input offsets, UTF-8 bytes and UTF-16 code units.
class SpanWriter {
 public:
  explicit SpanWriter(const Document& doc) : doc_(doc), utf16_(doc.input) {}

  // A span given in input offsets; `text` defaults to the input bytes it covers.
  Json input_span(Span span) const { return make(span, std::string(slice_input(span))); }
  Json input_span(Span span, std::string text) const { return make(span, std::move(text)); }
  // A span local to a field.
  Json field_span(int field, Span local) const {
    const TextField& f = doc_.fields[static_cast<std::size_t>(field)];
    return make(f.to_input(local), std::string(f.slice(local)));
  }
  Json offset(std::uint32_t byte) const { return utf16_.to_utf16(byte); }

 private:
  std::string_view slice_input(Span s) const { return std::string_view(doc_.input).substr(s.start, s.size()); }
  Json make(Span input, std::string text) const {
    Json j;
    j["start"] = input.start;
    j["end"] = input.end;
    j["start16"] = utf16_.to_utf16(input.start);
    j["end16"] = utf16_.to_utf16(input.end);
    j["text"] = std::move(text);
    return j;
  }
  const Document& doc_;
  Utf16OffsetMap utf16_;
};

Json entity_json(const Document& doc, const SpanWriter& w, const Entity& e) {
  Json j = w.field_span(e.field, e.span);
  j["field"] = doc.fields[static_cast<std::size_t>(e.field)].name();
  j["type"] = to_string(e.type);
  j["canonical"] = e.canonical;
  j["group"] = e.group;
  if (!e.value.empty()) j["value"] = e.value;
  if (!e.link.empty()) j["link"] = e.link;
  j["rule"] = e.rule;
  return j;
}

Json quote_json(const Document& doc, const SpanWriter& w, const Quote& q) {
  Json j = w.field_span(q.field, q.span);
  j["field"] = doc.fields[static_cast<std::size_t>(q.field)].name();
  j["kind"] = to_string(q.kind);
  Json content = Json::array();
  for (const Span& s : q.content) content.push_back(w.field_span(q.field, s));
  j["content"] = std::move(content);
  j["speaker"] = q.has_speaker ? w.field_span(q.field, q.speaker) : Json(nullptr);
  j["resolved_speaker"] = q.resolved_speaker.empty() ? Json(nullptr) : Json(q.resolved_speaker);
  j["cue"] = q.has_cue ? w.field_span(q.field, q.cue) : Json(nullptr);
  j["method"] = q.method.empty() ? Json(nullptr) : Json(q.method);
  j["rule"] = q.rule;
  return j;
}

Json document_json(const Document& doc) {
  const SpanWriter w(doc);
  Json j;
  j["schema"] = kSchemaVersion;
  j["format"] = to_string(doc.format);

  if (doc.title_spans.empty() && doc.title().text.empty()) {
    j["title"] = nullptr;
  } else {
    Json title = w.field_span(kTitleField, {0, static_cast<std::uint32_t>(doc.title().text.size())});
    Json printings = Json::array();
    for (const Span& s : doc.title_spans) printings.push_back(w.input_span(s));
    title["printings"] = std::move(printings);
    j["title"] = std::move(title);
  }
  if (doc.has_dateline) {
    Json published = w.input_span(doc.dateline_span);
    published["value"] = doc.published.empty() ? Json(nullptr) : Json(doc.published);
    j["published"] = std::move(published);
  } else {
    j["published"] = nullptr;
  }
  j["source"] = doc.has_source ? w.input_span(doc.source_span, doc.source) : Json(nullptr);

  const auto body_spans = [&](const std::vector<Span>& spans) {
    Json a = Json::array();
    for (const Span& s : spans) a.push_back(w.field_span(kBodyField, s));
    return a;
  };
  j["paragraphs"] = body_spans(doc.paragraphs);
  j["sentences"] = body_spans(doc.sentences);
  j["captions"] = body_spans(doc.captions);

  Json related = Json::array();
  for (std::size_t i = 0; i < doc.related.size(); ++i) {
    const RelatedItem& r = doc.related[i];
    Json item = w.input_span(r.span);
    item.erase("text");  // the raw JSON object: offsets suffice
    item["id"] = r.id;
    item["sort"] = r.sort;
    item["contenttypeid"] = r.contenttypeid;
    item["pic"] = r.pic;
    const int field = kFirstRelatedField + static_cast<int>(i);
    item["title"] = w.field_span(field, {0, static_cast<std::uint32_t>(doc.fields[field].text.size())});
    related.push_back(std::move(item));
  }
  j["related"] = std::move(related);

  Json entities = Json::array();
  for (const Entity& e : doc.entities) entities.push_back(entity_json(doc, w, e));
  j["entities"] = std::move(entities);
  Json quotes = Json::array();
  for (const Quote& q : doc.quotes) quotes.push_back(quote_json(doc, w, q));
  j["quotes"] = std::move(quotes);

  Json warnings = Json::array();
  for (const Warning& warning : doc.warnings) {
    warnings.push_back(Json{{"code", warning.code},
                            {"message", warning.message},
                            {"offset", warning.offset},
                            {"offset16", w.offset(warning.offset)}});
  }
  j["warnings"] = std::move(warnings);
  return j;
}

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// Pretty form for people and golden diffs: one top-level key per line, one array element per line.
std::string dump_pretty(const Json& j) {
  std::string out = "{\n";
  std::size_t n = 0;
  for (auto it = j.begin(); it != j.end(); ++it, ++n) {
    out += "  " + dump(Json(it.key())) + ": ";
    const Json& v = it.value();
    if (v.is_array() && !v.empty()) {
      out += "[\n";
      for (std::size_t i = 0; i < v.size(); ++i) {
        out += "    " + dump(v[i]) + (i + 1 < v.size() ? ",\n" : "\n");
      }
      out += "  ]";
    } else {
      out += dump(v);
    }
    out += n + 1 < j.size() ? ",\n" : "\n";
  }
  return out + "}";
}

Json to_nlohmann(const JsonValue& v) {
  switch (v.type) {
    case JsonValue::Type::kNull: return nullptr;
    case JsonValue::Type::kBool: return v.boolean;
    case JsonValue::Type::kString: return v.string;
    case JsonValue::Type::kNumber: {
      // Parse the literal with nlohmann (a flat number cannot nest or throw past this check).
      Json n = Json::parse(v.string, nullptr, false);
      return n.is_discarded() ? Json(v.string) : n;
    }
    case JsonValue::Type::kArray: {
      Json a = Json::array();
      for (const JsonValue& item : v.items) a.push_back(to_nlohmann(item));
      return a;
    }
    case JsonValue::Type::kObject: {
      Json o = Json::object();
      for (const auto& m : v.members) o[m.first] = to_nlohmann(m.second);
      return o;
    }
  }
  return nullptr;
}

}  // namespace

std::string annotate_json_line(std::string_view line, bool* ok) {
  if (ok) *ok = false;
  Json out;
  out["id"] = nullptr;
  out["schema"] = kSchemaVersion;
  const auto fail = [&](const std::string& message, std::size_t offset) {
    out["error"] = Json{{"message", message}, {"offset", offset}};
    return dump(out);
  };
  if (line.size() > kMaxInputBytes * 2) {  // JSON escaping can double the text
    return fail("JSON line is longer than the limit of " + std::to_string(kMaxInputBytes * 2) + " bytes", 0);
  }
  JsonValue record;
  JsonError error;
  if (!parse_json(line, kMaxJsonDepth, record, error)) return fail("invalid JSON line: " + error.message, error.offset);
  if (record.type != JsonValue::Type::kObject) return fail("a JSON line must be an object {\"id\", \"text\"}", 0);
  if (const JsonValue* id = record.find("id")) out["id"] = to_nlohmann(*id);
  const JsonValue* text = record.find("text");
  if (!text || !text->is_string()) return fail("the JSON line has no \"text\" string", record.start);
  const AnnotateResult result = annotate(text->string);
  if (!result.ok()) return fail(result.error(), result.error_offset());
  Json doc = document_json(result.document());
  for (auto it = doc.begin(); it != doc.end(); ++it) out[it.key()] = std::move(it.value());
  if (ok) *ok = true;
  return dump(out);
}

std::string to_json(const Document& document, const JsonOptions& options) {
  const Json j = document_json(document);
  return options.pretty ? dump_pretty(j) : dump(j);
}

std::string error_json(const std::string& message, std::size_t offset) {
  Json j;
  j["schema"] = kSchemaVersion;
  j["error"] = Json{{"message", message}, {"offset", offset}};
  return dump(j);
}

}  // namespace gloss
