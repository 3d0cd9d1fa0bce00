// Fonts: the panel picks sizes and glyph ranges; the host passes either a TrueType file's bytes (rasterised
// by ImGui's stb_truetype) or glyph bitmaps it drew itself (packed into the atlas by the builder below).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include "gloss/panel.h"
#include "imgui_internal.h"  // ImFontBuilderIO and the ImFontAtlasBuild* helpers every atlas builder uses

namespace gloss {
namespace panel {

const ImWchar* PanelGlyphRanges() {
  static const ImWchar kRanges[] = {
      0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement
      0x0100, 0x02FF,  // Latin Extended-A and -B, IPA (Hausa ɓ ɗ), spacing modifier letters (ʻokina, ˈ)
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

// The four faces: pixel sizes at scale 1. The large body face keeps zoomed text crisp: it is drawn scaled
// down, never up, between 1.4x and 2x zoom, and scaled up only a little beyond. Horizontal oversampling for
// the body text only, whose advances are not snapped to whole pixels (even spacing at reading size).
constexpr PanelFaceSpec kFaces[kPanelFaceCount] = {{15.0f, 1, false}, {18.0f, 2, false}, {34.0f, 1, false}, {28.0f, 1, true}};

float SaneScale(float scale) { return scale > 0.25f && scale < 8.0f ? scale : 1.0f; }

ImFontConfig FaceConfig(PanelFace face, float scale) {
  const PanelFaceSpec spec = GetPanelFaceSpec(face, scale);
  ImFontConfig config;
  config.FontDataOwnedByAtlas = true;
  config.SizePixels = spec.pixels;
  config.OversampleH = spec.oversample_h;
  config.OversampleV = 1;
  config.PixelSnapH = spec.oversample_h == 1;
  // No float formatting: the browser module's snprintf has none (wasm/small_printf.cpp).
  std::snprintf(config.Name, sizeof(config.Name), "gloss %dpx%s", static_cast<int>(std::lround(spec.pixels)),
                spec.bold ? " bold" : "");
  return config;
}

ImFont* AddFont(ImGuiIO& io, const void* ttf, std::size_t size, PanelFace face, float scale) {
  if (ttf == nullptr || size == 0 || size > 0x7fffffff) return nullptr;
  // The atlas frees the data it owns with IM_FREE; copy so the host keeps its own buffer.
  void* copy = IM_ALLOC(size);
  std::memcpy(copy, ttf, size);
  ImFontConfig config = FaceConfig(face, scale);
  return io.Fonts->AddFontFromMemoryTTF(copy, static_cast<int>(size), config.SizePixels, &config, PanelGlyphRanges());
}

// --- host-supplied glyphs -------------------------------------------------------------------------------
// A face's glyphs live in its ImFontConfig::FontData (owned by the atlas, freed with IM_FREE like a TTF):
// this header, `count` StoredGlyph records, then their bitmaps one after the other.
constexpr std::uint32_t kHostFaceMagic = 0x474C5948;  // "GLYH": the builder's check that FontData is ours
struct StoredFace {
  std::uint32_t magic;
  float ascent, descent;
  int count;
  std::uint32_t pixel_bytes;
};
struct StoredGlyph {
  std::uint32_t code_point;
  std::uint32_t pixels;  // offset of the bitmap after the records
  std::uint16_t width, height;
  float offset_x, offset_y, advance_x;
};

StoredFace* Face(const ImFontConfig& config) {
  if (config.FontData == nullptr || config.FontDataSize < static_cast<int>(sizeof(StoredFace))) return nullptr;
  auto* face = static_cast<StoredFace*>(config.FontData);
  return face->magic == kHostFaceMagic ? face : nullptr;
}
StoredGlyph* Glyphs(StoredFace* face) { return reinterpret_cast<StoredGlyph*>(face + 1); }
const std::uint8_t* Pixels(StoredFace* face) {
  return reinterpret_cast<const std::uint8_t*>(Glyphs(face) + face->count);
}

// ImFontBuilderIO::FontBuilder_Build for the host's glyphs: a shelf packer (rows of glyphs sorted by
// height: the glyphs are small and similar, so rows waste little) places them and ImGui's own rects (mouse
// cursors, the baked thick lines), then the bitmaps are copied in and the fonts filled. Not stb_rect_pack:
// ImGui keeps its copy private to imgui_draw.cpp. A builder rather than AddCustomRectFontGlyph(): an ImFont
// needs font data and a builder anyway (the default one would read the data as TrueType), and ImGui adds
// custom-rect glyphs without their ImFontConfig, so without the oversampling and the pixel-snapped advances
// the faces use.
bool BuildHostGlyphAtlas(ImFontAtlas* atlas) {
  ImFontAtlasBuildInit(atlas);
  atlas->TexID = nullptr;
  atlas->TexWidth = atlas->TexHeight = 0;
  atlas->TexUvScale = ImVec2(0.0f, 0.0f);
  atlas->TexUvWhitePixel = ImVec2(0.0f, 0.0f);
  atlas->ClearTexData();

  struct Rect {
    int w, h, x = 0, y = 0;
    const ImFontConfig* config;  // null: ImGui's custom rect `index`
    int index;
  };
  std::vector<Rect> rects;
  const int pad = atlas->TexGlyphPadding;
  for (int i = 0; i < atlas->CustomRects.Size; ++i) {
    rects.push_back({atlas->CustomRects[i].Width, atlas->CustomRects[i].Height, 0, 0, nullptr, i});
  }
  for (const ImFontConfig& config : atlas->ConfigData) {
    StoredFace* face = Face(config);
    if (face == nullptr) return false;
    const StoredGlyph* glyphs = Glyphs(face);
    for (int g = 0; g < face->count; ++g) {
      // An oversampled bitmap gets oversample-1 more columns for its prefilter's tail (as stb_truetype).
      if (glyphs[g].width > 0) rects.push_back({glyphs[g].width + config.OversampleH - 1, glyphs[g].height, 0, 0, &config, g});
    }
  }
  long long area = 0;
  for (const Rect& r : rects) area += static_cast<long long>(r.w + pad) * (r.h + pad);
  // ImGui's own choice of width for this much area (stb_truetype builder), unless the host asked for one.
  const float side = std::sqrt(static_cast<float>(area));
  atlas->TexWidth = atlas->TexDesiredWidth > 0 ? atlas->TexDesiredWidth
                    : side >= 4096 * 0.7f     ? 4096
                    : side >= 2048 * 0.7f     ? 2048
                    : side >= 1024 * 0.7f     ? 1024
                                              : 512;
  std::vector<Rect*> order;
  for (Rect& r : rects) order.push_back(&r);
  std::stable_sort(order.begin(), order.end(), [](const Rect* a, const Rect* b) { return a->h > b->h; });
  int x = pad, y = pad, row = 0;
  for (Rect* r : order) {
    if (r->w + 2 * pad > atlas->TexWidth) return false;
    if (x + r->w + pad > atlas->TexWidth) x = pad, y += row + pad, row = 0;
    r->x = x, r->y = y;
    x += r->w + pad;
    row = std::max(row, r->h);
  }
  const int used = y + row + pad;
  atlas->TexHeight = (atlas->Flags & ImFontAtlasFlags_NoPowerOfTwoHeight) ? used : ImUpperPowerOfTwo(used);
  atlas->TexUvScale = ImVec2(1.0f / static_cast<float>(atlas->TexWidth), 1.0f / static_cast<float>(atlas->TexHeight));
  const std::size_t tex_bytes = static_cast<std::size_t>(atlas->TexWidth) * static_cast<std::size_t>(atlas->TexHeight);
  atlas->TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(tex_bytes));
  std::memset(atlas->TexPixelsAlpha8, 0, tex_bytes);

  for (ImFontConfig& config : atlas->ConfigData) {
    StoredFace* face = Face(config);
    ImFontAtlasBuildSetupFont(atlas, config.DstFont, &config, face->ascent, face->descent);
    // No glyphs yet: one blank space, so the font's fallback glyph exists (ImGui needs one).
    if (face->count == 0) config.DstFont->AddGlyph(&config, ' ', 0, 0, 0, 0, 0, 0, 0, 0, config.SizePixels * 0.3f);
  }
  const float uv_x = atlas->TexUvScale.x, uv_y = atlas->TexUvScale.y;
  for (const Rect& r : rects) {
    if (r.config == nullptr) {
      atlas->CustomRects[r.index].X = static_cast<unsigned short>(r.x);
      atlas->CustomRects[r.index].Y = static_cast<unsigned short>(r.y);
      continue;
    }
    StoredFace* face = Face(*r.config);
    const StoredGlyph& g = Glyphs(face)[r.index];
    const int os = r.config->OversampleH;
    // Copy the bitmap; an oversampled one through a box filter os columns wide, so that sampling it between
    // texels at fractional pen positions stays sharp (stb_truetype's prefilter), shifted back by half the
    // filter's width.
    const std::uint8_t* src = Pixels(face) + g.pixels;
    for (int row_i = 0; row_i < g.height; ++row_i) {
      unsigned char* out = atlas->TexPixelsAlpha8 + static_cast<std::size_t>(r.y + row_i) * atlas->TexWidth + r.x;
      const std::uint8_t* in = src + static_cast<std::size_t>(row_i) * g.width;
      int sum = 0;
      for (int col = 0; col < r.w; ++col) {
        if (col < g.width) sum += in[col];
        if (col >= os) sum -= in[col - os];
        out[col] = static_cast<unsigned char>(sum / os);
      }
    }
    const float shift = os > 1 ? -static_cast<float>(os - 1) / static_cast<float>(2 * os) : 0.0f;
    const float x0 = g.offset_x + shift, y0 = g.offset_y;
    const float x1 = x0 + static_cast<float>(r.w) / static_cast<float>(os), y1 = y0 + static_cast<float>(r.h);
    r.config->DstFont->AddGlyph(r.config, static_cast<ImWchar>(g.code_point), x0, y0, x1, y1, r.x * uv_x, r.y * uv_y,
                                (r.x + r.w) * uv_x, (r.y + r.h) * uv_y, g.advance_x);
  }
  for (const ImFontConfig& config : atlas->ConfigData) {
    // Blank glyphs (spaces) have no rect: advance only.
    StoredFace* face = Face(config);
    const StoredGlyph* glyphs = Glyphs(face);
    for (int g = 0; g < face->count; ++g) {
      if (glyphs[g].width == 0) {
        config.DstFont->AddGlyph(&config, static_cast<ImWchar>(glyphs[g].code_point), 0, 0, 0, 0, 0, 0, 0, 0,
                                 glyphs[g].advance_x);
      }
    }
  }
  ImFontAtlasBuildFinish(atlas);
  return true;
}

const ImFontBuilderIO kHostGlyphBuilder = {BuildHostGlyphAtlas};

}  // namespace

const ImFontBuilderIO* HostGlyphFontBuilder() { return &kHostGlyphBuilder; }

PanelFaceSpec GetPanelFaceSpec(PanelFace face, float scale) {
  PanelFaceSpec spec = kFaces[face >= 0 && face < kPanelFaceCount ? face : kUiFace];
  spec.pixels *= SaneScale(scale);
  return spec;
}

PanelFonts AddPanelFonts(ImGuiIO& io, const void* ttf, std::size_t ttf_size, float scale, const void* bold_ttf,
                         std::size_t bold_ttf_size) {
  PanelFonts fonts;
  fonts.ui = AddFont(io, ttf, ttf_size, kUiFace, scale);
  if (fonts.ui == nullptr) return fonts;
  fonts.body = AddFont(io, ttf, ttf_size, kBodyFace, scale);
  fonts.body_large = AddFont(io, ttf, ttf_size, kBodyLargeFace, scale);
  fonts.heading = AddFont(io, bold_ttf != nullptr ? bold_ttf : ttf, bold_ttf != nullptr ? bold_ttf_size : ttf_size,
                          kHeadingFace, scale);
  if (fonts.heading == nullptr) fonts.heading = fonts.body_large;
  if (io.FontDefault == nullptr) io.FontDefault = fonts.ui;
  return fonts;
}

PanelFonts AddPanelHostFonts(ImGuiIO& io, float scale) {
  ImFont* added[kPanelFaceCount];
  for (int i = 0; i < kPanelFaceCount; ++i) {
    ImFontConfig config = FaceConfig(static_cast<PanelFace>(i), scale);
    auto* face = static_cast<StoredFace*>(IM_ALLOC(sizeof(StoredFace)));
    *face = StoredFace{kHostFaceMagic, 0.0f, 0.0f, 0, 0};
    config.FontData = face;
    config.FontDataSize = static_cast<int>(sizeof(StoredFace));
    added[i] = io.Fonts->AddFont(&config);
  }
  io.Fonts->FontBuilderIO = HostGlyphFontBuilder();
  PanelFonts fonts;
  fonts.ui = added[kUiFace];
  fonts.body = added[kBodyFace];
  fonts.body_large = added[kBodyLargeFace];
  fonts.heading = added[kHeadingFace];
  if (io.FontDefault == nullptr) io.FontDefault = fonts.ui;
  return fonts;
}

int AddHostGlyphs(ImFontAtlas* atlas, ImFont* font, const HostGlyph* glyphs, int count, const HostGlyphImage& image,
                  float ascent, float descent) {
  ImFontConfig* config = nullptr;
  for (ImFontConfig& c : atlas->ConfigData) {
    if (c.DstFont == font && Face(c) != nullptr) config = &c;
  }
  if (config == nullptr || count < 0 || (count > 0 && glyphs == nullptr)) return 0;
  StoredFace* old = Face(*config);
  std::vector<bool> have(0x10000);
  for (int g = 0; g < old->count; ++g) have[Glyphs(old)[g].code_point] = true;
  const auto fits = [&](const HostGlyph& g) {
    if (g.width == 0 || g.height == 0) return true;  // blank: advance only
    return image.pixels != nullptr && g.x >= 0 && g.y >= 0 && g.width > 0 && g.height > 0 && g.width < 0x10000 &&
           g.height < 0x10000 && g.x <= image.width - g.width && g.y <= image.height - g.height;
  };
  std::vector<const HostGlyph*> added;
  std::size_t added_bytes = 0;
  for (int i = 0; i < count; ++i) {
    const HostGlyph& g = glyphs[i];
    if (g.code_point == 0 || g.code_point > 0xFFFF || have[g.code_point] || !fits(g)) continue;
    have[g.code_point] = true;
    added.push_back(&g);
    if (g.width > 0 && g.height > 0) added_bytes += static_cast<std::size_t>(g.width) * static_cast<std::size_t>(g.height);
  }
  old->ascent = ascent, old->descent = descent;
  if (added.empty()) return 0;  // the atlas stays as it is
  const int total = old->count + static_cast<int>(added.size());
  const std::size_t pixel_bytes = old->pixel_bytes + added_bytes;
  const std::size_t size = sizeof(StoredFace) + sizeof(StoredGlyph) * static_cast<std::size_t>(total) + pixel_bytes;
  if (size > 0x7fffffff) return 0;
  auto* face = static_cast<StoredFace*>(IM_ALLOC(size));
  *face = StoredFace{kHostFaceMagic, ascent, descent, total, static_cast<std::uint32_t>(pixel_bytes)};
  std::memcpy(Glyphs(face), Glyphs(old), sizeof(StoredGlyph) * static_cast<std::size_t>(old->count));
  auto* pixels = const_cast<std::uint8_t*>(Pixels(face));
  std::memcpy(pixels, Pixels(old), old->pixel_bytes);
  std::uint32_t at = old->pixel_bytes;
  StoredGlyph* out = Glyphs(face) + old->count;
  for (const HostGlyph* g : added) {
    const bool blank = g->width <= 0 || g->height <= 0;
    *out++ = StoredGlyph{g->code_point, at, static_cast<std::uint16_t>(blank ? 0 : g->width),
                         static_cast<std::uint16_t>(blank ? 0 : g->height), g->offset_x, g->offset_y, g->advance_x};
    if (blank) continue;
    for (int row = 0; row < g->height; ++row) {
      std::memcpy(pixels + at, image.pixels + static_cast<std::size_t>(g->y + row) * image.width + g->x,
                  static_cast<std::size_t>(g->width));
      at += static_cast<std::uint32_t>(g->width);
    }
  }
  IM_FREE(config->FontData);
  config->FontData = face;
  config->FontDataSize = static_cast<int>(size);
  atlas->ClearTexData();  // the next GetTexDataAs* builds the atlas again, with these glyphs
  return static_cast<int>(added.size());
}

}  // namespace panel
}  // namespace gloss
