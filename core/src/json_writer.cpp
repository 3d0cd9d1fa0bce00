// Document -> "gloss/1" JSON (docs/json-format.md), streamed with JsonOut: no intermediate tree, a
// fixed key order, integers only, so native and WASM bytes are identical.
#include "gloss/gloss.h"
#include "json_out.h"
#include "json_reader.h"
#include "utf8.h"

namespace gloss {
namespace {

// Writes spans as {"start","end","start16","end16","text"} in input offsets.
class SpanWriter {
 public:
  SpanWriter(const Document& doc, JsonOut& out) : doc_(doc), out_(out), utf16_(doc.input) {}

  // "start", "end", "start16", "end16" of a span given in input offsets.
  void offsets(Span input) {
    out_.number_members({{"start", input.start},
                         {"end", input.end},
                         {"start16", utf16_.to_utf16(input.start)},
                         {"end16", utf16_.to_utf16(input.end)}});
  }
  // The members of a span given in input offsets, with its text; the caller opens/closes the object.
  void members(Span input, std::string_view text) {
    offsets(input);
    out_.key("text");
    out_.string(text);
  }
  void field_members(int field, Span local) {
    const TextField& f = doc_.fields[static_cast<std::size_t>(field)];
    members(f.to_input(local), f.slice(local));
  }
  void input_span(Span input) {
    out_.begin_object();
    members(input, std::string_view(doc_.input).substr(input.start, input.size()));
    out_.end_object();
  }
  void field_span(int field, Span local) {
    out_.begin_object();
    field_members(field, local);
    out_.end_object();
  }
  void body_spans(const std::vector<Span>& spans) {
    out_.begin_array();
    for (const Span& s : spans) field_span(kBodyField, s);
    out_.end_array();
  }
  std::uint32_t utf16(std::uint32_t byte) const { return utf16_.to_utf16(byte); }

 private:
  const Document& doc_;
  JsonOut& out_;
  Utf16OffsetMap utf16_;
};

void write_entity(const Document& doc, SpanWriter& w, JsonOut& o, const Entity& e) {
  o.begin_object();
  w.field_members(e.field, e.span);
  o.key("field");
  o.string(doc.fields[static_cast<std::size_t>(e.field)].name());
  o.key("type");
  o.string(to_string(e.type));
  o.key("canonical");
  o.string(e.canonical);
  o.key("group");
  o.number(e.group);
  if (!e.value.empty()) {
    o.key("value");
    o.string(e.value);
  }
  if (!e.link.empty()) {
    o.key("link");
    o.string(e.link);
  }
  o.key("rule");
  o.string(e.rule);
  o.end_object();
}

void write_quote(const Document& doc, SpanWriter& w, JsonOut& o, const Quote& q) {
  o.begin_object();
  w.field_members(q.field, q.span);
  o.key("field");
  o.string(doc.fields[static_cast<std::size_t>(q.field)].name());
  o.key("kind");
  o.string(to_string(q.kind));
  o.key("content");
  o.begin_array();
  for (const Span& s : q.content) w.field_span(q.field, s);
  o.end_array();
  o.key("speaker");
  if (q.has_speaker) w.field_span(q.field, q.speaker); else o.null();
  o.key("resolved_speaker");
  if (!q.resolved_speaker.empty()) o.string(q.resolved_speaker); else o.null();
  o.key("cue");
  if (q.has_cue) w.field_span(q.field, q.cue); else o.null();
  o.key("method");
  if (!q.method.empty()) o.string(q.method); else o.null();
  o.key("rule");
  o.string(q.rule);
  o.end_object();
}

// The members of a document object (the caller opens and closes it, so JSON lines can add "id").
void write_document_members(const Document& doc, JsonOut& o) {
  SpanWriter w(doc, o);
  o.key("schema");
  o.string(kSchemaVersion);
  o.key("format");
  o.string(to_string(doc.format));

  o.key("title");
  if (doc.title_spans.empty() && doc.title().text.empty()) {
    o.null();
  } else {
    o.begin_object();
    w.field_members(kTitleField, {0, static_cast<std::uint32_t>(doc.title().text.size())});
    o.key("printings");
    o.begin_array();
    for (const Span& s : doc.title_spans) w.input_span(s);
    o.end_array();
    o.end_object();
  }
  o.key("published");
  if (doc.has_dateline) {
    o.begin_object();
    w.members(doc.dateline_span, std::string_view(doc.input).substr(doc.dateline_span.start, doc.dateline_span.size()));
    o.key("value");
    if (!doc.published.empty()) o.string(doc.published); else o.null();
    o.end_object();
  } else {
    o.null();
  }
  o.key("source");
  if (doc.has_source) {
    o.begin_object();
    w.members(doc.source_span, doc.source);
    o.end_object();
  } else {
    o.null();
  }
  o.key("paragraphs");
  w.body_spans(doc.paragraphs);
  o.key("sentences");
  w.body_spans(doc.sentences);
  o.key("captions");
  w.body_spans(doc.captions);

  o.key("related");
  o.begin_array();
  for (std::size_t i = 0; i < doc.related.size(); ++i) {
    const RelatedItem& r = doc.related[i];
    o.begin_object();
    w.offsets(r.span);  // the raw JSON object: offsets suffice, no text
    o.key("id");
    o.string(r.id);
    o.key("sort");
    o.string(r.sort);
    o.key("contenttypeid");
    o.string(r.contenttypeid);
    o.key("pic");
    o.string(r.pic);
    o.key("title");
    const int field = kFirstRelatedField + static_cast<int>(i);
    w.field_span(field, {0, static_cast<std::uint32_t>(doc.fields[static_cast<std::size_t>(field)].text.size())});
    o.end_object();
  }
  o.end_array();

  o.key("entities");
  o.begin_array();
  for (const Entity& e : doc.entities) write_entity(doc, w, o, e);
  o.end_array();
  o.key("quotes");
  o.begin_array();
  for (const Quote& q : doc.quotes) write_quote(doc, w, o, q);
  o.end_array();

  o.key("warnings");
  o.begin_array();
  for (const Warning& warning : doc.warnings) {
    o.begin_object();
    o.key("code");
    o.string(warning.code);
    o.key("message");
    o.string(warning.message);
    o.key("offset");
    o.number(warning.offset);
    o.key("offset16");
    o.number(w.utf16(warning.offset));
    o.end_object();
  }
  o.end_array();
}

// Echoes a parsed JSON value (the "id" of a JSON-lines record).
void write_value(JsonOut& o, const JsonValue& v) {
  switch (v.type) {
    case JsonValue::Type::kNull: o.null(); return;
    case JsonValue::Type::kBool: o.boolean(v.boolean); return;
    case JsonValue::Type::kNumber: o.raw_number(v.string); return;
    case JsonValue::Type::kString: o.string(v.string); return;
    case JsonValue::Type::kArray:
      o.begin_array();
      for (const JsonValue& item : v.items) write_value(o, item);
      o.end_array();
      return;
    case JsonValue::Type::kObject:
      o.begin_object();
      for (const auto& m : v.members) {
        o.key(m.first);
        write_value(o, m.second);
      }
      o.end_object();
      return;
  }
}

void write_error(JsonOut& o, const std::string& message, std::size_t offset) {
  o.key("error");
  o.begin_object();
  o.key("message");
  o.string(message);
  o.key("offset");
  o.number(static_cast<std::uint64_t>(offset));
  o.end_object();
}

// About the size of the compact JSON, a little over: every span repeats its text (sentences, paragraphs,
// entities, quotations and their parts), so the output runs from 3x the input (news) to 10x (a long
// article dense with quotations). Reserved at once: growing a string of tens of MB by doubling copied it
// twice and touched twice the memory (a 4 MB article: 43 MB of JSON, a third of the CLI's time).
std::size_t estimated_json_size(const Document& d) {
  constexpr std::size_t kSpan = 72;  // keys, offsets, punctuation of one span object
  std::size_t n = 1024 + d.input.size();
  for (const std::vector<Span>* spans : {&d.paragraphs, &d.sentences, &d.captions}) {
    for (const Span& s : *spans) n += s.size() + kSpan;
  }
  for (const Entity& e : d.entities) {
    n += 2 * e.span.size() + e.canonical.size() + e.value.size() + e.link.size() + e.rule.size() + 2 * kSpan;
  }
  for (const Quote& q : d.quotes) {
    n += q.span.size() + q.speaker.size() + q.cue.size() + q.resolved_speaker.size() + q.rule.size() + 5 * kSpan;
    for (const Span& c : q.content) n += c.size() + kSpan;
  }
  for (const RelatedItem& r : d.related) n += r.title.size() + r.pic.size() + 4 * kSpan;
  for (const Warning& w : d.warnings) n += w.message.size() + 2 * kSpan;
  return n + n / 8;  // escapes
}

}  // namespace

std::string to_json(const Document& document, const JsonOptions& options) {
  std::string out;
  out.reserve(estimated_json_size(document));
  JsonOut o(out, options.pretty);
  o.begin_object();
  write_document_members(document, o);
  o.end_object();
  return out;
}

std::string error_json(const std::string& message, std::size_t offset) {
  std::string out;
  JsonOut o(out);
  o.begin_object();
  o.key("schema");
  o.string(kSchemaVersion);
  write_error(o, message, offset);
  o.end_object();
  return out;
}

std::string annotate_json_line(std::string_view line, bool* ok) {
  if (ok) *ok = false;
  std::string out;
  JsonOut o(out);
  o.begin_object();
  const auto fail = [&](const JsonValue* id, const std::string& message, std::size_t offset) {
    o.key("id");
    if (id) write_value(o, *id); else o.null();
    o.key("schema");
    o.string(kSchemaVersion);
    write_error(o, message, offset);
    o.end_object();
    return out;
  };
  if (line.size() > kMaxInputBytes * 2) {  // JSON escaping can double the text
    return fail(nullptr, "JSON line is longer than the limit of " + std::to_string(kMaxInputBytes * 2) + " bytes", 0);
  }
  JsonValue record;
  JsonError error;
  if (!parse_json(line, kMaxJsonDepth, record, error)) {
    return fail(nullptr, "invalid JSON line: " + error.message, error.offset);
  }
  if (record.type != JsonValue::Type::kObject) return fail(nullptr, "a JSON line must be an object {\"id\", \"text\"}", 0);
  const JsonValue* id = record.find("id");
  const JsonValue* text = record.find("text");
  if (!text || !text->is_string()) return fail(id, "the JSON line has no \"text\" string", record.start);
  const AnnotateResult result = annotate(text->string);
  if (!result.ok()) return fail(id, result.error(), result.error_offset());
  o.key("id");
  if (id) write_value(o, *id); else o.null();
  out.reserve(out.size() + estimated_json_size(result.document()));
  write_document_members(result.document(), o);
  o.end_object();
  if (ok) *ok = true;
  return out;
}

}  // namespace gloss
