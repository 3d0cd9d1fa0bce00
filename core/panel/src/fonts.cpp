// Fonts: the host loads the TrueType file and passes its bytes; the panel picks sizes and glyph ranges.
#include <cstdio>
#include <cstring>

#include "gloss/panel.h"

namespace gloss {
namespace panel {

const ImWchar* PanelGlyphRanges() {
  static const ImWchar kRanges[] = {
      0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement
      0x0100, 0x024F,  // Latin Extended-A and -B
      0x02B0, 0x02FF,  // spacing modifier letters (ʻokina, ˈ)
      0x0370, 0x03FF,  // Greek and Coptic
      0x0400, 0x052F,  // Cyrillic + Cyrillic Supplement
      0x1E00, 0x1EFF,  // Latin Extended Additional (Vietnamese)
      0x2000, 0x206F,  // General Punctuation: curly quotes, dashes, ellipsis
      0x20A0, 0x20CF,  // currency signs (€, ₽, ₴)
      0x2100, 0x214F,  // letterlike symbols (№, ™)
      0x2190, 0x21FF,  // arrows (UI)
      0x2212, 0x2212,  // minus sign
      0x25A0, 0x25FF,  // geometric shapes (UI: ▲ ▼ ●)
      0xFFFD, 0xFFFD,  // replacement character: what anything else draws as
      0,
  };
  return kRanges;
}

namespace {

ImFont* AddFont(ImGuiIO& io, const void* ttf, std::size_t size, float pixels, int oversample_h) {
  if (ttf == nullptr || size == 0 || size > 0x7fffffff) return nullptr;
  // The atlas frees the data it owns with IM_FREE; copy so the host keeps its own buffer.
  void* copy = IM_ALLOC(size);
  std::memcpy(copy, ttf, size);
  ImFontConfig config;
  config.FontDataOwnedByAtlas = true;
  config.OversampleH = oversample_h;
  config.OversampleV = 1;
  config.PixelSnapH = oversample_h == 1;
  std::snprintf(config.Name, sizeof(config.Name), "gloss %.0fpx", pixels);
  return io.Fonts->AddFontFromMemoryTTF(copy, static_cast<int>(size), pixels, &config, PanelGlyphRanges());
}

}  // namespace

PanelFonts AddPanelFonts(ImGuiIO& io, const void* ttf, std::size_t ttf_size, float scale, const void* bold_ttf,
                         std::size_t bold_ttf_size) {
  if (!(scale > 0.25f && scale < 8.0f)) scale = 1.0f;
  PanelFonts fonts;
  // Sizes in pixels at scale 1. The large body face keeps zoomed text crisp: it is drawn scaled down,
  // never up, between 1.4x and 2x zoom, and scaled up only a little beyond.
  fonts.ui = AddFont(io, ttf, ttf_size, 15.0f * scale, 1);
  if (fonts.ui == nullptr) return fonts;
  fonts.body = AddFont(io, ttf, ttf_size, 18.0f * scale, 2);
  fonts.body_large = AddFont(io, ttf, ttf_size, 34.0f * scale, 1);
  fonts.heading = AddFont(io, bold_ttf != nullptr ? bold_ttf : ttf, bold_ttf != nullptr ? bold_ttf_size : ttf_size,
                          28.0f * scale, 1);
  if (fonts.heading == nullptr) fonts.heading = fonts.body_large;
  if (io.FontDefault == nullptr) io.FontDefault = fonts.ui;
  return fonts;
}

}  // namespace panel
}  // namespace gloss
