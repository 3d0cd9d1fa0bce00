// Quotation finder tests: one table row per pattern family. Speakers are checked by their text span
// (robust to the entity recogniser changing), resolved speakers only where they are well defined.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

#include "gloss/gloss.h"
#include "test_support.h"
#include "quotes_lexicon.h"

namespace {

gloss::Document annotate_text(const std::string& text) {
  gloss::AnnotateResult r = gloss::annotate(text);
  REQUIRE(r.ok());
  return r.document();
}

std::string json_string(const std::string& s) {  // minimal JSON string literal for test inputs
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

gloss::Document annotate_article(const std::string& title, const std::string& body) {
  return annotate_text("{\"title\": " + json_string(title) + ", \"body\": " + json_string(body) + "}");
}

std::string slice(const gloss::Document& doc, int field, gloss::Span s) {
  return std::string(doc.fields[static_cast<std::size_t>(field)].slice(s));
}

// The quotation whose first content segment contains `needle` (nullptr if none).
const gloss::Quote* find_quote(const gloss::Document& doc, const std::string& needle) {
  for (const gloss::Quote& q : doc.quotes) {
    for (const gloss::Span& c : q.content) {
      if (slice(doc, q.field, c).find(needle) != std::string::npos) return &q;
    }
  }
  return nullptr;
}

struct QuoteCase {
  const char* name;
  const char* title;    // nullptr: `text` is the whole (plain-text) article
  const char* text;
  const char* content;  // a piece of the quotation's first content segment
  const char* kind;
  const char* speaker;  // nullptr: no speaker
  const char* cue;      // nullptr: no cue
  const char* method;   // nullptr: not checked
};

const QuoteCase kCases[] = {
    // Direct quotes, speaker after.
    {"after: name + cue", nullptr, "\"We will not back down,\" Foreign Minister Sergei Lavrov said on Tuesday.",
     "We will not back down", "direct", "Foreign Minister Sergei Lavrov", "said", "adjacent"},
    {"after: description + cue + statement", nullptr,
     "\"Such a step cannot but cause concern,\" Russia's foreign ministry said in a statement.",
     "Such a step", "direct", "Russia's foreign ministry", "said", "adjacent"},
    {"after: pronoun", nullptr, "\"It is over,\" she said.", "It is over", "direct", "she", "said", nullptr},
    {"after: auxiliaries", nullptr, "\"We will see,\" the coach has repeatedly insisted.", "We will see", "direct",
     "the coach", "insisted", nullptr},
    {"after: apposition", nullptr, "\"We saw everything,\" Hugh Hill, a doctor at the clinic, said.",
     "We saw everything", "direct", "Hugh Hill", "said", "adjacent"},
    {"after: inverted", nullptr, "\"The talks are over,\" said Anna Berg, a spokeswoman for the union.",
     "The talks are over", "direct", "Anna Berg", "said", "inverted"},
    {"after: inverted title", nullptr, "\"I did,\" said Mr. Verloc.", "I did", "direct", "Mr. Verloc", "said",
     "inverted"},
    {"after: according to", nullptr, "\"The deal is done,\" according to Maria Lopez.", "The deal is done",
     "direct", "Maria Lopez", "according to", "adjacent"},
    {"after: multi-word cue", nullptr, "\"Nothing has changed,\" the general told reporters in Kabul.",
     "Nothing has changed", "direct", "the general", "told reporters", "adjacent"},
    {"after: tweeted", nullptr, "\"Great meeting today!\" the senator tweeted.", "Great meeting", "direct",
     "the senator", "tweeted", nullptr},
    {"after: no comma, short clause", nullptr, "\"I am innocent\" he told the court.", "I am innocent", "direct",
     "he", "told", nullptr},
    {"after: intro phrase is not a speaker", nullptr,
     "The so-called \"peace plan\" was rejected by both sides, officials said.", "The so-called", "mixed",
     "officials", "said", nullptr},
    {"after: title abbreviations", nullptr, "\"It's a good day,\" Sen. Elizabeth Warren told CNN on Sunday.",
     "It's a good day", "direct", "Sen. Elizabeth Warren", "told", nullptr},
    // Speaker before.
    {"before: colon", nullptr, "The mayor told reporters: \"We have no money left.\"", "We have no money left",
     "direct", "The mayor", "told reporters", "adjacent"},
    {"before: comma", nullptr, "Later, Ms. Okafor said, \"Prices will fall.\"", "Prices will fall", "direct",
     "Ms. Okafor", "said", nullptr},
    {"before: adverbial", nullptr, "President Ruto said on Monday: \"The roads will be finished.\"",
     "The roads will be finished", "direct", "President Ruto", "said", nullptr},
    // Mark styles.
    {"marks: curly", nullptr, "\xE2\x80\x9CPrices will fall,\xE2\x80\x9D Ms. Okafor said.", "Prices will fall",
     "direct", "Ms. Okafor", "said", nullptr},
    {"marks: curly single", nullptr, "\xE2\x80\x98We are ready,\xE2\x80\x99 the captain said.", "We are ready",
     "direct", "the captain", "said", nullptr},
    {"marks: guillemets", nullptr, "\xC2\xABWe will stay,\xC2\xBB said Pierre Duval.", "We will stay", "direct",
     "Pierre Duval", "said", nullptr},
    {"marks: two apostrophes", nullptr, "''It is a disaster,'' said Tom Reed.", "It is a disaster", "direct",
     "Tom Reed", "said", nullptr},
    {"marks: TeX style", nullptr, "``It is over,'' he said.", "It is over", "direct", "he", "said", nullptr},
    {"marks: nested", nullptr, "\"He told me 'never again' and left,\" Jones said.", "He told me 'never again' and left",
     "direct", "Jones", "said", nullptr},
    {"apostrophes: possessive plural", nullptr, "\"The States' position hasn't changed,\" the envoy said.",
     "The States' position hasn't changed", "direct", "the envoy", "said", nullptr},
    {"apostrophes: curly in words", nullptr,
     "\xE2\x80\x9CRussia\xE2\x80\x99s plan won\xE2\x80\x99t work,\xE2\x80\x9D the envoy said.",
     "plan won", "direct", "the envoy", "said", nullptr},
    // Scare quotes and unattributed quotes.
    {"scare", nullptr, "Moscow and Pyongyang have named 2015 a \"year of friendship\" between them.",
     "year of friendship", "scare", nullptr, nullptr, nullptr},
    {"scare: period inside the marks", nullptr, "Consumer groups called the warning \"too little, too late.\"",
     "too little, too late", "scare", nullptr, nullptr, nullptr},
    {"unattributed: null speaker", nullptr, "\"Nobody knows what will happen next.\"", "Nobody knows", "direct",
     nullptr, nullptr, nullptr},
    // Reported speech.
    {"indirect: says", nullptr, "Washington says it wants to deploy the system to South Korea.",
     "it wants to deploy the system", "indirect", "Washington", "says", "adjacent"},
    {"indirect: auxiliaries + that", nullptr,
     "China has also already warned that deployment of the system would undermine peace.",
     "deployment of the system would undermine peace", "indirect", "China", "warned", nullptr},
    {"indirect: time phrase + listener", nullptr,
     "Russia on Tuesday warned the United States against sending a missile defense system.",
     "the United States against sending", "indirect", "Russia", "warned", nullptr},
    {"indirect: clause first", nullptr, "The talks will resume next week, the ministry said.",
     "The talks will resume next week", "indirect", "the ministry", "said", nullptr},
    {"indirect: clause first, inverted", nullptr, "The talks will resume next week, said Omar Haddad.",
     "The talks will resume next week", "indirect", "Omar Haddad", "said", nullptr},
    {"indirect: according to first", nullptr, "According to the police, three people were hurt in the blast.",
     "three people were hurt", "indirect", "the police", "According to", nullptr},
    {"indirect: according to last", nullptr, "Three people were hurt in the blast, according to local officials.",
     "Three people were hurt", "indirect", "local officials", "according to", nullptr},
    {"indirect: according to a noun that is also a cue", nullptr,
     "According to the report, emissions rose by 2 percent last year.", "emissions rose", "indirect", "the report",
     "According to", nullptr},
    {"indirect: apposition with a relative clause", nullptr,
     "A spokesman for the company, who asked not to be named, said the deal was off.", "the deal was off",
     "indirect", "A spokesman for the company", "said", nullptr},
    {"mixed: quoted as saying", nullptr, "The minister was quoted as saying that the budget was \"on track\".",
     "the budget was", "mixed", "The minister", "quoted as saying", nullptr},
    {"indirect: two appositions", nullptr,
     "Lind, 58, who took over the company in 2019, said the delay would add 400 million euros.",
     "the delay would add", "indirect", "Lind", "said", nullptr},
    {"indirect: according to X of Y", nullptr,
     "According to the local chamber of commerce, a third of customers arrive by car.", "a third of customers",
     "indirect", "the local chamber of commerce", "According to", nullptr},
    {"indirect: that-only cue", nullptr, "The court ruled that the ban was unlawful.", "the ban was unlawful",
     "indirect", "The court", "ruled", nullptr},
    {"indirect: clause first, participle after", nullptr,
     "Work on the pipeline will stop for a year, the company announced on Thursday, blaming rising costs.",
     "Work on the pipeline will stop", "indirect", "the company", "announced", nullptr},
    {"indirect: after a dateline", nullptr,
     "MOSCOW (Reuters) - Russia's foreign ministry said on Tuesday it would respond to any deployment.",
     "it would respond", "indirect", "Russia's foreign ministry", "said", nullptr},
    {"indirect: AP dateline, weekday after the cue", nullptr,
     "WASHINGTON, March 3 (AP) \xE2\x80\x94 President Joe Biden said Thursday the economy was strong.",
     "the economy was strong", "indirect", "President Joe Biden", "said", nullptr},
    {"indirect: clause first, listener after", nullptr, "The talks will resume next week, the minister told AFP.",
     "The talks will resume next week", "indirect", "the minister", "told", nullptr},
    {"indirect: plural base form", nullptr, "Analysts say the currency will weaken further this year.",
     "the currency will weaken", "indirect", "Analysts", "say", nullptr},
    {"mixed", nullptr, "Smith said the campaign was \"taking a close look\" at the data.",
     "the campaign was", "mixed", "Smith", "said", nullptr},
    // Headlines.
    {"headline: quote - speaker", "Russia sanctions 'must be lifted now' - Hollande", "Body text.",
     "must be lifted now", "direct", "Hollande", nullptr, "headline"},
    {"headline: claim: speaker", "US-led coalition invigorates ISIL in Syria: Russia", "Body text.",
     "US-led coalition invigorates ISIL in Syria", "indirect", "Russia", nullptr, "headline"},
    {"headline: speaker: quote", "Hollande: \"Sanctions must go\"", "Body text.", "Sanctions must go", "direct",
     "Hollande", nullptr, "headline"},
    {"headline: claim, X says", "Sanctions must be lifted, Hollande Says", "Body text.",
     "Sanctions must be lifted", "indirect", "Hollande", "Says", "headline"},
    {"headline: X warns", "Russia Warns US against Sending Missile Defense System", "Body text.",
     "US against Sending", "indirect", "Russia", "Warns", "headline"},
    {"headline: partial quote after the cue is mixed", "Putin says 'no plans' to invade", "Body text.",
     "'no plans' to invade", "mixed", "Putin", "says", "headline"},
    {"headline: speaker: claim (entity)", "Russia: Sanctions Will Hurt European Farmers", "Body text.",
     "Sanctions Will Hurt European Farmers", "indirect", "Russia", nullptr, "headline"},
};

}  // namespace

TEST_CASE("quotes: pattern families", "[quotes]") {
  for (const QuoteCase& c : kCases) {
    SECTION(c.name) {
      const gloss::Document doc = c.title ? annotate_article(c.title, c.text) : annotate_text(c.text);
      const gloss::Quote* q = find_quote(doc, c.content);
      INFO(c.text);
      REQUIRE(q != nullptr);
      CHECK(std::string(gloss::to_string(q->kind)) == c.kind);
      if (c.speaker) {
        REQUIRE(q->has_speaker);
        CHECK(slice(doc, q->field, q->speaker) == c.speaker);
      } else {
        CHECK_FALSE(q->has_speaker);
      }
      if (c.cue) {
        REQUIRE(q->has_cue);
        CHECK(slice(doc, q->field, q->cue) == c.cue);
      } else {
        CHECK_FALSE(q->has_cue);
      }
      if (c.method) CHECK(q->method == c.method);
      CHECK_FALSE(q->rule.empty());
    }
  }
}

TEST_CASE("quotes: split quote is one quotation with two segments", "[quotes]") {
  const gloss::Document doc = annotate_text("\"We are ready,\" she said, \"but we need more time.\"");
  REQUIRE(doc.quotes.size() == 1);
  const gloss::Quote& q = doc.quotes[0];
  REQUIRE(q.content.size() == 2);
  CHECK(slice(doc, q.field, q.content[0]) == "We are ready,");
  CHECK(slice(doc, q.field, q.content[1]) == "but we need more time.");
  CHECK(slice(doc, q.field, q.speaker) == "she");
  CHECK(slice(doc, q.field, q.span) == doc.body().text);
}

TEST_CASE("quotes: multi-paragraph quote", "[quotes]") {
  const gloss::Document doc = annotate_text(
      "\"The first part of the speech ran long.\n\n\"The second part ended it,\" the chairman said.\n");
  REQUIRE(doc.quotes.size() == 1);
  const gloss::Quote& q = doc.quotes[0];
  REQUIRE(q.content.size() == 2);
  CHECK(slice(doc, q.field, q.content[0]) == "The first part of the speech ran long.");
  CHECK(slice(doc, q.field, q.content[1]) == "The second part ended it,");
  CHECK(slice(doc, q.field, q.speaker) == "the chairman");
}

TEST_CASE("quotes: floating quotes inherit the speaker", "[quotes]") {
  const gloss::Document doc = annotate_text(
      "\"We will rebuild,\" Mayor Ana Silva said.\n\n\"Every street will be repaired by spring.\"\n\n"
      "The council meets on Friday.\n\n\"Nobody asked us.\"\n");
  REQUIRE(doc.quotes.size() == 3);
  const gloss::Quote& floating = doc.quotes[1];
  CHECK(floating.method == "floating");
  REQUIRE(floating.has_speaker);
  CHECK(slice(doc, floating.field, floating.speaker) == "Mayor Ana Silva");
  CHECK(floating.resolved_speaker == doc.quotes[0].resolved_speaker);
  CHECK_FALSE(doc.quotes[2].has_speaker);  // after a paragraph without quotes: no guess
}

TEST_CASE("quotes: a paragraph ending 'X said:' introduces the next paragraph's quote", "[quotes]") {
  const gloss::Document doc = annotate_text(
      "In a statement, Foreign Minister Anna Keller said:\n\n\"We tried everything. Nobody listened.\"\n\n"
      "\"We will try again next year.\"\n");
  REQUIRE(doc.quotes.size() == 2);
  REQUIRE(doc.quotes[0].has_speaker);
  CHECK(slice(doc, gloss::kBodyField, doc.quotes[0].speaker) == "Foreign Minister Anna Keller");
  CHECK(doc.quotes[0].rule == "direct.before.speaker-cue-colon-paragraph");
  CHECK(doc.quotes[1].method == "floating");
}

TEST_CASE("quotes: reference speakers resolve to the earlier speaker", "[quotes]") {
  const gloss::Document doc = annotate_text(
      "\"The decision is final,\" the Foreign Ministry said in a statement.\n\n"
      "\"It will not be reviewed,\" the statement said.\n\n\"We will appeal,\" the ministry added.\n");
  REQUIRE(doc.quotes.size() == 3);
  REQUIRE_FALSE(doc.quotes[0].resolved_speaker.empty());
  CHECK(doc.quotes[1].method == "reference");
  CHECK(doc.quotes[1].resolved_speaker == doc.quotes[0].resolved_speaker);
  CHECK(doc.quotes[2].method == "reference");
  CHECK(doc.quotes[2].resolved_speaker == doc.quotes[0].resolved_speaker);
}

TEST_CASE("quotes: 'adding:' continues the same quotation", "[quotes]") {
  const gloss::Document doc =
      annotate_text("\"This is the end of an era,\" he said, adding: \"Nobody will forget what happened here.\"");
  REQUIRE(doc.quotes.size() == 1);
  CHECK(doc.quotes[0].content.size() == 2);
}

TEST_CASE("quotes: a pronoun after an unresolved speaker is not given an older name", "[quotes]") {
  const gloss::Document doc = annotate_text(
      "\"We had no warning,\" said Ola Berg.\n\n'We will fight this,' the council leader said.\n\n"
      "\"This is the end,\" he said.\n");
  REQUIRE(doc.quotes.size() == 3);
  CHECK(doc.quotes[0].resolved_speaker == "Ola Berg");
  CHECK(doc.quotes[2].resolved_speaker.empty());
}

TEST_CASE("quotes: 'the company' and 'it' resolve to the organisation named before", "[quotes]") {
  const gloss::Document doc = annotate_text(
      "Google reported record profits on Monday.\n\n\"We are delighted,\" the company said. "
      "\"Sales rose everywhere,\" it added.\n");
  const gloss::Entity* org = nullptr;
  for (const gloss::Entity& e : doc.entities) {
    if (e.type == gloss::EntityType::kOrg && e.span.start == 0) org = &e;
  }
  REQUIRE(doc.quotes.size() == 2);
  if (!org) {
    WARN("the entity recogniser does not mark Google as ORG; resolution not checked");
    return;
  }
  CHECK(doc.quotes[0].resolved_speaker == org->canonical);
  CHECK(doc.quotes[0].method == "reference");
  CHECK(doc.quotes[1].resolved_speaker == org->canonical);
}

TEST_CASE("quotes: a statement with an owner is the owner's", "[quotes]") {
  const gloss::Document doc = annotate_text(
      "\"There will be no deal,\" Karine Jean-Pierre told reporters.\n\n"
      "The ministry's statement, issued late on Friday, said the troops would stay.\n");
  REQUIRE(doc.quotes.size() == 2);
  CHECK(doc.quotes[1].resolved_speaker.find("Jean-Pierre") == std::string::npos);
}

TEST_CASE("quotes: no guessed names for descriptions", "[quotes]") {
  const gloss::Document doc = annotate_text("A spokesman for the company said the deal was off.");
  REQUIRE(doc.quotes.size() == 1);
  CHECK(doc.quotes[0].resolved_speaker.empty());
}

TEST_CASE("quotes: an object after the cue is not an adverbial tail", "[quotes]") {
  const gloss::Document doc =
      annotate_text("In neighbouring India, the Assam State Disaster Management Authority reported 17 deaths.");
  CHECK(doc.quotes.empty());
}

TEST_CASE("quotes: invalid UTF-8 bytes stay single bytes", "[quotes]") {
  // 0xFF and a lead byte without its continuation must not swallow the characters after them.
  const gloss::Document doc = annotate_text(
      "French rail workers extended their strike on Friday, SNCF said, with only one high\xFF-speed\xC3( train "
      "in five running.\n\n\"Strike\xFF\" is \"\xC3\" here,\" she said.\n");
  const gloss::Quote* q = find_quote(doc, "French rail workers extended");
  REQUIRE(q);
  CHECK(slice(doc, q->field, q->speaker) == "SNCF");
}

TEST_CASE("quotes: that-only cues need 'that'", "[quotes]") {
  const gloss::Document doc = annotate_text("The police found the car near the river.");
  CHECK(doc.quotes.empty());
}

TEST_CASE("quotes: apostrophes never open or close a quotation", "[quotes]") {
  const gloss::Document doc = annotate_text(
      "In the '90s the workers' union and Russia's rulers won't meet. Jones' car isn't the nation's pride.");
  for (const gloss::Quote& q : doc.quotes) {
    CHECK(q.kind != gloss::QuoteKind::kDirect);
    CHECK(q.kind != gloss::QuoteKind::kScare);
  }
}

TEST_CASE("quotes: unbalanced marks stay local", "[quotes]") {
  const gloss::Document doc = annotate_text(
      "\"This opening mark never closes, and the paragraph ends.\n\n"
      "The budget grew.\n\n\"A real quote,\" she said.\n");
  REQUIRE(doc.quotes.size() == 1);
  CHECK(slice(doc, gloss::kBodyField, doc.quotes[0].content[0]) == "A real quote,");
}

TEST_CASE("quotes: pathological input stays bounded", "[quotes]") {
  const std::string pieces[] = {"\"", "\xE2\x80\x9C", "'a ", "\xC2\xAB\xE2\x80\x98", "\" said he \"", "''"};
  for (const std::string& piece : pieces) {
    std::string text;
    while (text.size() < (1u << 20)) text += piece;
    const auto t0 = std::chrono::steady_clock::now();
    const gloss::Document doc = annotate_text(text);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(seconds < 5.0);
    for (const gloss::Quote& q : doc.quotes) CHECK(q.span.size() <= 16 * 1024 + 8);
  }
}

TEST_CASE("quotes: the cue lexicon is rich", "[quotes]") {
  CHECK(gloss::CueLexicon::instance().form_count() > 150);
  const std::string_view words[] = {"told", "reporters", "that"};
  const gloss::CueMatch m = gloss::CueLexicon::instance().match(words, 3);
  CHECK(m.words == 2);
}

TEST_CASE("quotes: reference article", "[quotes][seed]") {
  const std::optional<std::string> seed = gloss_test::read_seed();
  if (!seed) {
    WARN("seed article not found; skipped");
    return;
  }
  // With and without the entity recogniser: the finder must not depend on it for these.
  const bool with_entities = GENERATE(true, false);
  INFO("entities " << (with_entities ? "on" : "off"));
  gloss::AnnotateOptions options;
  options.entities = with_entities;
  gloss::AnnotateResult result = gloss::annotate(*seed, options);
  REQUIRE(result.ok());
  const gloss::Document& doc = result.document();

  for (std::size_t i = 1; i < doc.quotes.size(); ++i) {  // sorted by (field, start)
    const gloss::Quote& a = doc.quotes[i - 1];
    const gloss::Quote& b = doc.quotes[i];
    CHECK((a.field < b.field || (a.field == b.field && a.span.start <= b.span.start)));
  }
  const gloss::Quote* q1 = find_quote(doc, "Such a development cannot but cause concern");
  const gloss::Quote* q2 = find_quote(doc, "In a region where the situation");
  REQUIRE(q1);
  REQUIRE(q2);
  for (const gloss::Quote* q : {q1, q2}) {
    CHECK(q->kind == gloss::QuoteKind::kDirect);
    REQUIRE(q->has_cue);
    CHECK(slice(doc, q->field, q->cue) == "said");
    CHECK(q->resolved_speaker.find("inistry") != std::string::npos);
  }
  CHECK(slice(doc, q1->field, q1->speaker) == "Russia's foreign ministry");
  CHECK(slice(doc, q2->field, q2->speaker) == "the statement");
  CHECK(q2->method == "reference");

  const gloss::Quote* scare = find_quote(doc, "year of friendship");
  REQUIRE(scare);
  CHECK(scare->kind == gloss::QuoteKind::kScare);

  const gloss::Quote* hollande = find_quote(doc, "must be lifted now");
  REQUIRE(hollande);
  CHECK(doc.fields[static_cast<std::size_t>(hollande->field)].kind == gloss::FieldKind::kRelatedTitle);
  CHECK(slice(doc, hollande->field, hollande->speaker) == "Hollande");

  const struct {
    const char* content;
    const char* speaker;
  } reported[] = {{"the United States against sending", "Russia"},
                  {"it wants to deploy the system", "Washington"},
                  {"deployment of the system would undermine", "China"},
                  {"reclusive leader Kim Jong-Un", "Kremlin"}};
  for (const auto& r : reported) {
    INFO(r.content);
    const gloss::Quote* q = find_quote(doc, r.content);
    REQUIRE(q);
    CHECK(q->kind == gloss::QuoteKind::kIndirect);
    REQUIRE(q->has_speaker);
    CHECK(slice(doc, q->field, q->speaker) == r.speaker);
  }
}
