// DemoDocument(): a short article written for Gloss and annotated by hand, so every kind of highlight
// the panel draws can be seen and tested.
#include <algorithm>
#include <string>

#include "gloss/panel.h"

namespace gloss {
namespace panel {

namespace {

const char* const kHeadline = "Harbour Authority Approves \xE2\x82\xAC" "40 Million Plan for Northern Port";

const char* const kBody[] = {
    "The Baltic Harbour Authority on Wednesday approved a \xE2\x82\xAC" "40 million plan to rebuild the ferry "
    "terminal at Port Kessel, a project expected to raise freight capacity by 35 percent.",
    "\xE2\x80\x9CThis is the most important decision we have taken in a decade,\xE2\x80\x9D said Marta Lindqvist, "
    "the authority's chair, after the vote in Riga.",
    "Lindqvist said the work would begin in September and finish before the Nordic Maritime Forum in 2028.",
    "Estonian and Latvian shipping firms welcomed the decision. Andrus Tamm of Tallink said the new berths "
    "would let the Baltic Star ferry dock at night, from 22:00 to 06:00.",
    "Critics were less convinced. \xE2\x80\x9CWe have heard promises like this before,\xE2\x80\x9D Dmitri Volkov "
    "told reporters at the Kessel Lighthouse, adding that the Gulf of Riga needed cleaner ships first."
    "Ferry at Port Kessel, June 2026",
    "The plan was also published for partners in Athens and Saint Petersburg as \xC2\xAB\xCE\xA3\xCF\x87\xCE\xAD"
    "\xCE\xB4\xCE\xB9\xCE\xBF \xCE\xB1\xCE\xBD\xCE\xB1\xCF\x83\xCF\x85\xCE\xB3\xCE\xBA\xCF\x81\xCF\x8C\xCF\x84"
    "\xCE\xB7\xCF\x83\xCE\xB7\xCF\x82\xC2\xBB and \xC2\xAB\xD0\x9F\xD0\xBB\xD0\xB0\xD0\xBD \xD1\x80\xD0\xB5\xD0"
    "\xBA\xD0\xBE\xD0\xBD\xD1\x81\xD1\x82\xD1\x80\xD1\x83\xD0\xBA\xD1\x86\xD0\xB8\xD0\xB8\xC2\xBB.",
};

const char* const kRelated[] = {
    "Riga Port Volumes Rise 12 Percent in First Quarter",
    "Tallink Orders Two LNG Ferries",
    "Latvia and Estonia Agree Joint Harbour Fund",
};

std::string DemoInput() {
  std::string related = "[";
  for (int i = 0; i < 3; ++i) {
    if (i > 0) related += " ,";
    related += "{\"id\":\"90000" + std::to_string(i + 1) + "\",\"sort\":\"1\",\"contenttypeid\":\"21\",\"pic\":\"\",\"title\":\"" +
               kRelated[i] + "\"}";
  }
  related += " ]";
  std::string s;
  s += kHeadline;
  s += "\n\n";
  s += kHeadline;
  s += "\nWed Jun 10, 2026 09:45:00\n\n";
  for (const char* p : kBody) {
    s += p;
    s += "\n\n";
  }
  s += "Source: Gloss Demo Wire\n\nstring(" + std::to_string(related.size()) + ") \"" + related + "\"\n";
  return s;
}

struct HandEntity {
  const char* text;
  EntityType type;
  const char* canonical;
  const char* value;
};

// Longer names first: a span already taken is not taken again ("Gulf of Riga" before "Riga").
const HandEntity kEntities[] = {
    {"Baltic Harbour Authority", EntityType::kOrg, "Baltic Harbour Authority", ""},
    {"Nordic Maritime Forum", EntityType::kEvent, "Nordic Maritime Forum", ""},
    {"Saint Petersburg", EntityType::kGpe, "Saint Petersburg", ""},
    {"Kessel Lighthouse", EntityType::kFac, "Kessel Lighthouse", ""},
    {"Marta Lindqvist", EntityType::kPerson, "Marta Lindqvist", ""},
    {"Dmitri Volkov", EntityType::kPerson, "Dmitri Volkov", ""},
    {"Gulf of Riga", EntityType::kLoc, "Gulf of Riga", ""},
    {"Andrus Tamm", EntityType::kPerson, "Andrus Tamm", ""},
    {"Baltic Star", EntityType::kProduct, "Baltic Star", ""},
    {"Port Kessel", EntityType::kFac, "Port Kessel", ""},
    {"\xE2\x82\xAC" "40 million", EntityType::kMoney, "\xE2\x82\xAC" "40 million", ""},
    {"\xE2\x82\xAC" "40 Million", EntityType::kMoney, "\xE2\x82\xAC" "40 million", ""},
    {"35 percent", EntityType::kPercent, "35%", ""},
    {"12 Percent", EntityType::kPercent, "12%", ""},
    {"Lindqvist", EntityType::kPerson, "Marta Lindqvist", ""},
    {"Wednesday", EntityType::kDate, "2026-06-10", "2026-06-10"},
    {"September", EntityType::kDate, "2026-09", "2026-09"},
    {"June 2026", EntityType::kDate, "2026-06", "2026-06"},
    {"Estonian", EntityType::kNorp, "Estonia", ""},
    {"Latvian", EntityType::kNorp, "Latvia", ""},
    {"Estonia", EntityType::kGpe, "Estonia", ""},
    {"Latvia", EntityType::kGpe, "Latvia", ""},
    {"Tallink", EntityType::kOrg, "Tallink", ""},
    {"Athens", EntityType::kGpe, "Athens", ""},
    {"22:00", EntityType::kTime, "22:00", "T22:00"},
    {"06:00", EntityType::kTime, "06:00", "T06:00"},
    {"Riga", EntityType::kGpe, "Riga", ""},
    {"2028", EntityType::kDate, "2028", "2028"},
};

bool IsWordByte(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

void AddHandEntities(Document& doc) {
  for (int f = 0; f < static_cast<int>(doc.fields.size()); ++f) {
    const std::string& text = doc.fields[f].text;
    std::vector<bool> taken(text.size(), false);
    for (const HandEntity& h : kEntities) {
      const std::string needle = h.text;
      for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
        const std::size_t end = at + needle.size();
        if (at > 0 && IsWordByte(text[at - 1])) continue;
        if (end < text.size() && IsWordByte(text[end])) continue;
        if (std::any_of(taken.begin() + at, taken.begin() + end, [](bool b) { return b; })) continue;
        std::fill(taken.begin() + at, taken.begin() + end, true);
        Entity e;
        e.field = f;
        e.span = {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(end)};
        e.type = h.type;
        e.canonical = h.canonical;
        e.value = h.value;
        e.rule = "demo:hand-annotated";
        doc.entities.push_back(e);
      }
    }
  }
  std::sort(doc.entities.begin(), doc.entities.end(), [](const Entity& a, const Entity& b) {
    if (a.field != b.field) return a.field < b.field;
    if (a.span.start != b.span.start) return a.span.start < b.span.start;
    return a.span.end < b.span.end;
  });
  std::vector<std::string> names;
  for (Entity& e : doc.entities) {
    auto it = std::find(names.begin(), names.end(), e.canonical);
    e.group = static_cast<int>(it - names.begin());
    if (it == names.end()) names.push_back(e.canonical);
  }
}

Span Find(const std::string& text, const std::string& needle, std::size_t from = 0) {
  const std::size_t at = text.find(needle, from);
  if (at == std::string::npos) return {};
  return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + needle.size())};
}

void AddHandQuotes(Document& doc) {
  if (static_cast<int>(doc.fields.size()) <= kBodyField) return;
  const std::string& body = doc.body().text;
  struct HandQuote {
    const char* content;
    bool marks;  // direct quote: the span includes the curly marks and trailing comma
    QuoteKind kind;
    const char* speaker;
    const char* resolved;
    const char* cue;
    const char* method;
  };
  const HandQuote quotes[] = {
      {"This is the most important decision we have taken in a decade,", true, QuoteKind::kDirect,
       "Marta Lindqvist", "Marta Lindqvist", "said", "inverted"},
      {"the work would begin in September and finish before the Nordic Maritime Forum in 2028", false,
       QuoteKind::kIndirect, "Lindqvist", "Marta Lindqvist", "said", "adjacent"},
      {"the new berths would let the Baltic Star ferry dock at night, from 22:00 to 06:00", false,
       QuoteKind::kIndirect, "Andrus Tamm", "Andrus Tamm", "said", "adjacent"},
      {"We have heard promises like this before,", true, QuoteKind::kDirect, "Dmitri Volkov", "Dmitri Volkov",
       "told", "adjacent"},
  };
  for (const HandQuote& h : quotes) {
    const Span content = Find(body, h.content);
    if (content.empty()) continue;
    Quote q;
    q.field = kBodyField;
    q.kind = h.kind;
    q.content.push_back(content);
    q.span = content;
    if (h.marks) q.span = {content.start - 3, content.end + 3};  // the 3-byte “ and ”
    // The speaker and cue nearest the quotation (before it for indirect speech, after it for direct).
    const std::size_t from = h.marks ? q.span.end : (content.start > 60 ? content.start - 60 : 0);
    q.speaker = Find(body, h.speaker, from);
    q.has_speaker = !q.speaker.empty();
    q.resolved_speaker = h.resolved;
    q.cue = Find(body, h.cue, h.marks ? q.span.end : q.speaker.end);
    q.has_cue = !q.cue.empty();
    q.method = h.method;
    q.rule = "demo:hand-annotated";
    doc.quotes.push_back(q);
  }
}

}  // namespace

Document DemoDocument() {
  // Parsed by the core, annotated by hand: the demo shows every kind of span the panel draws whatever
  // the annotators find today, and the panel's tests and benchmark stay deterministic.
  AnnotateOptions parse_only;
  parse_only.entities = parse_only.quotes = false;
  AnnotateResult result = annotate(DemoInput(), parse_only);
  Document doc = std::move(result.document());
  AddHandEntities(doc);
  AddHandQuotes(doc);
  if (doc.captions.empty() && static_cast<int>(doc.fields.size()) > kBodyField) {
    const Span caption = Find(doc.body().text, "Ferry at Port Kessel, June 2026");
    if (!caption.empty()) doc.captions.push_back(caption);
  }
  doc.warnings.push_back({"demo_note", "This is the panel's demo article; its spans were annotated by hand.", 0});
  return doc;
}

}  // namespace panel
}  // namespace gloss
