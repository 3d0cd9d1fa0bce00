// Gloss: annotate a news article with its structure, named entities and quotations.
//
// An annotation is a `Document`: what the parser found (headline, dateline, body paragraphs and
// sentences, agency line, related articles, warnings) and what the annotators found in the article's
// text fields (entities, quotations). The core does no file I/O and knows nothing of a UI.
//
// Example:
//   gloss::AnnotateResult result = gloss::annotate(bytes);
//   if (!result.ok()) { report(result.error(), result.error_offset()); return; }
//   const gloss::Document& doc = result.document();
//   for (const gloss::Entity& e : doc.entities) use(doc.fields[e.field].slice(e.span));
//   std::string json = gloss::to_json(doc, gloss::JsonOptions{/*pretty=*/true});
//
// Offsets: every `Span` is in UTF-8 bytes, end exclusive. Structural spans (`title_spans`,
// `dateline_span`, `source_span`, related items) are offsets into the input bytes. Paragraphs,
// sentences, captions, entities and quotes are local to one `TextField` (the body, the headline or a
// related title); `TextField::to_input` maps them back to input bytes (fields decoded from JSON carry a
// per-byte map, so an entity in an escaped title still points at the right input bytes). The JSON output
// gives input offsets in UTF-8 bytes (`start`, `end`) and in UTF-16 code units (`start16`, `end16`).
//
// Limits (see kMax* below) are checked up front; going over one is an error value, never a crash.
#ifndef GLOSS_GLOSS_H_
#define GLOSS_GLOSS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gloss {

// Largest input accepted, in bytes. 32 MiB covers any real article (and the benchmarks' 16 MB
// scaling input) while bounding memory: annotation needs a small multiple of the input size.
constexpr std::size_t kMaxInputBytes = 32u << 20;
// Deepest JSON nesting accepted in the var_dump blob and in JSON input. The parser is recursive,
// so this bounds its stack; real related-article blobs have depth 2.
constexpr int kMaxJsonDepth = 64;
// Most related items kept from a var_dump blob; the rest are dropped with a warning.
constexpr std::size_t kMaxRelatedItems = 1000;
// Most spans (paragraphs + sentences + entities + quotes) one document may produce, checked after each stage.
// Bounds memory and output size for adversarial text ("A A A …" is a span every 2 bytes): a
// million spans is ~200 MB of JSON, far beyond any real article (a long one has a few thousand).
constexpr std::size_t kMaxSpans = 1000000;

// The schema version written as "schema" in every JSON result.
inline constexpr const char* kSchemaVersion = "gloss/1";

struct Span {
  std::uint32_t start = 0;  // UTF-8 bytes, inclusive
  std::uint32_t end = 0;    // UTF-8 bytes, exclusive
  bool empty() const { return end <= start; }
  std::uint32_t size() const { return end > start ? end - start : 0; }
  friend bool operator==(Span a, Span b) { return a.start == b.start && a.end == b.end; }
  friend bool operator!=(Span a, Span b) { return !(a == b); }
};

enum class InputFormat : std::uint8_t { kDump, kPlainText, kJson };
const char* to_string(InputFormat format);

enum class FieldKind : std::uint8_t { kTitle, kBody, kRelatedTitle, kSource };

// One piece of article text that the annotators read.
struct TextField {
  FieldKind kind = FieldKind::kBody;
  int related_index = -1;  // for kRelatedTitle: index into Document::related
  std::string text;        // UTF-8 as found (invalid bytes are kept; the JSON writer replaces them)
  std::uint32_t base = 0;  // when `input_offsets` is empty: input offset = base + local offset
  // For text decoded from a JSON string: input offset of each byte of `text`, plus one for its end.
  std::vector<std::uint32_t> input_offsets;

  std::uint32_t to_input(std::uint32_t local) const;
  Span to_input(Span local) const { return {to_input(local.start), to_input(local.end)}; }
  std::string_view slice(Span local) const;
  std::string name() const;  // "title", "body", "related:N" or "source" (as in the JSON "field" key)
};

// Fixed field indexes in Document::fields; related titles follow from kFirstRelatedField on, then the
// agency name of the "Source:" line when there is one (Document::source_field).
constexpr int kTitleField = 0;
constexpr int kBodyField = 1;
constexpr int kFirstRelatedField = 2;

struct Warning {
  std::string code;       // stable identifier, e.g. "var_dump_length_mismatch"
  std::string message;    // for people
  std::uint32_t offset;   // input byte offset where the problem is
};

struct RelatedItem {
  Span span;  // input bytes of the item's JSON object
  std::string id, sort, contenttypeid, pic, title;
};

enum class EntityType : std::uint8_t {
  kPerson, kOrg, kGpe, kLoc, kNorp, kFac, kEvent, kProduct, kDate, kTime, kMoney, kPercent,
};
const char* to_string(EntityType type);
constexpr int kEntityTypeCount = 12;

// Entity::rule, Quote::rule and Quote::method view static storage: the library's own names, kept until
// static objects are destroyed at exit (no allocation per annotation; a copied Document never holds a
// dangling view; do not read them from the destructor of another static object). Code that sets them
// itself (tests, demo documents) must give storage that outlives the Document, e.g. literals.
struct Entity {
  Entity() {}  // user-provided: a vector's emplace_back() then skips zero-filling the whole struct

  int field = kBodyField;  // index into Document::fields
  Span span;               // local to the field
  EntityType type = EntityType::kOrg;
  std::string canonical;   // one name for all mentions (US = United States; demonym -> its country)
  std::string value;       // DATE/TIME: normalised ISO 8601 value resolved against the dateline
  std::string_view rule;   // which rule or data entry produced it (for "why this span")
  int group = -1;          // index of the mention group (same canonical entity), dense from 0
  std::string link;        // an acronym's expansion (or the acronym of an expansion); a place's container
};

enum class QuoteKind : std::uint8_t { kDirect, kIndirect, kMixed, kScare };
const char* to_string(QuoteKind kind);

struct Quote {
  int field = kBodyField;
  Span span;                   // the whole quotation, marks included
  QuoteKind kind = QuoteKind::kDirect;
  std::vector<Span> content;   // what was said: inside the marks, one segment per part (split and
                               // multi-paragraph quotes have several); indirect/mixed: the reported clause
  bool has_speaker = false;
  Span speaker;
  std::string resolved_speaker;  // canonical entity name (for a reference: the earlier speaker's), or empty
  bool has_cue = false;
  Span cue;
  std::string_view method;  // how the speaker was found: "adjacent", "inverted", "headline", "reference",
                            // "floating"; empty when there is no speaker
  std::string_view rule;    // the rule that fired (docs/quotes.md), e.g. "direct.after.speaker-cue"
};

struct Document {
  std::string input;  // the bytes annotated (a copy; all input offsets point here)
  InputFormat format = InputFormat::kPlainText;
  std::vector<TextField> fields;  // [kTitleField], [kBodyField], then one per related title

  std::vector<Span> title_spans;  // every printing of the headline in the input (a dump prints two)
  bool has_dateline = false;
  Span dateline_span;
  std::string published;          // ISO 8601 local date-time, e.g. "2015-03-24T15:17:30", or empty
  bool has_source = false;
  Span source_span;               // the agency name in "Source: AFP"
  std::string source;
  int source_field = -1;          // index of the field holding the agency name (annotated too), or -1
  std::vector<Span> paragraphs;   // body-local
  std::vector<Span> sentences;    // body-local, in order, never inside a caption
  std::vector<Span> captions;     // body-local: image captions glued to a sentence ("Korea.Russia and US flags")
  std::vector<RelatedItem> related;
  std::vector<Warning> warnings;

  std::vector<Entity> entities;   // sorted by (field, start, end)
  std::vector<Quote> quotes;      // sorted by (field, start)

  const TextField& title() const { return fields[kTitleField]; }
  const TextField& body() const { return fields[kBodyField]; }
};

// The result of annotate(): a document, or an error with the input offset it concerns.
class AnnotateResult {
 public:
  static AnnotateResult failure(std::string message, std::size_t offset);
  explicit AnnotateResult(Document document) : document_(std::move(document)) {}

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  std::size_t error_offset() const { return error_offset_; }
  const Document& document() const { return document_; }
  Document& document() { return document_; }

 private:
  AnnotateResult() = default;
  Document document_;
  std::string error_;
  std::size_t error_offset_ = 0;
};

struct AnnotateOptions {
  bool entities = true;
  bool quotes = true;
};

// Parses `input` (an article dump, a JSON article object, or plain text: detected from the bytes) and
// annotates it. Fails only on a broken limit; any other problem is a Document warning.
AnnotateResult annotate(std::string_view input, const AnnotateOptions& options = {});

struct JsonOptions {
  bool pretty = false;  // indent by 2 and put each span on its own line
};

// The document as "gloss/1" JSON (docs/json-format.md). Always valid UTF-8: invalid input bytes in
// `text` values become U+FFFD. Byte-identical across native and WebAssembly builds.
std::string to_json(const Document& document, const JsonOptions& options = {});

// An error as a "gloss/1" error object: {"schema":"gloss/1","error":{"message":…,"offset":…}}.
std::string error_json(const std::string& message, std::size_t offset);

// Convenience for bindings: annotate and serialise; on failure the error object is returned and
// `*ok` (when given) is set to false.
std::string annotate_to_json(std::string_view input, const JsonOptions& options = {}, bool* ok = nullptr);

// Batch use: one JSON-lines record `{"id": …, "text": "…"}` in, one line of JSON out (no newline):
// `{"id": …, "schema": "gloss/1", …}` with the document's keys, or `{"id": …, "schema": "gloss/1",
// "error": {"message": …, "offset": …}}` when the record is bad (then `*ok` is set to false). `id` is
// echoed as given (any JSON value; null when absent).
std::string annotate_json_line(std::string_view line, bool* ok = nullptr);

// Interoperable exports (core/src/export_formats.cpp), byte-identical native and WebAssembly.
// Positions there count code points (Unicode scalar values; each invalid input byte is one U+FFFD).
enum class ExportFormat : std::uint8_t { kGloss, kW3c, kDisplacy };

// "gloss", "w3c" or "displacy" -> `*format`; false for any other name.
bool parse_export_format(std::string_view name, ExportFormat* format);

// W3C Web Annotation JSON-LD: an AnnotationPage (partOf an AnnotationCollection) with one Annotation per entity
// (tagging: its type; identifying: its canonical name) and per quotation (classifying: its kind;
// describing: its speaker). Each target has a TextQuoteSelector (exact + 32 code points of prefix and
// suffix) and a TextPositionSelector, both over the whole input decoded as UTF-8. `source` names the
// target resource (e.g. the article's URL); empty gives "urn:x-gloss:input".
std::string to_w3c_annotations(const Document& document, const JsonOptions& options = {},
                               std::string_view source = {});

// spaCy displaCy's manual "ent" format: an array with one {"text", "ents": [{start, end, label}],
// "title"} per non-empty field ("title", "body", "related:N"); offsets in code points of that field.
std::string to_displacy(const Document& document, const JsonOptions& options = {});

// to_json, to_w3c_annotations (default source) or to_displacy, by `format`.
std::string to_format(const Document& document, ExportFormat format, const JsonOptions& options = {});

}  // namespace gloss

#endif  // GLOSS_GLOSS_H_
