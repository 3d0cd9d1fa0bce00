// The panel without a window: an ImGui context with a built font atlas, fed input by hand, drawing into
// draw lists that nobody renders (the pattern of ImGui's example_null).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "gloss/gloss.h"
#include "test_support.h"
#include "gloss/panel.h"
#include "imgui.h"
#include "imgui_internal.h"

namespace {

using gloss::Document;
using gloss::EntityType;
namespace panel = gloss::panel;

std::vector<char> ReadFile(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// One headless ImGui context with the panel's fonts.
struct Headless {
  explicit Headless(ImVec2 size = ImVec2(1280, 800)) {
    ctx = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = size;
    io.DeltaTime = 1.0f / 60.0f;
    const std::vector<char> ttf = ReadFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    if (!ttf.empty()) state.fonts = panel::AddPanelFonts(io, ttf.data(), ttf.size(), 1.0f);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the atlas, as a renderer backend would
    atlas_w = w;
    atlas_h = h;
    panel::ApplyTheme(state.theme);
  }
  ~Headless() { ImGui::DestroyContext(ctx); }

  // One frame: the panel fills the display. Returns DrawArticlePanel's "needs another frame".
  bool Frame(const Document& doc) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("host", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    const bool again = panel::DrawArticlePanel(doc, state);
    ImGui::End();
    ImGui::Render();
    return again;
  }
  void Frames(const Document& doc, int n) {
    for (int i = 0; i < n; ++i) Frame(doc);
  }
  void Click(const Document& doc, ImVec2 at) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = at;
    Frame(doc);
    io.MouseDown[0] = true;
    Frame(doc);
    io.MouseDown[0] = false;
    Frame(doc);
  }

  // Vertices of the last frame with exactly colour `col`.
  int CountVertices(ImU32 col) const {
    int n = 0;
    const ImDrawData* dd = ImGui::GetDrawData();
    for (int l = 0; l < dd->CmdListsCount; ++l) {
      for (const ImDrawVert& v : dd->CmdLists[l]->VtxBuffer) n += v.col == col;
    }
    return n;
  }

  ImGuiContext* ctx = nullptr;
  panel::PanelState state;
  int atlas_w = 0, atlas_h = 0;
};

ImVec2 Center(ImVec2 a, ImVec2 b) { return ImVec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f); }

int FindEntity(const Document& doc, const std::string& text, EntityType type) {
  for (std::size_t i = 0; i < doc.entities.size(); ++i) {
    const gloss::Entity& e = doc.entities[i];
    if (e.type == type && doc.fields[e.field].slice(e.span) == text) return static_cast<int>(i);
  }
  return -1;
}

bool TooltipVisible() {
  ImGuiWindow* w = ImGui::FindWindowByName("##Tooltip_00");
  return w != nullptr && w->Active;
}

}  // namespace

TEST_CASE("panel: draws the demo article into non-empty draw lists", "[panel]") {
  const Document doc = panel::DemoDocument();
  REQUIRE(doc.entities.size() > 10);
  REQUIRE(doc.quotes.size() >= 2);
  Headless h;
  h.Frames(doc, 2);
  const ImDrawData* dd = ImGui::GetDrawData();
  REQUIRE(dd != nullptr);
  CHECK(dd->Valid);
  CHECK(dd->CmdListsCount > 0);
  CHECK(dd->TotalVtxCount > 1000);
  CHECK(h.state.stats.lines > 10);
  CHECK(h.state.stats.lines_drawn > 0);
  // Highlight fills in the palette colours of the types present.
  CHECK(h.CountVertices(panel::EntityColor(EntityType::kPerson, panel::Theme::kLight)) > 0);
  CHECK(h.CountVertices(panel::EntityColor(EntityType::kGpe, panel::Theme::kLight)) > 0);
  CHECK(h.CountVertices(panel::EntityColor(EntityType::kOrg, panel::Theme::kLight)) > 0);
}

TEST_CASE("panel: the font atlas covers Latin, Greek and Cyrillic at a sane size", "[panel][fonts]") {
  Headless h;
  if (h.state.fonts.body == nullptr) {
    WARN("DejaVuSans.ttf not installed: font checks skipped");
    return;
  }
  const ImFont* f = h.state.fonts.body;
  for (ImWchar c : {ImWchar(u'é'), ImWchar(u'ő'), ImWchar(u'Σ'), ImWchar(u'Ж'), ImWchar(u'“'), ImWchar(u'€'),
                    ImWchar(0xFFFD)}) {
    INFO("U+" << std::hex << static_cast<int>(c));
    CHECK(f->FindGlyphNoFallback(c) != nullptr);
  }
  CHECK(h.atlas_w <= 4096);
  CHECK(h.atlas_h <= 4096);
}

TEST_CASE("panel: hovering an entity shows its tooltip, clicking selects its group", "[panel][hit]") {
  const Document doc = panel::DemoDocument();
  Headless h;
  h.Frames(doc, 3);
  const int e = FindEntity(doc, "Marta Lindqvist", EntityType::kPerson);
  REQUIRE(e >= 0);
  ImVec2 min, max;
  REQUIRE(panel::EntityScreenRect(h.state, e, &min, &max));
  CHECK(max.x > min.x);
  CHECK(max.y > min.y);

  ImGui::GetIO().MousePos = Center(min, max);
  h.Frame(doc);
  CHECK(h.state.hovered_entity == e);
  CHECK(TooltipVisible());

  // Away from any text: nothing hovered, no tooltip.
  ImGui::GetIO().MousePos = ImVec2(5, 790);
  h.Frame(doc);
  CHECK(h.state.hovered_entity == -1);
  CHECK_FALSE(TooltipVisible());

  h.Click(doc, Center(min, max));
  CHECK(h.state.selected_entity == e);
  // The selection outline is drawn around every mention of the group (Marta Lindqvist, Lindqvist).
  const ImU32 outline = IM_COL32(0x1F, 0x23, 0x28, 255);
  ImGui::GetIO().MousePos = ImVec2(5, 790);
  h.Frame(doc);
  CHECK(h.CountVertices(outline) > 0);

  // Clicking empty space (the article's left margin) clears the selection.
  h.Click(doc, ImVec2(20, 400));
  CHECK(h.state.selected_entity == -1);
}

TEST_CASE("panel: hovering a quotation reports it", "[panel][hit]") {
  const Document doc = panel::DemoDocument();
  Headless h;
  h.Frames(doc, 3);
  ImVec2 min, max;
  REQUIRE(panel::QuoteScreenRect(h.state, 0, &min, &max));
  const ImU32 quote_bar = IM_COL32(0x6C, 0x4F, 0xA3, 255);
  const int bar_vertices = h.CountVertices(quote_bar);
  ImGui::GetIO().MousePos = ImVec2(min.x + 4.0f, (min.y + max.y) * 0.5f);
  h.Frame(doc);
  CHECK(h.state.hovered_quote == 0);
  CHECK(TooltipVisible());
  // From the next frame on, the hovered quotation's speaker and cue are boxed in its colour.
  h.Frame(doc);
  CHECK(h.CountVertices(quote_bar) > bar_vertices);
}

TEST_CASE("panel: text wraps to the panel width", "[panel][layout]") {
  const Document doc = panel::DemoDocument();
  Headless wide(ImVec2(1600, 900));
  wide.Frames(doc, 2);
  const int wide_lines = wide.state.stats.lines;
  const float wide_width = wide.state.stats.wrap_width;
  Headless narrow(ImVec2(520, 900));
  narrow.state.show_side_panel = false;
  narrow.Frames(doc, 2);
  CHECK(narrow.state.stats.wrap_width < wide_width);
  CHECK(narrow.state.stats.lines > wide_lines);
  // Every mention lies inside the wrap width.
  const float right_limit = narrow.state.stats.wrap_width + 520.0f;  // origin x is at most the window width
  for (std::size_t e = 0; e < doc.entities.size(); ++e) {
    ImVec2 min, max;
    if (!panel::EntityScreenRect(narrow.state, static_cast<int>(e), &min, &max)) continue;
    CHECK(max.x - min.x <= narrow.state.stats.wrap_width + 2.0f);
    CHECK(max.x <= right_limit);
    CHECK(max.x <= 520.0f);
  }
}

TEST_CASE("panel: layout is cached until text, width, zoom or filters change", "[panel][layout]") {
  Document doc = panel::DemoDocument();
  Headless h;
  h.Frames(doc, 2);
  const auto built = h.state.stats.layouts_built;
  CHECK(built >= 1);
  h.Frames(doc, 5);
  CHECK(h.state.stats.layouts_built == built);

  h.state.zoom = 1.5f;
  h.Frames(doc, 2);
  CHECK(h.state.stats.layouts_built == built + 1);

  h.state.hidden_types = 1u << static_cast<int>(EntityType::kGpe);
  h.Frames(doc, 2);
  CHECK(h.state.stats.layouts_built == built + 2);
  CHECK(h.CountVertices(panel::EntityColor(EntityType::kGpe, panel::Theme::kLight)) == 0);

  ImGui::GetIO().DisplaySize = ImVec2(900, 700);
  h.Frames(doc, 2);
  CHECK(h.state.stats.layouts_built == built + 3);

  doc.fields[gloss::kBodyField].text[4] = 'X';
  h.state.DocumentChanged();
  h.Frames(doc, 2);
  CHECK(h.state.stats.layouts_built == built + 4);
}

TEST_CASE("panel: says when it needs no more frames", "[panel][frames]") {
  const Document doc = panel::DemoDocument();
  Headless h;
  bool again = true;
  for (int i = 0; i < 10 && again; ++i) again = h.Frame(doc);
  CHECK_FALSE(again);
  // A change asks for frames again, then settles.
  h.state.zoom = 1.2f;
  CHECK(h.Frame(doc));
  again = true;
  for (int i = 0; i < 10 && again; ++i) again = h.Frame(doc);
  CHECK_FALSE(h.Frame(doc));
}

TEST_CASE("panel: keyboard moves between entities and quotes, toggles types, zooms", "[panel][keys]") {
  const Document doc = panel::DemoDocument();
  Headless h;
  h.Frames(doc, 2);
  ImGuiIO& io = ImGui::GetIO();
  io.AddInputCharacter('n');
  h.Frame(doc);
  CHECK(h.state.selected_entity == 0);
  io.AddInputCharacter('n');
  h.Frame(doc);
  CHECK(h.state.selected_entity == 1);
  io.AddInputCharacter('p');
  h.Frame(doc);
  CHECK(h.state.selected_entity == 0);
  io.AddInputCharacter('q');
  h.Frame(doc);
  CHECK(h.state.selected_quote == 0);
  io.AddInputCharacter('q');
  h.Frame(doc);
  CHECK(h.state.selected_quote == 1);
  io.AddInputCharacter('+');
  h.Frame(doc);
  CHECK(h.state.zoom == Approx(1.1f));
  io.AddInputCharacter('0');
  h.Frame(doc);
  CHECK(h.state.zoom == Approx(1.0f));
  io.AddInputCharacter('1');  // colour group 1: PERSON
  h.Frame(doc);
  CHECK(h.state.hidden_types == (1u << static_cast<int>(EntityType::kPerson)));
  io.AddInputCharacter('a');
  h.Frame(doc);
  CHECK(h.state.hidden_types == 0u);
  io.AddInputCharacter('t');
  h.Frame(doc);
  CHECK(h.state.theme == panel::Theme::kDark);

  // Arrow keys through the backend's key map.
  io.KeyMap[ImGuiKey_RightArrow] = 300;
  io.KeysDown[300] = true;
  h.Frame(doc);
  io.KeysDown[300] = false;
  CHECK(h.state.selected_entity == 1);
}

TEST_CASE("panel: a selection from outside scrolls the article to it", "[panel][jump]") {
  // A long article: the demo paragraphs many times.
  Document doc = panel::DemoDocument();
  std::string body;
  std::vector<gloss::Span> paragraphs;
  for (int i = 0; i < 40; ++i) {
    const auto start = static_cast<std::uint32_t>(body.size());
    body += "Paragraph " + std::to_string(i) + " has some words that fill the line and then some more of them.";
    paragraphs.push_back({start, static_cast<std::uint32_t>(body.size())});
    body += "\n\n";
  }
  const auto at = static_cast<std::uint32_t>(body.find("Paragraph 35"));
  doc.fields[gloss::kBodyField].text = body;
  doc.paragraphs = paragraphs;
  doc.quotes.clear();
  doc.entities.clear();
  gloss::Entity e;
  e.span = {at, at + 12};
  e.type = EntityType::kEvent;
  doc.entities.push_back(e);
  Headless h(ImVec2(1000, 500));
  h.Frames(doc, 2);
  ImVec2 min, max;
  REQUIRE(panel::EntityScreenRect(h.state, 0, &min, &max));
  CHECK(min.y > 500.0f);  // below the fold
  CHECK(h.state.stats.lines_drawn < h.state.stats.lines);  // only the visible lines are drawn
  panel::SelectEntity(h.state, 0);
  h.Frames(doc, 3);
  REQUIRE(panel::EntityScreenRect(h.state, 0, &min, &max));
  CHECK(min.y > 0.0f);
  CHECK(max.y < 500.0f);
}

TEST_CASE("panel: odd input never breaks the layout", "[panel][robust]") {
  Headless h(ImVec2(700, 600));
  SECTION("empty document") {
    const Document doc;
    h.Frames(doc, 2);
    CHECK(ImGui::GetDrawData()->TotalVtxCount > 0);
  }
  SECTION("invalid UTF-8, control bytes, emoji, a very long word") {
    std::string text = "Bad \xff\xfe bytes\tand\x01 NUL";
    text += '\0';
    text += " then \xF0\x9F\x98\x80 emoji and Ελληνικά and кириллица. ";
    text += std::string(400, 'x');
    gloss::AnnotateResult r = gloss::annotate(text);
    REQUIRE(r.ok());
    Document doc = r.document();
    gloss::Entity e;
    e.span = {0, 200};  // past the end of the field: clamped
    e.type = EntityType::kOrg;
    doc.entities.push_back(e);
    h.Frames(doc, 2);
    CHECK(h.state.stats.lines > 3);  // the long word was broken across lines
    CHECK(h.state.stats.wrap_width < 700.0f);
  }
}

TEST_CASE("panel: the seed article draws", "[panel][seed]") {
  const std::optional<std::string> seed = gloss_test::read_seed();
  if (!seed) {
    WARN("seed not found: skipped");
    return;
  }
  gloss::AnnotateResult r = gloss::annotate(*seed);
  REQUIRE(r.ok());
  Headless h;
  h.Frames(r.document(), 3);
  CHECK(h.state.stats.lines > 10);
}

TEST_CASE("panel: datelines are formatted for people", "[panel][format]") {
  struct Case {
    const char* iso;
    const char* expected;
  };
  const Case cases[] = {
      {"2015-03-24T15:17:30", "Tuesday 24 March 2015, 15:17"},
      {"2026-06-10T09:45:00", "Wednesday 10 June 2026, 09:45"},
      {"2000-02-29", "Tuesday 29 February 2000"},
      {"1999-12-31T23:59", "Friday 31 December 1999, 23:59"},
      {"", ""},
      {"24/03/2015", ""},
      {"2015-13-01", ""},
  };
  for (const Case& c : cases) {
    INFO(c.iso);
    CHECK(panel::FormatDateline(c.iso) == c.expected);
  }
}

TEST_CASE("panel: fonts scale with the DPI scale", "[panel][fonts]") {
  ImGuiContext* ctx = ImGui::CreateContext();
  const std::vector<char> ttf = ReadFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
  if (!ttf.empty()) {
    const panel::PanelFonts f1 = panel::AddPanelFonts(ImGui::GetIO(), ttf.data(), ttf.size(), 1.0f);
    const panel::PanelFonts f2 = panel::AddPanelFonts(ImGui::GetIO(), ttf.data(), ttf.size(), 2.0f);
    REQUIRE(f1.body != nullptr);
    REQUIRE(f2.body != nullptr);
    CHECK(f2.body->FontSize == Approx(2.0f * f1.body->FontSize));
    CHECK(f2.heading->FontSize == Approx(2.0f * f1.heading->FontSize));
    CHECK(ImGui::GetIO().FontDefault == f1.ui);  // the first call sets the default face
  }
  // No bytes: no fonts, and the panel falls back to ImGui's font.
  const panel::PanelFonts none = panel::AddPanelFonts(ImGui::GetIO(), nullptr, 0, 1.0f);
  CHECK(none.body == nullptr);
  ImGui::DestroyContext(ctx);
}

TEST_CASE("panel: typing in the search box outlines the matching mentions", "[panel][search]") {
  const Document doc = panel::DemoDocument();
  Headless h;
  h.Frames(doc, 2);
  const ImU32 search_outline = IM_COL32(0xD4, 0xA0, 0x00, 255);
  CHECK(h.CountVertices(search_outline) == 0);
  ImGuiIO& io = ImGui::GetIO();
  io.AddInputCharacter('/');  // focuses the search box
  h.Frames(doc, 2);
  for (char c : std::string("kessel")) io.AddInputCharacter(static_cast<ImWchar>(c));
  h.Frames(doc, 2);
  CHECK(io.WantTextInput);
  // "Port Kessel" (twice) and "Kessel Lighthouse" are outlined.
  CHECK(h.CountVertices(search_outline) > 0);
  // While the box has focus, letters are text, not commands.
  const int selected = h.state.selected_entity;
  io.AddInputCharacter('n');
  h.Frame(doc);
  CHECK(h.state.selected_entity == selected);
}

TEST_CASE("panel: clicking a row of the entity list selects that entity", "[panel][hit]") {
  const Document doc = panel::DemoDocument();
  Headless h;
  h.Frames(doc, 3);
  ImGuiWindow* table = nullptr;  // the table's scrolling child window
  for (ImGuiWindow* w : GImGui->Windows) {
    if (std::strstr(w->Name, "##entities") != nullptr) table = w;
  }
  REQUIRE(table != nullptr);
  const float row_h = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2.0f;
  // The first row under the header: the most-mentioned group (ties: first in the text).
  h.Click(doc, ImVec2(table->Pos.x + 60.0f, table->Pos.y + row_h * 1.5f + 2.0f));
  REQUIRE(h.state.selected_entity >= 0);
  std::size_t most = 0;
  for (const gloss::Entity& e : doc.entities) {
    std::size_t n = 0;
    for (const gloss::Entity& o : doc.entities) n += o.canonical == e.canonical && o.type == e.type;
    most = std::max(most, n);
  }
  const gloss::Entity& chosen = doc.entities[h.state.selected_entity];
  std::size_t chosen_count = 0;
  for (const gloss::Entity& o : doc.entities) chosen_count += o.canonical == chosen.canonical && o.type == chosen.type;
  CHECK(chosen_count == most);
}

TEST_CASE("panel: glyphs supplied by the host fill the atlas, and later ones are added to it", "[panel][fonts]") {
  ImGuiContext* ctx = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  const panel::PanelFonts fonts = panel::AddPanelHostFonts(io, 1.0f);
  REQUIRE(fonts.ui != nullptr);
  REQUIRE(fonts.heading != nullptr);
  CHECK(io.FontDefault == fonts.ui);
  const panel::PanelFaceSpec body2 = panel::GetPanelFaceSpec(panel::kBodyFace, 2.0f);
  CHECK(body2.pixels == 36.0f);
  CHECK(body2.oversample_h == 2);
  CHECK(panel::GetPanelFaceSpec(panel::kHeadingFace, 1.0f).bold);

  // An 8x6 image: an "A" bitmap of 3x4 distinct values at (1,1), U+FFFD 2x2 at (5,0), the space blank.
  std::vector<std::uint8_t> image(8 * 6, 0);
  for (int y = 0; y < 4; ++y)
    for (int x = 0; x < 3; ++x) image[(1 + y) * 8 + 1 + x] = static_cast<std::uint8_t>(40 + 16 * y + 4 * x);
  image[5] = image[6] = image[13] = image[14] = 200;
  panel::HostGlyph glyphs[3];
  glyphs[0] = {'A', 1, 1, 3, 4, 1.0f, 5.0f, 7.4f};
  glyphs[1] = {0xFFFD, 5, 0, 2, 2, 0.0f, 2.0f, 6.0f};
  glyphs[2] = {' ', 0, 0, 0, 0, 0.0f, 0.0f, 3.6f};
  const panel::HostGlyphImage img{image.data(), 8, 6};
  CHECK(panel::AddHostGlyphs(io.Fonts, fonts.ui, glyphs, 3, img, 12.0f, -3.0f) == 3);
  CHECK(panel::AddHostGlyphs(io.Fonts, fonts.ui, glyphs, 3, img, 12.0f, -3.0f) == 0);  // known code points
  const panel::HostGlyph outside = {'B', 6, 4, 3, 3, 0.0f, 0.0f, 5.0f};               // past the image
  CHECK(panel::AddHostGlyphs(io.Fonts, fonts.ui, &outside, 1, img, 12.0f, -3.0f) == 0);
  // The body face draws two columns per pixel: 4 columns are 2 pixels (+ the prefilter's column).
  const panel::HostGlyph wide = {'A', 1, 1, 2, 4, 0.5f, 5.0f, 7.4f};
  CHECK(panel::AddHostGlyphs(io.Fonts, fonts.body, &wide, 1, img, 14.0f, -4.0f) == 1);

  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  const auto texel = [&](float u, float v) { return pixels[static_cast<int>(v * h + 0.5f) * w + static_cast<int>(u * w + 0.5f)]; };
  io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
  REQUIRE(pixels != nullptr);
  CHECK(fonts.body->FontSize == 18.0f);
  const ImFontGlyph* a = fonts.ui->FindGlyphNoFallback('A');
  REQUIRE(a != nullptr);
  CHECK(a->Visible);
  CHECK(a->X0 == 1.0f);
  CHECK(a->Y0 == 5.0f);
  CHECK(a->X1 - a->X0 == 3.0f);
  CHECK(a->Y1 - a->Y0 == 4.0f);
  CHECK(a->AdvanceX == 7.0f);  // the UI face snaps advances to whole pixels
  CHECK(texel(a->U0, a->V0) == 40);
  CHECK(texel(a->U0 + 2.0f / w, a->V0 + 3.0f / h) == 40 + 16 * 3 + 8);
  CHECK(fonts.ui->Ascent == 12.0f);
  CHECK(fonts.ui->FindGlyph(u'ɓ')->Codepoint == 0xFFFD);  // not supplied: the fallback
  CHECK(fonts.ui->FindGlyphNoFallback(' ')->AdvanceX == 4.0f);
  const ImFontGlyph* body_a = fonts.body->FindGlyphNoFallback('A');
  REQUIRE(body_a != nullptr);
  CHECK(body_a->X1 - body_a->X0 == Approx(1.5f));  // (2 + 1) columns / 2
  CHECK(body_a->X0 == Approx(0.25f));               // shifted back by half the filter
  CHECK(body_a->AdvanceX == Approx(7.4f));          // not snapped
  CHECK(texel(body_a->U0, body_a->V0) == 20);      // (0 + 40) / 2: the box filter
  // Faces nobody supplied glyphs for still build (a blank fallback).
  CHECK(fonts.heading->FallbackGlyph != nullptr);

  // New text brings new characters: added between frames, the next texture read rebuilds the atlas.
  const panel::HostGlyph hausa = {0x0253, 1, 1, 3, 4, 1.0f, 5.0f, 8.0f};
  CHECK(panel::AddHostGlyphs(io.Fonts, fonts.ui, &hausa, 1, img, 12.0f, -3.0f) == 1);
  io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
  REQUIRE(pixels != nullptr);
  CHECK(fonts.ui->FindGlyph(0x0253)->Codepoint == 0x0253);
  a = fonts.ui->FindGlyphNoFallback('A');
  REQUIRE(a != nullptr);
  CHECK(texel(a->U0, a->V0) == 40);

  // And the panel draws with them.
  io.DisplaySize = ImVec2(900, 600);
  io.DeltaTime = 1.0f / 60.0f;
  panel::PanelState state;
  state.fonts = fonts;
  const Document doc = panel::DemoDocument();
  for (int i = 0; i < 2; ++i) {
    ImGui::NewFrame();
    ImGui::Begin("host");
    panel::DrawArticlePanel(doc, state);
    ImGui::End();
    ImGui::Render();
  }
  CHECK(state.stats.lines > 0);
  ImGui::DestroyContext(ctx);
}
