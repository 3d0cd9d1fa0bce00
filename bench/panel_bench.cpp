// Frame cost of the panel: CPU per frame for a 10,000-word article once laid out (target: < 1 ms).
//
//   gloss_panel_bench [WORDS] [FRAMES]
//
// Headless (no window, no GPU): an ImGui context with the panel's fonts, the demo article's paragraphs
// and their annotations repeated to WORDS words, drawn in a 1440x900 display. Prints the first frame
// (which builds the layout), then steady frames: idle, with the mouse moving over the text (hover and
// tooltips), and scrolled to the middle; for each, DrawArticlePanel alone and the whole ImGui frame
// (NewFrame + panel + Render).
#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "gloss/gloss.h"
#include "gloss/panel.h"
#include "imgui.h"

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

// The demo article with its body (paragraphs, entities, quotes, captions) repeated until `words` words.
gloss::Document LongArticle(int words) {
  const gloss::Document demo = gloss::panel::DemoDocument();
  gloss::Document doc = demo;
  const std::string& body = demo.body().text;
  int demo_words = 0;
  bool in_word = false;
  for (char c : body) {
    const bool ws = static_cast<unsigned char>(c) <= 0x20;
    demo_words += !ws && !in_word;
    in_word = !ws;
  }
  const int copies = std::max(1, (words + demo_words - 1) / demo_words);
  std::string text;
  doc.paragraphs.clear();
  doc.captions.clear();
  std::vector<gloss::Entity> entities;
  std::vector<gloss::Quote> quotes;
  for (const gloss::Entity& e : demo.entities) {
    if (e.field != gloss::kBodyField) entities.push_back(e);
  }
  auto shift = [](gloss::Span s, std::uint32_t by) { return gloss::Span{s.start + by, s.end + by}; };
  for (int k = 0; k < copies; ++k) {
    const auto base = static_cast<std::uint32_t>(text.size());
    text += body;
    text += "\n\n";
    for (gloss::Span p : demo.paragraphs) doc.paragraphs.push_back(shift(p, base));
    for (gloss::Span c : demo.captions) doc.captions.push_back(shift(c, base));
    for (gloss::Entity e : demo.entities) {
      if (e.field != gloss::kBodyField) continue;
      e.span = shift(e.span, base);
      entities.push_back(e);
    }
    for (gloss::Quote q : demo.quotes) {
      q.span = shift(q.span, base);
      for (gloss::Span& c : q.content) c = shift(c, base);
      q.speaker = shift(q.speaker, base);
      q.cue = shift(q.cue, base);
      quotes.push_back(q);
    }
  }
  std::stable_sort(entities.begin(), entities.end(),
                   [](const gloss::Entity& a, const gloss::Entity& b) { return a.field < b.field; });
  doc.fields[gloss::kBodyField].text = text;
  doc.entities = std::move(entities);
  doc.quotes = std::move(quotes);
  return doc;
}

struct Stats {
  double mean = 0, p50 = 0, p99 = 0, max = 0;
};

Stats Summarise(std::vector<double> v) {
  Stats s;
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  for (double x : v) s.mean += x;
  s.mean /= static_cast<double>(v.size());
  s.p50 = v[v.size() / 2];
  s.p99 = v[std::min(v.size() - 1, v.size() * 99 / 100)];
  s.max = v.back();
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const int words = argc > 1 ? std::atoi(argv[1]) : 10000;
  const int frames = argc > 2 ? std::atoi(argv[2]) : 2000;
  const gloss::Document doc = LongArticle(words);

  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1440, 900);
  io.DeltaTime = 1.0f / 60.0f;
  gloss::panel::PanelState state;
  std::ifstream in("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", std::ios::binary);
  const std::vector<char> ttf((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!ttf.empty()) state.fonts = gloss::panel::AddPanelFonts(io, ttf.data(), ttf.size(), 1.0f);
  unsigned char* pixels = nullptr;
  int aw = 0, ah = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &aw, &ah);
  gloss::panel::ApplyTheme(state.theme);

  double panel_ms = 0.0;
  auto frame = [&]() {
    const auto t0 = Clock::now();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("bench", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    const auto p0 = Clock::now();
    gloss::panel::DrawArticlePanel(doc, state);
    const auto p1 = Clock::now();
    ImGui::End();
    ImGui::Render();
    panel_ms = Ms(p0, p1);
    return Ms(t0, Clock::now());
  };

  std::size_t body_words = 0;
  bool in_word = false;
  for (char c : doc.body().text) {
    const bool ws = static_cast<unsigned char>(c) <= 0x20;
    body_words += !ws && !in_word;
    in_word = !ws;
  }
  std::printf("panel frame cost: %zu words, %zu entities, %zu quotations, 1440x900, font atlas %dx%d%s\n", body_words,
              doc.entities.size(), doc.quotes.size(), aw, ah, ttf.empty() ? " (ImGui's font: DejaVu missing)" : "");
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  frame();
  std::printf("  first frame (builds the layout): panel %.3f ms, whole frame %.3f ms; %d lines, %d pieces\n", panel_ms,
              panel_ms, state.stats.lines, state.stats.pieces);
  for (int i = 0; i < 5; ++i) frame();

  auto run = [&](const char* name, auto&& before_frame) {
    const auto layouts = state.stats.layouts_built;
    std::vector<double> panel, whole;
    panel.reserve(frames);
    whole.reserve(frames);
    for (int i = 0; i < frames; ++i) {
      before_frame(i);
      const double w = frame();
      panel.push_back(panel_ms);
      whole.push_back(w);
    }
    const int slow = static_cast<int>(std::count_if(panel.begin(), panel.end(), [](double ms) { return ms > 1.0; }));
    const Stats p = Summarise(panel), w = Summarise(whole);
    std::printf("  %-28s panel mean %.3f ms (p50 %.3f, p99 %.3f, max %.3f) | whole frame mean %.3f ms | %d lines drawn, %d/%d frames over 1 ms%s\n",
                name, p.mean, p.p50, p.p99, p.max, w.mean, state.stats.lines_drawn, slow, frames,
                state.stats.layouts_built != layouts ? "  [layout rebuilt!]" : "");
    return p.mean;
  };
  double worst = 0.0;
  worst = std::max(worst, run("idle:", [](int) {}));
  worst = std::max(worst, run("mouse over the text:", [&](int i) {
    io.MousePos = ImVec2(500.0f + static_cast<float>((i * 37) % 500), 150.0f + static_cast<float>((i * 53) % 700));
  }));
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  gloss::panel::SelectEntity(state, static_cast<int>(doc.entities.size() / 2));
  for (int i = 0; i < 5; ++i) frame();
  worst = std::max(worst, run("scrolled to the middle:", [](int) {}));
  std::printf("panel CPU per frame, worst mean: %.3f ms (target < 1 ms): %s\n", worst, worst < 1.0 ? "ok" : "OVER");
  ImGui::DestroyContext();
  return 0;
}
