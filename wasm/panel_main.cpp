// The browser host of the panel: GLFW (emscripten's built-in, on Module.canvas) + WebGL2 + ImGui's
// backends around gloss::panel::DrawArticlePanel. A shell only: JS owns the frame schedule (there is
// no emscripten main loop, so an idle page renders nothing) and calls gloss_panel_frame() after input,
// a resize or new text; the return value says whether the panel wants another frame by itself.
// One panel per module instance (emscripten's GLFW supports one window), so the JS API makes one
// instance per mount().
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>

#include <string>

#include "gloss/gloss.h"
#include "gloss/panel.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

namespace {

struct Host {
  GLFWwindow* window = nullptr;
  gloss::Document document;
  gloss::panel::PanelState state;
  float scale = 1.0f;
};
Host* g_host = nullptr;
std::string g_panel_error;

}  // namespace

extern "C" {

// Creates the window on Module.canvas (width x height device pixels), the ImGui context and its
// backends, and the fonts from `ttf` (a TrueType file; copied). `scale` is devicePixelRatio. 1 = ok.
EMSCRIPTEN_KEEPALIVE int gloss_panel_init(const unsigned char* ttf, std::size_t ttf_size, const unsigned char* bold,
                                          std::size_t bold_size, int width, int height, float scale) {
  if (g_host != nullptr) return 1;
  if (!glfwInit()) return 0;
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  GLFWwindow* window = glfwCreateWindow(width > 0 ? width : 1, height > 0 ? height : 1, "Gloss", nullptr, nullptr);
  if (window == nullptr) {  // no WebGL2: the JS side falls back to in-page marks
    glfwTerminate();
    return 0;
  }
  glfwMakeContextCurrent(window);
  g_host = new Host();
  g_host->window = window;
  g_host->scale = scale > 0.25f && scale < 8.0f ? scale : 1.0f;
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  gloss::panel::ApplyTheme(g_host->state.theme);
  ImGui::GetStyle().ScaleAllSizes(g_host->scale);
  g_host->state.fonts = gloss::panel::AddPanelFonts(io, ttf, ttf_size, g_host->scale, bold, bold_size);
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  return 1;
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

// New canvas size in device pixels (the JS side measures the container and devicePixelRatio).
EMSCRIPTEN_KEEPALIVE void gloss_panel_resize(int width, int height) {
  if (g_host != nullptr && width > 0 && height > 0) glfwSetWindowSize(g_host->window, width, height);
}

// Draws one frame. Returns 1 when the panel wants another frame without new input.
EMSCRIPTEN_KEEPALIVE int gloss_panel_frame() {
  if (g_host == nullptr) return 0;
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  const ImGuiIO& io = ImGui::GetIO();
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
  int w = 0, h = 0;
  glfwGetFramebufferSize(g_host->window, &w, &h);
  glViewport(0, 0, w, h);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  return again ? 1 : 0;
}

// Mouse wheel in lines (positive: up/left). The JS side normalises browser deltas, which emscripten's
// GLFW 3.1.6 passes raw (pixels, inverted) to the scroll callback.
EMSCRIPTEN_KEEPALIVE void gloss_panel_scroll(float dx, float dy) {
  if (g_host == nullptr) return;
  ImGuiIO& io = ImGui::GetIO();
  io.MouseWheelH += dx;
  io.MouseWheel += dy;
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
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(g_host->window);
  glfwTerminate();
  delete g_host;
  g_host = nullptr;
}

}  // extern "C"
