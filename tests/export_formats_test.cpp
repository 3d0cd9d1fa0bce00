// W3C Web Annotation and displaCy exports (core/src/export_formats.cpp): positions in code points,
// selectors that re-anchor, emoji and other non-BMP text.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "gloss/gloss.h"
#include "utf8.h"

namespace {

using Json = nlohmann::json;

// Code points of `s` (valid UTF-8), as UTF-32.
std::u32string code_points(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = gloss::utf8_sequence_length(s, i);
    REQUIRE(n > 0);
    out += gloss::decode_utf8(s, i, n);
    i += n;
  }
  return out;
}

std::string to_utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) gloss::append_utf8(out, c);
  return out;
}

// A plain-text document with one body entity over the first occurrence of `name`.
gloss::Document doc_with_entity(const std::string& text, const std::string& name) {
  gloss::AnnotateOptions none;
  none.entities = false;
  none.quotes = false;
  gloss::AnnotateResult r = gloss::annotate(text, none);
  REQUIRE(r.ok());
  gloss::Document doc = r.document();
  doc.entities.clear();
  doc.quotes.clear();
  const gloss::TextField& body = doc.fields[gloss::kBodyField];
  const std::size_t at = body.text.find(name);
  REQUIRE(at != std::string::npos);
  gloss::Entity e;
  e.field = gloss::kBodyField;
  e.span = {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + name.size())};
  e.type = gloss::EntityType::kPerson;
  e.canonical = name;
  e.rule = "test";
  e.group = 0;
  doc.entities.push_back(e);
  return doc;
}

struct RoundTripCase {
  const char* text;
  const char* name;
};

const RoundTripCase kCases[] = {
    {"Niek Stam said so.", "Niek Stam"},
    {"😀 Ivan Petrov 😀 said so.", "Ivan Petrov"},
    {"𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and 😀😀 before Zoë Ødegård, then 🇳🇱 after.", "Zoë Ødegård"},
    {"Москва: Сергей Лавров прибыл 👋🏽 сегодня.", "Сергей Лавров"},
    {"Ελλάδα: ο Κυριάκος Μητσοτάκης 𐍈 είπε.", "Κυριάκος Μητσοτάκης"},
};

}  // namespace

TEST_CASE("parse_export_format knows the three names", "[export]") {
  gloss::ExportFormat f = gloss::ExportFormat::kGloss;
  CHECK(gloss::parse_export_format("w3c", &f));
  CHECK(f == gloss::ExportFormat::kW3c);
  CHECK(gloss::parse_export_format("displacy", &f));
  CHECK(f == gloss::ExportFormat::kDisplacy);
  CHECK(gloss::parse_export_format("gloss", &f));
  CHECK(f == gloss::ExportFormat::kGloss);
  CHECK_FALSE(gloss::parse_export_format("W3C", &f));
  CHECK_FALSE(gloss::parse_export_format("", &f));
}

TEST_CASE("W3C selectors re-anchor in code points, with non-BMP text around", "[export]") {
  for (const RoundTripCase& c : kCases) {
    INFO(c.text);
    const gloss::Document doc = doc_with_entity(c.text, c.name);
    const Json out = Json::parse(gloss::to_w3c_annotations(doc, {}, "https://example.org/a"));
    CHECK(out["@context"] == "http://www.w3.org/ns/anno.jsonld");
    CHECK(out["type"] == "AnnotationPage");
    CHECK(out["partOf"]["type"] == "AnnotationCollection");
    REQUIRE(out["partOf"]["total"] == 1);
    REQUIRE(out["items"].size() == 1);
    const Json& a = out["items"][0];
    CHECK(a["type"] == "Annotation");
    CHECK(a["target"]["source"] == "https://example.org/a");
    const Json& quote = a["target"]["selector"][0];
    const Json& position = a["target"]["selector"][1];
    REQUIRE(quote["type"] == "TextQuoteSelector");
    REQUIRE(position["type"] == "TextPositionSelector");
    const std::u32string cps = code_points(c.text);
    const std::size_t start = position["start"], end = position["end"];
    CHECK(to_utf8(cps.substr(start, end - start)) == c.name);
    CHECK(quote["exact"] == c.name);
    const std::string prefix = quote["prefix"], suffix = quote["suffix"];
    CHECK(to_utf8(cps.substr(start - code_points(prefix).size(), code_points(prefix).size())) == prefix);
    CHECK(to_utf8(cps.substr(end, code_points(suffix).size())) == suffix);
    CHECK(code_points(prefix).size() == std::min<std::size_t>(start, 32));
  }
}

TEST_CASE("displaCy manual format: code-point offsets per field", "[export]") {
  for (const RoundTripCase& c : kCases) {
    INFO(c.text);
    const gloss::Document doc = doc_with_entity(c.text, c.name);
    const Json out = Json::parse(gloss::to_displacy(doc));
    REQUIRE(out.is_array());
    const Json* body = nullptr;
    for (const Json& d : out) {
      if (d["title"] == "body") body = &d;
    }
    REQUIRE(body);
    REQUIRE((*body)["ents"].size() == 1);
    const Json& e = (*body)["ents"][0];
    CHECK(e["label"] == "PERSON");
    const std::u32string cps = code_points((*body)["text"]);
    const std::size_t start = e["start"], end = e["end"];
    CHECK(to_utf8(cps.substr(start, end - start)) == c.name);
  }
}

TEST_CASE("exports count an invalid byte as one U+FFFD and stay valid UTF-8", "[export]") {
  gloss::Document doc = doc_with_entity(std::string("a\xFF\xFE b Niek Stam c\xC3"), "Niek Stam");
  const std::string w3c = gloss::to_w3c_annotations(doc);
  CHECK(gloss::find_invalid_utf8(w3c) == w3c.size());
  const Json out = Json::parse(w3c);
  const Json& position = out["items"][0]["target"]["selector"][1];
  CHECK(position["start"] == 6);  // a, U+FFFD, U+FFFD, space, b, space
  CHECK(position["end"] == 15);
  CHECK(out["items"][0]["target"]["source"] == "urn:x-gloss:input");
  const std::string displacy = gloss::to_displacy(doc);
  CHECK(gloss::find_invalid_utf8(displacy) == displacy.size());
}

TEST_CASE("to_format(kGloss) is to_json, and pretty output parses the same", "[export]") {
  const gloss::Document doc = doc_with_entity("😀 Ivan Petrov said so.", "Ivan Petrov");
  CHECK(gloss::to_format(doc, gloss::ExportFormat::kGloss) == gloss::to_json(doc));
  gloss::JsonOptions pretty;
  pretty.pretty = true;
  CHECK(Json::parse(gloss::to_format(doc, gloss::ExportFormat::kW3c, pretty)) ==
        Json::parse(gloss::to_w3c_annotations(doc)));
  CHECK(Json::parse(gloss::to_format(doc, gloss::ExportFormat::kDisplacy, pretty)) ==
        Json::parse(gloss::to_displacy(doc)));
}
