// The browser host of the panel: ImGui's OpenGL3 backend around gloss::panel::DrawArticlePanel, on the
// WebGL2 context that the JS side created on its canvas and made current. A shell only: JS owns the frame
// schedule (there is no emscripten main loop, so an idle page renders nothing) and calls
// gloss_panel_frame() after input, a resize or new text; the return value says whether the panel wants
// another frame by itself. JS also owns the input: it listens on the canvas and passes mouse, keys and
// characters in (gloss_panel_mouse, _key, _char, _focus), as ImGui's GLFW backend did from emscripten's
// GLFW, which cost 9 KB gzip of glue for that. One panel per module instance (ImGui's context is global),
// so the JS API makes one instance per mount().
#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "gloss/gloss.h"
#include "gloss/panel.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "misc/freetype/imgui_freetype.h"

namespace {

// Key codes are the DOM's KeyboardEvent.keyCode (all below 512, the size of ImGui 1.86's KeysDown).
constexpr int kKeyTab = 9, kKeyBackspace = 8, kKeyEnter = 13, kKeyEscape = 27, kKeySpace = 32, kKeyPageUp = 33,
              kKeyPageDown = 34, kKeyEnd = 35, kKeyHome = 36, kKeyLeft = 37, kKeyUp = 38, kKeyRight = 39,
              kKeyDown = 40, kKeyInsert = 45, kKeyDelete = 46;
// Modifier bits of gloss_panel_key().
constexpr int kModCtrl = 1, kModShift = 2, kModAlt = 4, kModSuper = 8;

struct Host {
  gloss::Document document;
  gloss::panel::PanelState state;
  float scale = 1.0f;
  int width = 1, height = 1;             // the canvas, in device pixels
  ImVec2 mouse{-FLT_MAX, -FLT_MAX};      // in device pixels; -FLT_MAX: never over the canvas yet
  bool mouse_down[3] = {}, mouse_pressed[3] = {};  // pressed: went down since the last frame
  bool key_pressed[512] = {}, key_release[512] = {};  // release: went up after a press this frame missed
  double time = 0.0;
  bool fonts_changed = false;  // new glyphs since the font texture was made
  bool texture_made = false;   // the GL backend made its objects (on the first frame)
};
Host* g_host = nullptr;
std::string g_panel_error;

}  // namespace

// ImGui is compiled for this module with IMGUI_ENABLE_FREETYPE (wasm/CMakeLists.txt), which only makes
// ImGui leave out its stb_truetype builder (the page draws the glyphs; -10.4 KB gzip) and take this function's
// builder as its default. No FreeType is involved: the host's glyph builder is that default.
namespace ImGuiFreeType {
const ImFontBuilderIO* GetBuilderForFreeType() { return gloss::panel::HostGlyphFontBuilder(); }
}  // namespace ImGuiFreeType

extern "C" {

// Creates the ImGui context and its renderer backend on the current WebGL2 context (a canvas of width x
// height device pixels), with the panel's fonts empty: the page draws their glyphs (gloss_panel_face says
// at which sizes) and passes them in with gloss_panel_add_glyphs. `scale` is devicePixelRatio. 1 = ok.
EMSCRIPTEN_KEEPALIVE int gloss_panel_init(int width, int height, float scale) {
  if (g_host != nullptr) return 1;
  g_host = new Host();
  g_host->width = width > 0 ? width : 1;
  g_host->height = height > 0 ? height : 1;
  g_host->scale = scale > 0.25f && scale < 8.0f ? scale : 1.0f;
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  const int key_map[][2] = {{ImGuiKey_Tab, kKeyTab}, {ImGuiKey_LeftArrow, kKeyLeft}, {ImGuiKey_RightArrow, kKeyRight},
                            {ImGuiKey_UpArrow, kKeyUp}, {ImGuiKey_DownArrow, kKeyDown}, {ImGuiKey_PageUp, kKeyPageUp},
                            {ImGuiKey_PageDown, kKeyPageDown}, {ImGuiKey_Home, kKeyHome}, {ImGuiKey_End, kKeyEnd},
                            {ImGuiKey_Insert, kKeyInsert}, {ImGuiKey_Delete, kKeyDelete},
                            {ImGuiKey_Backspace, kKeyBackspace}, {ImGuiKey_Space, kKeySpace},
                            {ImGuiKey_Enter, kKeyEnter}, {ImGuiKey_Escape, kKeyEscape},
                            {ImGuiKey_KeyPadEnter, kKeyEnter}, {ImGuiKey_A, 'A'}, {ImGuiKey_C, 'C'},
                            {ImGuiKey_V, 'V'}, {ImGuiKey_X, 'X'}, {ImGuiKey_Y, 'Y'}, {ImGuiKey_Z, 'Z'}};
  for (const auto& k : key_map) io.KeyMap[k[0]] = k[1];
  gloss::panel::ApplyTheme(g_host->state.theme);
  ImGui::GetStyle().ScaleAllSizes(g_host->scale);
  g_host->state.fonts = gloss::panel::AddPanelHostFonts(io, g_host->scale);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  return 1;
}

// Face `face` (gloss::panel::PanelFace: 0 UI, 1 body, 2 large body, 3 headline) as the page should draw it:
// out[0] = line height in device pixels, out[1] = horizontal oversampling, out[2] = 1 for bold. 0: no such face.
EMSCRIPTEN_KEEPALIVE int gloss_panel_face(int face, float* out) {
  if (g_host == nullptr || face < 0 || face >= gloss::panel::kPanelFaceCount) return 0;
  const gloss::panel::PanelFaceSpec spec = gloss::panel::GetPanelFaceSpec(static_cast<gloss::panel::PanelFace>(face), g_host->scale);
  out[0] = spec.pixels, out[1] = static_cast<float>(spec.oversample_h), out[2] = spec.bold ? 1.0f : 0.0f;
  return 1;
}

// The code points the panel can draw (zero-terminated pairs of first, last; 16-bit): anything else draws
// as U+FFFD, so the page draws glyphs for these only.
EMSCRIPTEN_KEEPALIVE const ImWchar* gloss_panel_glyph_ranges() { return gloss::panel::PanelGlyphRanges(); }

// Glyphs the page drew for face `face`: `count` records of 8 floats (code point, x, y, width, height of the
// bitmap in `image`, offset x from the pen, offset y from the line top, advance; gloss::panel::HostGlyph), and
// the image, one coverage byte per pixel, image_width x image_height. Copied. The font texture is rebuilt
// before the next frame. Returns the number of glyphs added (code points the face had are skipped).
EMSCRIPTEN_KEEPALIVE int gloss_panel_add_glyphs(int face, float ascent, float descent, const float* records, int count,
                                                const unsigned char* image, int image_width, int image_height) {
  if (g_host == nullptr || face < 0 || face >= gloss::panel::kPanelFaceCount || count < 0) return 0;
  const gloss::panel::PanelFonts& f = g_host->state.fonts;
  ImFont* const fonts[] = {f.ui, f.body, f.body_large, f.heading};
  // Converted with range checks: a float out of int range would trap in WebAssembly. -1 (and code point 0)
  // make AddHostGlyphs skip the glyph.
  const auto whole = [](float v) { return v >= 0.0f && v < 65536.0f ? static_cast<int>(v) : -1; };
  const auto finite = [](float v) { return std::isfinite(v) ? v : 0.0f; };
  std::vector<gloss::panel::HostGlyph> glyphs(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    const float* r = records + 8 * i;
    gloss::panel::HostGlyph& g = glyphs[static_cast<std::size_t>(i)];
    g.code_point = static_cast<std::uint32_t>(std::max(0, whole(r[0])));
    g.x = whole(r[1]), g.y = whole(r[2]), g.width = whole(r[3]), g.height = whole(r[4]);
    g.offset_x = finite(r[5]), g.offset_y = finite(r[6]), g.advance_x = finite(r[7]);
  }
  const int added = gloss::panel::AddHostGlyphs(ImGui::GetIO().Fonts, fonts[face], glyphs.data(), count,
                                                {image, image_width, image_height}, ascent, descent);
  if (added > 0) g_host->fonts_changed = true;
  return added;
}

// Annotates `length` bytes of UTF-8 and shows the result. On a broken limit the panel keeps the
// previous article, returns 0, and gloss_panel_error() holds the core's error JSON.
EMSCRIPTEN_KEEPALIVE int gloss_panel_set_text(const char* input, std::size_t length) {
  if (g_host == nullptr) return 0;
  gloss::AnnotateResult result = gloss::annotate(std::string_view(input, length));
  if (!result.ok()) {
    g_panel_error = gloss::error_json(result.error(), result.error_offset());
    return 0;
  }
  g_host->document = std::move(result.document());
  g_host->state.DocumentChanged();
  g_host->state.selected_entity = g_host->state.selected_quote = -1;
  return 1;
}

EMSCRIPTEN_KEEPALIVE const char* gloss_panel_error() { return g_panel_error.c_str(); }

// New canvas size in device pixels (the JS side measures the container and devicePixelRatio, and sets
// the canvas's width and height).
EMSCRIPTEN_KEEPALIVE void gloss_panel_resize(int width, int height) {
  if (g_host != nullptr && width > 0 && height > 0) g_host->width = width, g_host->height = height;
}

// Draws one frame. Returns 1 when the panel wants another frame without new input.
EMSCRIPTEN_KEEPALIVE int gloss_panel_frame() {
  if (g_host == nullptr) return 0;
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(g_host->width), static_cast<float>(g_host->height));
  const double now = emscripten_get_now() / 1000.0;
  io.DeltaTime = g_host->time > 0.0 && now > g_host->time ? static_cast<float>(now - g_host->time) : 1.0f / 60.0f;
  g_host->time = now;
  io.MousePos = g_host->mouse;
  // A press always counts as held for one frame, so a click shorter than a frame is not missed.
  for (int i = 0; i < 3; ++i) {
    io.MouseDown[i] = g_host->mouse_down[i] || g_host->mouse_pressed[i];
    g_host->mouse_pressed[i] = false;
  }
  if (g_host->fonts_changed && g_host->texture_made) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    g_host->state.DocumentChanged();  // the layout measured the new characters as U+FFFD
  }
  g_host->fonts_changed = false;
  ImGui_ImplOpenGL3_NewFrame();
  g_host->texture_made = true;
  // The texture is on the GPU: the atlas's CPU copies (alpha and RGBA, 5 bytes a texel) are not needed
  // until new glyphs come, and then it is built again.
  io.Fonts->ClearTexData();
  ImGui::NewFrame();
  for (int k = 0; k < IM_ARRAYSIZE(io.KeysDown); ++k) {
    if (g_host->key_release[k]) io.KeysDown[k] = false;
    g_host->key_pressed[k] = g_host->key_release[k] = false;
  }
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::Begin("Gloss", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  const bool again = gloss::panel::DrawArticlePanel(g_host->document, g_host->state);
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::Render();
  glViewport(0, 0, g_host->width, g_host->height);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  return again ? 1 : 0;
}

// Mouse wheel in lines (positive: up/left); the JS side normalises the browser's deltas.
EMSCRIPTEN_KEEPALIVE void gloss_panel_scroll(float dx, float dy) {
  if (g_host == nullptr) return;
  ImGuiIO& io = ImGui::GetIO();
  io.MouseWheelH += dx;
  io.MouseWheel += dy;
}

// The mouse over the canvas, in device pixels from its top-left corner (DOM MouseEvent.button numbers:
// 0 left, 1 middle, 2 right).
EMSCRIPTEN_KEEPALIVE void gloss_panel_mouse(float x, float y) {
  if (g_host != nullptr) g_host->mouse = ImVec2(x, y);
}
EMSCRIPTEN_KEEPALIVE void gloss_panel_mouse_button(int button, int down) {
  static constexpr int kImGuiButton[3] = {0, 2, 1};  // ImGui: 0 left, 1 right, 2 middle
  if (g_host == nullptr || button < 0 || button > 2) return;
  const int b = kImGuiButton[button];
  g_host->mouse_down[b] = down != 0;
  if (down) g_host->mouse_pressed[b] = true;
}

// A key went down or up: `key` is KeyboardEvent.keyCode, `modifiers` the kMod* bits held.
EMSCRIPTEN_KEEPALIVE void gloss_panel_key(int key, int down, int modifiers) {
  if (g_host == nullptr) return;
  ImGuiIO& io = ImGui::GetIO();
  if (key >= 0 && key < IM_ARRAYSIZE(io.KeysDown)) {
    // As for the mouse: a key pressed and released between two frames is held for one frame.
    if (down) {
      io.KeysDown[key] = g_host->key_pressed[key] = true;
    } else if (g_host->key_pressed[key]) {
      g_host->key_release[key] = true;
    } else {
      io.KeysDown[key] = false;
    }
  }
  io.KeyCtrl = (modifiers & kModCtrl) != 0;
  io.KeyShift = (modifiers & kModShift) != 0;
  io.KeyAlt = (modifiers & kModAlt) != 0;
  io.KeySuper = (modifiers & kModSuper) != 0;
}

// A typed character (a Unicode code point).
EMSCRIPTEN_KEEPALIVE void gloss_panel_char(unsigned int code_point) {
  if (g_host != nullptr) ImGui::GetIO().AddInputCharacter(code_point);
}

// The canvas gained (1) or lost (0) the keyboard focus; losing it releases every key and button.
EMSCRIPTEN_KEEPALIVE void gloss_panel_focus(int focused) {
  if (g_host == nullptr) return;
  ImGui::GetIO().AddFocusEvent(focused != 0);
  if (!focused) {
    for (bool& b : g_host->mouse_down) b = false;
    for (bool& k : g_host->key_release) k = false;
  }
}

// Shows or hides the panel's own side lists (the JS side hides them in narrow containers, where the
// accessible DOM lists below the canvas carry the same content).
EMSCRIPTEN_KEEPALIVE void gloss_panel_show_side_lists(int show) {
  if (g_host != nullptr) g_host->state.show_side_panel = show != 0;
}

// Selection, as the side list's click does (-1: none); the JS side reads it back after each frame.
EMSCRIPTEN_KEEPALIVE void gloss_panel_select_entity(int entity) {
  if (g_host != nullptr) gloss::panel::SelectEntity(g_host->state, entity);
}
EMSCRIPTEN_KEEPALIVE void gloss_panel_select_quote(int quote) {
  if (g_host != nullptr) gloss::panel::SelectQuote(g_host->state, quote);
}
EMSCRIPTEN_KEEPALIVE int gloss_panel_selected_entity() { return g_host ? g_host->state.selected_entity : -1; }
EMSCRIPTEN_KEEPALIVE int gloss_panel_selected_quote() { return g_host ? g_host->state.selected_quote : -1; }

// Where mention `entity` was drawn last frame, in device pixels: out[0..3] = x0, y0, x1, y1. 0: not drawn.
EMSCRIPTEN_KEEPALIVE int gloss_panel_entity_rect(int entity, float* out) {
  ImVec2 min, max;
  if (g_host == nullptr || !gloss::panel::EntityScreenRect(g_host->state, entity, &min, &max)) return 0;
  out[0] = min.x, out[1] = min.y, out[2] = max.x, out[3] = max.y;
  return 1;
}

// Tears the panel down (the JS side drops the module instance afterwards).
EMSCRIPTEN_KEEPALIVE void gloss_panel_shutdown() {
  if (g_host == nullptr) return;
  ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext();
  delete g_host;
  g_host = nullptr;
}

}  // extern "C"
