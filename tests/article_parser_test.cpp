#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "article_parser.h"
#include "gloss/gloss.h"
#include "sentences.h"
#include "test_support.h"

using gloss::Document;
using gloss::Span;

namespace {

Document parse(std::string input) {
  const gloss::AnnotateResult result = gloss::annotate(input, gloss::AnnotateOptions{false, false});
  REQUIRE(result.ok());
  return result.document();
}

std::string body_text(const Document& doc, Span s) { return std::string(doc.body().slice(s)); }
std::string input_text(const Document& doc, Span s) { return doc.input.substr(s.start, s.size()); }

bool has_warning(const Document& doc, const std::string& code) {
  for (const auto& w : doc.warnings)
    if (w.code == code) return true;
  return false;
}

const char* const kDump =
    "Headline Here\n\nHeadline Here\nTue Mar 24, 2015 15:17:30\n\n"
    "First paragraph. It has two sentences.\n\n"
    "\"A quote,\" he said.\n\n"
    "Source: AFP\n\n"
    "string(35) \"[{\"id\":\"1\",\"title\":\"Related one\"} ]\"";

}  // namespace

TEST_CASE("parser: dateline formats", "[parser]") {
  struct Case {
    const char* text;
    const char* iso;
    bool mismatch;
  };
  const Case cases[] = {
      {"Tue Mar 24, 2015 15:17:30", "2015-03-24T15:17:30", false},
      {"Wed Mar 24, 2015 15:17:30", "2015-03-24T15:17:30", true},
      {"Sun Feb 29, 2004 09:05", "2004-02-29T09:05:00", false},
      {"Mon Feb 29, 2005 09:05:00", "", false},  // no Feb 29 in 2005
      {"2015-03-24T15:17:30", "2015-03-24T15:17:30", false},
      {"2015-03-24", "2015-03-24", false},
      {"Tuesday", "", false},
      {"Tue Mar 24, 2015 25:00:00", "", false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    bool mismatch = false;
    CHECK(gloss::parse_dateline(c.text, &mismatch) == c.iso);
    CHECK(mismatch == c.mismatch);
  }
}

TEST_CASE("parser: a dump with every part", "[parser]") {
  const Document doc = parse(kDump);
  CHECK(doc.format == gloss::InputFormat::kDump);
  REQUIRE(doc.title_spans.size() == 2);
  CHECK(input_text(doc, doc.title_spans[1]) == "Headline Here");
  CHECK(doc.title().text == "Headline Here");
  CHECK(doc.published == "2015-03-24T15:17:30");
  CHECK(input_text(doc, doc.dateline_span) == "Tue Mar 24, 2015 15:17:30");
  CHECK(doc.source == "AFP");
  REQUIRE(doc.source_field == gloss::kFirstRelatedField + 1);  // after the one related title
  CHECK(doc.fields[doc.source_field].name() == "source");
  CHECK(doc.fields[doc.source_field].to_input(0) == doc.source_span.start);
  REQUIRE(doc.paragraphs.size() == 2);
  REQUIRE(doc.sentences.size() == 3);
  CHECK(body_text(doc, doc.sentences[1]) == "It has two sentences.");
  REQUIRE(doc.related.size() == 1);
  CHECK(doc.related[0].title == "Related one");
  CHECK(doc.warnings.empty());
}

TEST_CASE("parser: CRLF and a byte order mark give the same structure", "[parser]") {
  std::string crlf = "\xEF\xBB\xBF";
  for (const char* p = kDump; *p; ++p) {
    if (*p == '\n') crlf += '\r';
    crlf += *p;
  }
  const Document doc = parse(crlf);
  CHECK(doc.title().text == "Headline Here");
  CHECK(doc.title_spans[0].start == 3);
  CHECK(doc.published == "2015-03-24T15:17:30");
  CHECK(doc.paragraphs.size() == 2);
  CHECK(body_text(doc, doc.paragraphs[1]) == "\"A quote,\" he said.");
  CHECK(doc.source == "AFP");
  REQUIRE(doc.related.size() == 1);
}

TEST_CASE("parser: var_dump problems are warnings and keep what came before", "[parser]") {
  SECTION("length mismatch") {
    std::string input = kDump;
    input.replace(input.find("string(35)"), 10, "string(41)");
    const Document doc = parse(input);
    CHECK(has_warning(doc, "var_dump_length_mismatch"));
    CHECK(doc.related.size() == 1);
    CHECK(doc.source == "AFP");
  }
  SECTION("absurd and negative lengths") {
    for (const char* n : {"string(99999999999999999999999)", "string(-5)"}) {
      std::string input = kDump;
      input.replace(input.find("string(35)"), 10, n);
      const Document doc = parse(input);
      CHECK(has_warning(doc, "var_dump_length_mismatch"));
      CHECK(doc.related.size() == 1);
    }
  }
  SECTION("truncated") {
    const std::string input = std::string(kDump).substr(0, std::string(kDump).size() - 10);
    const Document doc = parse(input);
    CHECK(has_warning(doc, "var_dump_truncated"));
    CHECK(has_warning(doc, "var_dump_invalid_json"));
    CHECK(doc.related.empty());
    CHECK(doc.paragraphs.size() == 2);
  }
  SECTION("deeply nested JSON") {
    std::string input = kDump;
    const std::string deep = std::string(5000, '[') + std::string(5000, ']');
    input = input.substr(0, input.find("string(")) + "string(" + std::to_string(deep.size()) + ") \"" + deep + "\"";
    const Document doc = parse(input);
    CHECK(has_warning(doc, "var_dump_invalid_json"));
  }
}

TEST_CASE("parser: weekday contradicting the date is a warning", "[parser]") {
  std::string input = kDump;
  input.replace(input.find("Tue Mar"), 3, "Fri");
  const Document doc = parse(input);
  CHECK(doc.published == "2015-03-24T15:17:30");
  CHECK(has_warning(doc, "weekday_mismatch"));
}

TEST_CASE("parser: plain text has no header", "[parser]") {
  const Document doc = parse("Just a paragraph. Another sentence here.\n\n\n\nSecond paragraph.");
  CHECK(doc.format == gloss::InputFormat::kPlainText);
  CHECK(doc.title_spans.empty());
  CHECK_FALSE(doc.has_dateline);
  CHECK(doc.paragraphs.size() == 2);
  CHECK(doc.sentences.size() == 3);
}

TEST_CASE("parser: JSON article format maps decoded text back to input bytes", "[parser]") {
  const std::string input =
      R"({"title":"Caf\u00e9 news","published":"2015-03-24T15:17:30","body":"P\u00e9ter said hi.\n\nBye.",)"
      R"("source":"AFP","related":[{"id":"9","title":"R\u00fcck"}]})";
  const Document doc = parse(input);
  CHECK(doc.format == gloss::InputFormat::kJson);
  CHECK(doc.title().text == "Caf\xC3\xA9 news");
  CHECK(doc.published == "2015-03-24T15:17:30");
  CHECK(doc.source == "AFP");
  REQUIRE(doc.paragraphs.size() == 2);
  CHECK(body_text(doc, doc.paragraphs[1]) == "Bye.");
  // "said" in the body: decoded offset 7 maps to its input position.
  const std::size_t said = input.find("said");
  CHECK(doc.body().to_input(7) == said);
  REQUIRE(doc.related.size() == 1);
  CHECK(doc.related[0].title == "R\xC3\xBC" "ck");
  CHECK(doc.related[0].id == "9");
}

TEST_CASE("parser: broken JSON input is read as text with a warning", "[parser]") {
  const Document doc = parse("{\"title\": \"x\", oops");
  CHECK(doc.format == gloss::InputFormat::kPlainText);
  CHECK(has_warning(doc, "invalid_json_article"));
}

TEST_CASE("parser: invalid UTF-8 is reported with its offset", "[parser]") {
  const Document doc = parse("Good text.\n\nBad \xFF byte.");
  REQUIRE(has_warning(doc, "invalid_utf8"));
  CHECK(doc.warnings[0].offset == 16);
  const std::string json = gloss::to_json(doc);
  CHECK(json.find("\xEF\xBF\xBD") != std::string::npos);  // replaced in output
  CHECK(json.find('\xFF') == std::string::npos);
}

TEST_CASE("parser: an empty input is an empty document", "[parser]") {
  for (const char* input : {"", "\n\n\n", "\xEF\xBB\xBF"}) {
    const Document doc = parse(input);
    CHECK(doc.paragraphs.empty());
    CHECK(doc.sentences.empty());
  }
}

TEST_CASE("sentences: boundaries, abbreviations and glued captions", "[sentences]") {
  struct Case {
    const char* text;
    std::vector<std::string> sentences;
    std::vector<std::string> captions;
  };
  const Case cases[] = {
      {"One. Two! Three? Four", {"One.", "Two!", "Three?", "Four"}, {}},
      {"Mr. Smith met Dr. Jones in the U.S. Army base. They talked.",
       {"Mr. Smith met Dr. Jones in the U.S. Army base.", "They talked."}, {}},
      {"\"Go home.\" He left.", {"\"Go home.\"", "He left."}, {}},
      {"It rose 2.5 percent. Then it fell.", {"It rose 2.5 percent.", "Then it fell."}, {}},
      {"The test was by North Korea.Russia and US flags",
       {"The test was by North Korea."}, {"Russia and US flags"}},
      {"Visit example.com today.", {"Visit example.com today."}, {}},
      {"J. R. R. Tolkien wrote it. Done.", {"J. R. R. Tolkien wrote it.", "Done."}, {}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const std::string text = c.text;
    std::vector<Span> sentences, captions;
    gloss::split_sentences(text, {0, static_cast<std::uint32_t>(text.size())}, sentences, captions);
    std::vector<std::string> got, got_captions;
    for (Span s : sentences) got.push_back(text.substr(s.start, s.size()));
    for (Span s : captions) got_captions.push_back(text.substr(s.start, s.size()));
    CHECK(got == c.sentences);
    CHECK(got_captions == c.captions);
  }
}

TEST_CASE("parser: the seed article", "[parser][seed]") {
  const std::optional<std::string> seed = gloss_test::read_seed();
  if (!seed) {
    WARN("seed article not found; skipped");
    return;
  }
  const Document doc = parse(*seed);
  CHECK(doc.title().text == "Russia Warns US against Sending Missile Defense System to South Korea");
  CHECK(doc.title_spans.size() == 2);
  CHECK(doc.published == "2015-03-24T15:17:30");
  CHECK(doc.paragraphs.size() == 8);
  CHECK(doc.source == "AFP");
  REQUIRE(doc.related.size() == 5);
  CHECK(doc.related[0].id == "1668178");
  CHECK(doc.related[1].title == "Russia sanctions 'must be lifted now' - Hollande");
  CHECK(doc.related[4].title == "Russia and New Alliance to Form EEU");
  REQUIRE(doc.captions.size() == 1);
  CHECK(body_text(doc, doc.captions[0]) == "Russia and US flags");
  CHECK(doc.warnings.empty());

  // The agency name is a field of its own, so the recogniser sees it: AFP is an organisation.
  REQUIRE(doc.source_field >= gloss::kFirstRelatedField);
  const gloss::AnnotateResult full = gloss::annotate(*seed);
  bool afp = false;
  for (const gloss::Entity& e : full.document().entities) {
    if (e.field == doc.source_field && full.document().fields[e.field].slice(e.span) == "AFP")
      afp = e.type == gloss::EntityType::kOrg;
  }
  CHECK(afp);
}
