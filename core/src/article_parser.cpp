#include "article_parser.h"

#include <algorithm>
#include <cstring>

#include "json_reader.h"
#include "sentences.h"
#include "utf8.h"

namespace gloss {
namespace {

// [SECTION] Lines

struct Line {
  std::size_t start;  // first byte
  std::size_t end;    // end of content (before "\r\n" or "\n")
};

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f'; });
}

// Calls f(line) for each line of text[from, end), in order.
template <typename F>
void for_each_line(std::string_view text, std::size_t from, F f) {
  std::size_t start = from;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::size_t end = nl;
    if (end > start && text[end - 1] == '\r') --end;
    f(Line{start, end});
    if (nl == text.size()) break;
    start = nl + 1;
  }
}

std::vector<Line> split_lines(std::string_view text, std::size_t from) {
  std::vector<Line> lines;
  lines.reserve((text.size() - std::min(from, text.size())) / 40 + 8);  // most lines are longer than 40 bytes
  for_each_line(text, from, [&lines](const Line& line) { lines.push_back(line); });
  return lines;
}

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

Span make_span(std::size_t start, std::size_t end) {
  return {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)};
}

void warn(Document& doc, const char* code, std::string message, std::size_t offset) {
  doc.warnings.push_back({code, std::move(message), static_cast<std::uint32_t>(offset)});
}

// [SECTION] Datelines

int month_number(std::string_view name) {
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int m = 0; m < 12; ++m) {
    if (name == kMonths[m]) return m + 1;
  }
  return 0;
}

int weekday_number(std::string_view name) {  // 0 = Sunday
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  for (int d = 0; d < 7; ++d) {
    if (name == kDays[d]) return d;
  }
  return -1;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

int weekday_of(int y, int m, int d) {  // Sakamoto's method, 0 = Sunday
  static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) y -= 1;
  return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

// Reads an unsigned number of 1..max_digits digits at s[pos]; -1 when absent.
int read_number(std::string_view s, std::size_t& pos, std::size_t min_digits, std::size_t max_digits) {
  std::size_t i = pos;
  int v = 0;
  while (i < s.size() && i - pos < max_digits && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0');
  if (i - pos < min_digits) return -1;
  pos = i;
  return v;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
  if (pos < s.size() && s[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

// "YYYY-MM-DD[THH:MM:SS]" from validated fields (year 1..9999), without snprintf: it runs on every
// candidate dateline line.
std::string format_iso(int y, int mo, int d, int h, int mi, int sec, bool with_time) {
  char buf[19];
  const auto put2 = [&buf](std::size_t at, int v) {
    buf[at] = static_cast<char>('0' + v / 10);
    buf[at + 1] = static_cast<char>('0' + v % 10);
  };
  put2(0, y / 100);
  put2(2, y % 100);
  buf[4] = '-';
  put2(5, mo);
  buf[7] = '-';
  put2(8, d);
  buf[10] = 'T';
  put2(11, h);
  buf[13] = ':';
  put2(14, mi);
  buf[16] = ':';
  put2(17, sec);
  return std::string(buf, with_time ? 19 : 10);
}

bool valid_date_time(int y, int mo, int d, int h, int mi, int sec) {
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= days_in_month(y, mo) && h >= 0 && h <= 23 &&
         mi >= 0 && mi <= 59 && sec >= 0 && sec <= 60;
}

}  // namespace

std::string parse_dateline(std::string_view text, bool* weekday_mismatch) {
  if (weekday_mismatch) *weekday_mismatch = false;
  text = trim(text);
  std::size_t p = 0;
  int y, mo, d, h = 0, mi = 0, sec = 0;
  bool with_time = false;
  if (text.size() >= 10 && text[4] == '-') {  // ISO 8601: 2015-03-24[T15:17:30]
    if ((y = read_number(text, p, 4, 4)) < 0 || !expect(text, p, '-') || (mo = read_number(text, p, 2, 2)) < 0 ||
        !expect(text, p, '-') || (d = read_number(text, p, 2, 2)) < 0)
      return {};
    if (p < text.size()) {
      if (!expect(text, p, 'T') && !expect(text, p, ' ')) return {};
      if ((h = read_number(text, p, 2, 2)) < 0 || !expect(text, p, ':') || (mi = read_number(text, p, 2, 2)) < 0)
        return {};
      if (expect(text, p, ':') && (sec = read_number(text, p, 2, 2)) < 0) return {};
      with_time = true;
      if (p < text.size() && text[p] == 'Z') ++p;
    }
    if (p != text.size() || !valid_date_time(y, mo, d, h, mi, sec)) return {};
    return format_iso(y, mo, d, h, mi, sec, with_time);
  }
  // "Tue Mar 24, 2015 15:17:30"
  if (text.size() < 16 || text[3] != ' ' || text[7] != ' ') return {};
  const int weekday = weekday_number(text.substr(0, 3));
  mo = month_number(text.substr(4, 3));
  if (weekday < 0 || mo == 0) return {};
  p = 8;
  if ((d = read_number(text, p, 1, 2)) < 0 || !expect(text, p, ',') || !expect(text, p, ' ') ||
      (y = read_number(text, p, 4, 4)) < 0)
    return {};
  if (p < text.size()) {
    if (!expect(text, p, ' ') || (h = read_number(text, p, 1, 2)) < 0 || !expect(text, p, ':') ||
        (mi = read_number(text, p, 2, 2)) < 0)
      return {};
    if (expect(text, p, ':') && (sec = read_number(text, p, 2, 2)) < 0) return {};
    with_time = true;
  }
  if (p != text.size() || !valid_date_time(y, mo, d, h, mi, sec)) return {};
  if (weekday_mismatch) *weekday_mismatch = weekday_of(y, mo, d) != weekday;
  return format_iso(y, mo, d, h, mi, sec, with_time);
}

namespace {

// [SECTION] Fields and paragraphs

TextField verbatim_field(std::string_view input, FieldKind kind, Span span, int related_index = -1) {
  TextField field;
  field.kind = kind;
  field.related_index = related_index;
  field.text.assign(input.substr(span.start, span.size()));
  field.base = span.start;
  return field;
}

// A field holding a decoded JSON string literal that sits at input[value.start, value.end).
TextField decoded_field(std::string_view input, FieldKind kind, const JsonValue& value, std::size_t literal_base,
                        int related_index = -1) {
  TextField field;
  field.kind = kind;
  field.related_index = related_index;
  const std::size_t start = literal_base + value.start;
  const std::string_view literal = input.substr(start, value.end - value.start);
  // Most literals have no escape: their bytes are the text, at a fixed distance (no offset table).
  if (literal.size() >= 2 && literal.find('\\', 1) == std::string_view::npos) {
    field.text.assign(literal.substr(1, literal.size() - 2));
    field.base = static_cast<std::uint32_t>(start + 1);
    return field;
  }
  decode_json_string(literal, field.text, &field.input_offsets, static_cast<std::uint32_t>(start));
  return field;
}

// Paragraphs are runs of non-blank lines; each is split into sentences.
void split_paragraphs(Document& doc) {
  const std::string_view body = doc.fields[kBodyField].text;
  // News runs at about 300 bytes a paragraph and 120 a sentence: room for most, without regrowth.
  doc.paragraphs.reserve(body.size() / 256 + 4);
  doc.sentences.reserve(body.size() / 64 + 4);
  std::size_t para_start = std::string_view::npos, para_end = 0;
  const auto close = [&] {
    if (para_start == std::string_view::npos) return;
    const Span para = make_span(para_start, para_end);
    doc.paragraphs.push_back(para);
    split_sentences(body, para, doc.sentences, doc.captions);
    para_start = std::string_view::npos;
  };
  for_each_line(body, 0, [&](const Line& line) {
    const std::string_view content = body.substr(line.start, line.end - line.start);
    if (is_blank(content)) {
      close();
      return;
    }
    std::size_t first = line.start;
    while (body[first] == ' ' || body[first] == '\t') ++first;
    std::size_t last = line.end;
    while (last > first && (body[last - 1] == ' ' || body[last - 1] == '\t')) --last;
    if (para_start == std::string_view::npos) para_start = first;
    para_end = last;
  });
  close();
}

std::string json_scalar(const JsonValue* v) {
  if (!v) return {};
  if (v->type == JsonValue::Type::kString || v->type == JsonValue::Type::kNumber) return v->string;
  return {};
}

// Reads related items from parsed JSON (an array of objects); `base` is the input offset of the JSON.
void add_related(Document& doc, const std::vector<JsonValue>& items, std::size_t base) {
  for (const JsonValue& item : items) {
    if (doc.related.size() == kMaxRelatedItems) {
      warn(doc, "too_many_related_items",
           "more than " + std::to_string(kMaxRelatedItems) + " related items; the rest are ignored",
           base + item.start);
      return;
    }
    if (item.type != JsonValue::Type::kObject) {
      warn(doc, "related_item_not_object", "a related item is not a JSON object; it is ignored", base + item.start);
      continue;
    }
    RelatedItem related;
    related.span = make_span(base + item.start, base + item.end);
    related.id = json_scalar(item.find("id"));
    related.sort = json_scalar(item.find("sort"));
    related.contenttypeid = json_scalar(item.find("contenttypeid"));
    related.pic = json_scalar(item.find("pic"));
    const int index = static_cast<int>(doc.related.size());
    const JsonValue* title = item.find("title");
    if (title && title->is_string()) {
      related.title = title->string;
      doc.fields.push_back(decoded_field(doc.input, FieldKind::kRelatedTitle, *title, base, index));
    } else {
      TextField empty;
      empty.kind = FieldKind::kRelatedTitle;
      empty.related_index = index;
      empty.base = related.span.start;
      doc.fields.push_back(std::move(empty));
    }
    doc.related.push_back(std::move(related));
  }
}

// [SECTION] The var_dump blob: string(N) "[...]"

void parse_var_dump(Document& doc, std::size_t at) {
  const std::string_view in = doc.input;
  std::size_t p = at + 7;  // after "string("
  bool negative = false;
  if (p < in.size() && in[p] == '-') {
    negative = true;
    ++p;
  }
  const std::size_t digits_start = p;
  unsigned long long declared = 0;
  bool overflow = false;
  while (p < in.size() && in[p] >= '0' && in[p] <= '9') {
    if (declared > (1ull << 40)) overflow = true;
    else declared = declared * 10 + static_cast<unsigned>(in[p] - '0');
    ++p;
  }
  if (p == digits_start || in.substr(p, 3) != ") \"") {
    warn(doc, "var_dump_malformed", "expected string(N) \"...\" for the related-articles blob", at);
    return;
  }
  const std::size_t json_start = p + 3;
  std::string_view rest = in.substr(json_start);
  while (!rest.empty() && (rest.back() == '\n' || rest.back() == '\r' || rest.back() == ' ' || rest.back() == '\t'))
    rest.remove_suffix(1);
  std::size_t json_len;
  if (!negative && !overflow && declared < rest.size() && rest[declared] == '"' && declared + 1 == rest.size()) {
    json_len = declared;
  } else {
    const bool closed = !rest.empty() && rest.back() == '"';
    json_len = closed ? rest.size() - 1 : rest.size();
    const std::string shown = (negative ? "-" : "") + std::string(in.substr(digits_start, p - digits_start));
    if (!closed) {
      warn(doc, "var_dump_truncated",
           "the related-articles blob has no closing quote; string(" + shown + ") but " +
               std::to_string(json_len) + " bytes follow",
           json_start + json_len);
    } else {
      warn(doc, "var_dump_length_mismatch",
           "string(" + shown + ") declares a length that differs from the real " + std::to_string(json_len) +
               " bytes",
           at);
    }
  }
  const std::string_view json = in.substr(json_start, json_len);
  JsonValue value;
  JsonError error;
  std::vector<JsonValue> partial;
  if (parse_json(json, kMaxJsonDepth, value, error, &partial)) {
    if (value.type != JsonValue::Type::kArray) {
      warn(doc, "var_dump_not_array", "the related-articles blob is not a JSON array", json_start);
      return;
    }
    add_related(doc, value.items, json_start);
  } else {
    warn(doc, "var_dump_invalid_json", "related-articles JSON: " + error.message, json_start + error.offset);
    add_related(doc, partial, json_start);
  }
}

// [SECTION] Formats

bool is_dateline(std::string_view line) { return line.size() < 64 && !parse_dateline(line).empty(); }

// "Source: AFP" -> the span of "AFP" (input offsets), if `line` is an agency line.
bool agency_line(std::string_view input, const Line& line, Span& name) {
  std::string_view content = input.substr(line.start, line.end - line.start);
  const std::string_view t = trim(content);
  if (t.size() < 8 || t.size() > 120 || t.substr(0, 6) != "Source") return false;
  std::size_t p = 6;
  while (p < t.size() && t[p] == ' ') ++p;
  if (p >= t.size() || t[p] != ':') return false;
  ++p;
  while (p < t.size() && t[p] == ' ') ++p;
  if (p >= t.size()) return false;
  const std::size_t offset = static_cast<std::size_t>(t.data() - input.data());
  name = make_span(offset + p, offset + t.size());
  return true;
}

void parse_dump_or_text(Document& doc, std::size_t from) {
  const std::string_view in = doc.input;
  const std::vector<Line> lines = split_lines(in, from);
  const auto content = [&](const Line& l) { return in.substr(l.start, l.end - l.start); };
  const auto next_nonblank = [&](std::size_t i) {
    while (i < lines.size() && is_blank(content(lines[i]))) ++i;
    return i;
  };

  // The var_dump blob starts on the last line that begins with "string(".
  std::size_t blob_line = lines.size();
  for (std::size_t i = lines.size(); i-- > 0;) {
    if (content(lines[i]).substr(0, 7) == "string(") {
      blob_line = i;
      break;
    }
  }
  // The agency line: the last "Source: X" line before the blob.
  std::size_t source_line = lines.size();
  Span source_name;
  for (std::size_t i = blob_line; i-- > 0;) {
    if (!is_blank(content(lines[i]))) {
      if (agency_line(in, lines[i], source_name)) source_line = i;
      break;
    }
  }

  // Header: headline (printed once or twice), then a dateline.
  std::size_t i = next_nonblank(0);
  const std::size_t first = i;
  std::size_t second = first < lines.size() ? next_nonblank(first + 1) : lines.size();
  const bool repeated = second < lines.size() && second < blob_line && content(lines[first]) == content(lines[second]);
  const bool first_is_dateline = first < lines.size() && is_dateline(content(lines[first]));
  const std::size_t after_title = repeated ? next_nonblank(second + 1) : second;
  const bool dateline_follows = after_title < lines.size() && is_dateline(content(lines[after_title]));
  const bool is_dump = repeated || first_is_dateline || dateline_follows || blob_line < lines.size() ||
                       source_line < lines.size();
  doc.format = is_dump ? InputFormat::kDump : InputFormat::kPlainText;

  std::size_t body_from = first;
  std::size_t dateline_line = lines.size();
  if (is_dump && first < lines.size() && first < blob_line && first != source_line) {
    if (first_is_dateline) {
      dateline_line = first;
    } else if (repeated || dateline_follows) {
      doc.title_spans.push_back(make_span(lines[first].start, lines[first].end));
      if (repeated) doc.title_spans.push_back(make_span(lines[second].start, lines[second].end));
      if (dateline_follows) dateline_line = after_title;
      body_from = dateline_follows ? after_title + 1 : after_title;
    }
    if (first_is_dateline) body_from = first + 1;
  }
  if (dateline_line < lines.size()) {
    const Line& l = lines[dateline_line];
    bool mismatch = false;
    doc.published = parse_dateline(content(l), &mismatch);
    doc.has_dateline = true;
    const std::string_view t = trim(content(l));
    const std::size_t s = static_cast<std::size_t>(t.data() - in.data());
    doc.dateline_span = make_span(s, s + t.size());
    if (mismatch) warn(doc, "weekday_mismatch", "the dateline's weekday does not match its date", s);
  } else if (is_dump) {
    warn(doc, "no_dateline", "no dateline found after the headline", first < lines.size() ? lines[first].start : from);
  }

  if (source_line < lines.size()) {
    doc.has_source = true;
    doc.source_span = source_name;
    doc.source.assign(in.substr(source_name.start, source_name.size()));
  }

  // Body: between the header and the agency line (or blob, or end).
  const std::size_t body_end_line = std::min(source_line, blob_line);
  std::size_t body_start = in.size(), body_end = in.size();
  std::size_t b = next_nonblank(body_from);
  if (b < body_end_line) {
    body_start = lines[b].start;
    std::size_t last = body_end_line;
    while (last > b && is_blank(content(lines[last - 1]))) --last;
    body_end = lines[last - 1].end;
  } else if (first < lines.size()) {
    body_start = body_end = lines[std::min(b, lines.size() - 1)].start;
  }
  if (!doc.title_spans.empty()) doc.fields[kTitleField] = verbatim_field(in, FieldKind::kTitle, doc.title_spans[0]);
  doc.fields[kBodyField] = verbatim_field(in, FieldKind::kBody, make_span(body_start, body_end));

  if (source_line < blob_line && blob_line < lines.size()) {
    const std::size_t stray = next_nonblank(source_line + 1);
    if (stray < blob_line)
      warn(doc, "text_after_source", "text between the agency line and the related-articles blob is ignored",
           lines[stray].start);
  }
  if (blob_line < lines.size()) parse_var_dump(doc, lines[blob_line].start);
  if (doc.has_source) {
    doc.source_field = static_cast<int>(doc.fields.size());
    doc.fields.push_back(verbatim_field(in, FieldKind::kSource, doc.source_span));
  }
  split_paragraphs(doc);
}

bool parse_json_article(Document& doc, std::size_t from) {
  const std::string_view in = doc.input;
  JsonValue root;
  JsonError error;
  if (!parse_json(in.substr(from), kMaxJsonDepth, root, error)) {
    warn(doc, "invalid_json_article", "the input starts like JSON but is not valid JSON (" + error.message +
                                          "); it is read as plain text", from + error.offset);
    return false;
  }
  if (root.type != JsonValue::Type::kObject) return false;
  doc.format = InputFormat::kJson;
  if (const JsonValue* title = root.find("title"); title && title->is_string()) {
    doc.fields[kTitleField] = decoded_field(in, FieldKind::kTitle, *title, from);
    doc.title_spans.push_back(make_span(from + title->start + 1, from + title->end - 1));
  }
  if (const JsonValue* published = root.find("published"); published && published->is_string()) {
    bool mismatch = false;
    doc.published = parse_dateline(published->string, &mismatch);
    doc.has_dateline = true;
    doc.dateline_span = make_span(from + published->start + 1, from + published->end - 1);
    if (doc.published.empty())
      warn(doc, "unparsed_dateline", "\"published\" is not a recognised date", doc.dateline_span.start);
    if (mismatch) warn(doc, "weekday_mismatch", "the dateline's weekday does not match its date", doc.dateline_span.start);
  }
  if (const JsonValue* body = root.find("body"); body && body->is_string()) {
    doc.fields[kBodyField] = decoded_field(in, FieldKind::kBody, *body, from);
  } else {
    doc.fields[kBodyField].base = static_cast<std::uint32_t>(in.size());
    warn(doc, "no_body", "the JSON article has no \"body\" string", from);
  }
  const JsonValue* source = root.find("source");
  if (source && source->is_string()) {
    doc.has_source = true;
    doc.source = source->string;
    doc.source_span = make_span(from + source->start + 1, from + source->end - 1);
  }
  if (const JsonValue* related = root.find("related")) {
    if (related->type == JsonValue::Type::kArray) {
      add_related(doc, related->items, from);
    } else {
      warn(doc, "related_invalid", "\"related\" is not a JSON array of items", from + related->start);
    }
  }
  if (doc.has_source) {  // after the related titles: fields keep their fixed order
    doc.source_field = static_cast<int>(doc.fields.size());
    doc.fields.push_back(decoded_field(in, FieldKind::kSource, *source, from));
  }
  split_paragraphs(doc);
  return true;
}

}  // namespace

void parse_article(Document& doc) {
  const std::string_view in = doc.input;
  doc.fields.assign(2, TextField{});
  doc.fields[kTitleField].kind = FieldKind::kTitle;
  doc.fields[kBodyField].kind = FieldKind::kBody;

  std::size_t from = 0;
  if (in.substr(0, 3) == "\xEF\xBB\xBF") from = 3;  // UTF-8 byte order mark
  const std::size_t invalid = find_invalid_utf8(in);
  if (invalid < in.size())
    warn(doc, "invalid_utf8", "the input is not valid UTF-8 (first bad byte here); bad bytes show as U+FFFD", invalid);

  std::size_t first = from;
  while (first < in.size() && (in[first] == ' ' || in[first] == '\t' || in[first] == '\r' || in[first] == '\n')) ++first;
  if (first < in.size() && in[first] == '{' && parse_json_article(doc, first)) return;
  parse_dump_or_text(doc, from);
}

}  // namespace gloss
