// Gloss panel: draws an annotated article (a gloss::Document) with Dear ImGui.
//
// The panel is a library, the hosts are shells (the desktop debug window in native/desktop, the browser
// page in wasm/). It depends on Dear ImGui and the core only: no GLFW, no OpenGL, no browser, no files.
// The host creates the ImGui context and backends, loads the font file and hands its bytes to
// AddPanelFonts() (or supplies glyphs it drew, AddPanelHostFonts() below), then calls DrawArticlePanel()
// once per frame inside any ImGui window:
//
//   gloss::panel::PanelState state;
//   state.fonts = gloss::panel::AddPanelFonts(ImGui::GetIO(), ttf.data(), ttf.size(), dpi_scale);
//   ...each frame, between ImGui::NewFrame() and ImGui::Render():
//   ImGui::Begin("Article");
//   bool again = gloss::panel::DrawArticlePanel(doc, state);  // false: skip frames until new input
//   ImGui::End();
//
// What it shows: the headline, the dateline (formatted for people) and the source, then the body
// word-wrapped to the panel width with every entity highlighted in its type colour and every quotation
// tinted and barred, its speaker and cue underlined in the quote colour. Side lists: entities grouped by
// canonical name (sortable, filterable by type and text), quotations by speaker, related articles with
// their own highlights, and the parser's warnings. Keys and colours: docs/panel.md.
//
// Cost: the text layout is cached and rebuilt only when the document, the width, the zoom, the theme or
// the type filter changes; each frame draws only the visible lines.
#ifndef GLOSS_PANEL_H_
#define GLOSS_PANEL_H_

#include <cstddef>
#include <cstdint>
#include <memory>

#include "gloss/gloss.h"
#include "imgui.h"

namespace gloss {
namespace panel {

// The fonts the panel draws with; all null means "use ImGui's current font" (fine for tests).
struct PanelFonts {
  ImFont* ui = nullptr;          // toolbar, side lists, tooltips
  ImFont* body = nullptr;        // article text at 100% zoom
  ImFont* body_large = nullptr;  // article text rasterised large, used when zoomed in (stays crisp)
  ImFont* heading = nullptr;     // the headline (bold when a bold face was given)
};

// Adds the panel's fonts to io.Fonts from TrueType bytes the host has loaded (e.g. Debian's
// fonts-dejavu-core DejaVuSans.ttf). Covers Latin, Latin Extended, IPA, Greek, Cyrillic, general punctuation
// and currency signs; characters outside those ranges draw as U+FFFD and never break the layout. `scale`
// is the DPI scale (1 on a normal screen). The bytes are copied: the caller may free them afterwards.
// `bold_ttf` (optional) is used for the headline. Call before the atlas is built (before the first frame).
// The first font added becomes io.FontDefault when none was set, so the whole UI shares the face.
PanelFonts AddPanelFonts(ImGuiIO& io, const void* ttf, std::size_t ttf_size, float scale = 1.0f,
                         const void* bold_ttf = nullptr, std::size_t bold_ttf_size = 0);

// The glyph ranges AddPanelFonts() uses (zero-terminated pairs, static storage).
const ImWchar* PanelGlyphRanges();

// --- Glyphs supplied by the host ----------------------------------------------------------------------
// For hosts that rasterise text themselves (the browser page draws the glyphs with Canvas 2D in the page's
// own UI font): no font file and no TrueType rasteriser. The host asks which faces to draw
// (PanelFaceSpec), AddPanelHostFonts() makes the four fonts with no glyphs yet, and the host hands glyphs in
// with AddHostGlyphs() whenever text needs new ones; the atlas is rebuilt from them when the host next
// reads its texture (ImFontAtlas::GetTexDataAs*). Code points the host never supplied draw as U+FFFD (or
// '?') once that is supplied, so supply it first.

// The panel's faces, in this order everywhere.
enum PanelFace : int { kUiFace, kBodyFace, kBodyLargeFace, kHeadingFace, kPanelFaceCount };

struct PanelFaceSpec {
  float pixels = 0.0f;    // the line height in pixels (ImGui's FontSize), DPI scale included
  int oversample_h = 1;   // glyphs drawn this many times wider (sharper at fractional pen positions)
  bool bold = false;      // the headline face
};
PanelFaceSpec GetPanelFaceSpec(PanelFace face, float scale);

// One glyph bitmap the host drew: 8-bit coverage in the host's image.
struct HostGlyph {
  std::uint32_t code_point = 0;
  int x = 0, y = 0, width = 0, height = 0;  // the bitmap in the image (columns: oversample_h per pixel); 0x0: blank
  float offset_x = 0.0f;  // its left edge from the pen position, pixels
  float offset_y = 0.0f;  // its top edge from the top of the line, pixels (the baseline is where the host put it)
  float advance_x = 0.0f; // pixels
};
struct HostGlyphImage {
  const std::uint8_t* pixels = nullptr;  // row-major, one byte per pixel (0 empty .. 255 ink)
  int width = 0, height = 0;
};

// Adds the four faces at DPI `scale` (io.FontDefault becomes the UI face if unset) and makes io.Fonts build
// host-supplied glyphs. Do not mix with AddPanelFonts() in one atlas.
PanelFonts AddPanelHostFonts(ImGuiIO& io, float scale = 1.0f);

// The atlas builder AddPanelHostFonts() installs (io.Fonts->FontBuilderIO).
const ImFontBuilderIO* HostGlyphFontBuilder();

// Adds glyphs to `font` (one of AddPanelHostFonts' fonts); code points it already has and bitmaps outside
// the image are skipped. `ascent` / `descent` are the face's, pixels from the baseline (descent < 0; ImGui
// reports them, it lays out with FontSize). The bitmaps are copied. Call between frames; the next read of
// the atlas texture rebuilds it (the host re-uploads it). Returns the number of glyphs added.
int AddHostGlyphs(ImFontAtlas* atlas, ImFont* font, const HostGlyph* glyphs, int count, const HostGlyphImage& image,
                  float ascent, float descent);

enum class Theme : std::uint8_t { kLight, kDark };

// Applies the panel's light or dark ImGui style (colours, rounding, spacing) to the current context.
// DrawArticlePanel() calls it itself when PanelState::theme changes; hosts may call it up front.
void ApplyTheme(Theme theme);

// Per-type highlight colour (RGBA, as IM_COL32) from the colour-blind-safe palette for `theme`.
ImU32 EntityColor(EntityType type, Theme theme);

// Figures about the last DrawArticlePanel() call, for tests, benchmarks and the debug window.
struct PanelStats {
  std::uint64_t layouts_built = 0;  // times the article layout was (re)computed since the state was made
  int lines = 0;                    // lines in the article layout
  int pieces = 0;                   // styled text pieces in the article layout
  int lines_drawn = 0;              // lines drawn last frame (the visible ones)
  float content_height = 0.0f;      // article height in pixels
  float wrap_width = 0.0f;          // width the body was wrapped to, in pixels
};

namespace internal {
struct PanelCache;
}

// Everything the panel remembers between frames. Hosts may set the settings; the panel changes them
// from keys and buttons. Selection and hover are outputs (e.g. for the desktop's "why this span" view).
struct PanelState {
  PanelState();
  ~PanelState();
  PanelState(PanelState&&) noexcept;
  PanelState& operator=(PanelState&&) noexcept;

  // --- settings
  PanelFonts fonts;
  Theme theme = Theme::kLight;
  float zoom = 1.0f;                // article text zoom, clamped to [kMinZoom, kMaxZoom]
  std::uint32_t hidden_types = 0;   // bit (1 << int(EntityType)) set: that type is not highlighted
  bool show_side_panel = true;
  float side_panel_width = 0.0f;    // 0: a third of the panel, between 370 and 480 pixels
  // Set to open a side tab on the next frame (then reset to kNoTab by the panel).
  enum SideTab : int { kNoTab = -1, kEntitiesTab, kQuotesTab, kRelatedTab, kWarningsTab };
  int open_tab = kNoTab;

  // --- outputs (valid after a DrawArticlePanel call)
  int selected_entity = -1;  // index into Document::entities of the selected mention, or -1
  int selected_quote = -1;   // index into Document::quotes, or -1
  int hovered_entity = -1;   // entity under the mouse this frame (article or related list), or -1
  int hovered_quote = -1;    // quotation under the mouse this frame, or -1
  PanelStats stats;

  // Call when the Document drawn changed in place (same object, new content): the layout is rebuilt.
  // A different Document object, or a change in the number of entities or quotes, is noticed by itself.
  void DocumentChanged() { ++document_version; }
  std::uint64_t document_version = 0;

  std::unique_ptr<internal::PanelCache> cache;  // layout and side-list caches (opaque)
};

constexpr float kMinZoom = 0.5f;
constexpr float kMaxZoom = 3.0f;

// Draws the panel filling `size` (0: the rest of the current window) at the cursor of the current ImGui
// window. Returns true when the panel needs another frame even without new input (something is still
// changing: a jump in progress, a hover that appeared, a layout just rebuilt). When it returns false and
// no input arrives, the host can stop rendering until the next event.
bool DrawArticlePanel(const Document& document, PanelState& state, ImVec2 size = ImVec2(0, 0));

// Where mention `entity` (index into Document::entities) was drawn in the article view in the last
// frame, in screen pixels (its first line when it wraps). False when it was not laid out (filtered out,
// or no frame yet). For tests and for hosts that want to point at a span.
bool EntityScreenRect(const PanelState& state, int entity, ImVec2* min, ImVec2* max);

// Same for quotation `quote` (its first line).
bool QuoteScreenRect(const PanelState& state, int quote, ImVec2* min, ImVec2* max);

// Selects mention `entity` (or -1 for none) and scrolls the article to it on the next frame, as a click
// in the side list does.
void SelectEntity(PanelState& state, int entity);
void SelectQuote(PanelState& state, int quote);

// A short article, parsed by the core and annotated by hand, that exercises every kind of annotation
// the panel can show (all entity types, direct and indirect quotations with speakers and cues, a
// caption, related items, a warning). Used by the tests, the benchmark and the desktop's --demo; it
// does not depend on what the annotators find.
Document DemoDocument();

// "Tuesday 24 March 2015, 15:17" from an ISO 8601 "2015-03-24T15:17:30"; empty when `iso` is not one.
std::string FormatDateline(const std::string& iso);

}  // namespace panel
}  // namespace gloss

#endif  // GLOSS_PANEL_H_
