// gloss-desktop: the native debug window. A shell around gloss::panel (GLFW + OpenGL3 backends from
// ImGui's backends/): window, fonts, the frame loop, drag-and-drop, and --screenshot for tests.
//
//   gloss-desktop [FILE] [--demo] [--dark] [--zoom Z] [--scale S] [--no-debug]
//                 [--select-entity N] [--select-quote N] [--tab 0-3] [--mouse X,Y] [--inspect]
//                 [--screenshot OUT.png [--frames N] [--size WxH]]
#include <GLFW/glfw3.h>

#include <cfloat>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "debug_views.h"
#include "gloss/panel.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

namespace {

struct Options {
  std::string file, screenshot;
  int frames = 6, width = 1440, height = 900;
  bool demo = false, dark = false, debug_column = true, inspect = false;
  float zoom = 1.0f;
  float scale = 0.0f;  // DPI scale; 0: the monitor's content scale (1 for screenshots)
  int select_entity = -1, select_quote = -1, tab = -1;
  float mouse_x = -FLT_MAX, mouse_y = -FLT_MAX;  // screenshots: where the pointer is (for a tooltip)
};

int Usage() {
  std::fprintf(stderr,
               "usage: gloss-desktop [FILE] [--demo] [--dark] [--zoom Z] [--scale S] [--no-debug] [--select-entity N]\n"
               "                     [--select-quote N] [--tab 0-3] [--mouse X,Y] [--inspect]\n"
               "                     [--screenshot OUT.png [--frames N] [--size WxH]]\n"
               "  --tab opens a side list: 0 entities, 1 quotes, 2 related, 3 warnings\n"
               "  --mouse puts the pointer there in screenshots (to show a tooltip)\n"
               "  --inspect opens the Inspect tab of the debug column\n");
  return 2;
}

bool ParseArgs(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--screenshot" && has_value) o->screenshot = argv[++i];
    else if (a == "--frames" && has_value) o->frames = std::max(1, std::atoi(argv[++i]));
    else if (a == "--size" && has_value) {
      if (std::sscanf(argv[++i], "%dx%d", &o->width, &o->height) != 2 || o->width < 200 || o->height < 150) return false;
    } else if (a == "--zoom" && has_value) o->zoom = static_cast<float>(std::atof(argv[++i]));
    else if (a == "--scale" && has_value) o->scale = static_cast<float>(std::atof(argv[++i]));
    else if (a == "--select-entity" && has_value) o->select_entity = std::atoi(argv[++i]);
    else if (a == "--select-quote" && has_value) o->select_quote = std::atoi(argv[++i]);
    else if (a == "--tab" && has_value) o->tab = std::atoi(argv[++i]);
    else if (a == "--mouse" && has_value) {
      if (std::sscanf(argv[++i], "%f,%f", &o->mouse_x, &o->mouse_y) != 2) return false;
    }
    else if (a == "--demo") o->demo = true;
    else if (a == "--dark") o->dark = true;
    else if (a == "--no-debug") o->debug_column = false;
    else if (a == "--inspect") o->inspect = true;
    else if (!a.empty() && a[0] != '-' && o->file.empty()) o->file = a;
    else return false;
  }
  return true;
}

std::vector<char> ReadBytes(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::string> g_dropped;  // paths dropped on the window, handled by the frame loop

bool WriteScreenshot(const std::string& path, int w, int h) {
  std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * h * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  for (int y = 0; y < h / 2; ++y) {  // OpenGL's rows go bottom-up; PNG's top-down
    std::swap_ranges(pixels.begin() + static_cast<std::ptrdiff_t>(y) * w * 4, pixels.begin() + static_cast<std::ptrdiff_t>(y + 1) * w * 4,
                     pixels.begin() + static_cast<std::ptrdiff_t>(h - 1 - y) * w * 4);
  }
  for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;
  return stbi_write_png(path.c_str(), w, h, 4, pixels.data(), w * 4) != 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  if (!ParseArgs(argc, argv, &opt)) return Usage();
  const bool shot = !opt.screenshot.empty();

  glfwSetErrorCallback([](int code, const char* what) { std::fprintf(stderr, "gloss-desktop: GLFW %d: %s\n", code, what); });
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  if (shot) glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
  GLFWwindow* window = glfwCreateWindow(opt.width, opt.height, "Gloss", nullptr, nullptr);
  if (window == nullptr) {
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(shot ? 0 : 1);
  glfwSetDropCallback(window, [](GLFWwindow*, int count, const char** paths) {
    for (int i = 0; i < count; ++i) g_dropped.emplace_back(paths[i]);
  });

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  float scale = opt.scale > 0.25f && opt.scale < 8.0f ? opt.scale : 1.0f;
  if (!shot && opt.scale == 0.0f) glfwGetWindowContentScale(window, &scale, nullptr);
  gloss::panel::PanelState state;
  state.theme = opt.dark ? gloss::panel::Theme::kDark : gloss::panel::Theme::kLight;
  state.zoom = opt.zoom;
  gloss::panel::ApplyTheme(state.theme);
  ImGui::GetStyle().ScaleAllSizes(scale);
  const char* font_dir = "/usr/share/fonts/truetype/dejavu/";
  const std::vector<char> regular = ReadBytes((std::string(font_dir) + "DejaVuSans.ttf").c_str());
  const std::vector<char> bold = ReadBytes((std::string(font_dir) + "DejaVuSans-Bold.ttf").c_str());
  if (regular.empty()) std::fprintf(stderr, "gloss-desktop: DejaVuSans.ttf not found (fonts-dejavu-core); using ImGui's font\n");
  state.fonts = gloss::panel::AddPanelFonts(io, regular.data(), regular.size(), scale, bold.empty() ? nullptr : bold.data(),
                                            bold.size());
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 130");

  gloss::desktop::Session session;
  if (!opt.file.empty() && gloss::desktop::LoadFile(session, opt.file)) {
    gloss::desktop::Reannotate(session, state);
  } else if (opt.file.empty() || opt.demo) {
    gloss::desktop::LoadDemo(session);
  }
  if (opt.demo) gloss::desktop::LoadDemo(session);
  if (opt.select_entity >= 0) gloss::panel::SelectEntity(state, opt.select_entity);
  if (opt.select_quote >= 0) gloss::panel::SelectQuote(state, opt.select_quote);
  state.open_tab = opt.tab;
  session.open_inspect = opt.inspect;
  bool show_column = opt.debug_column;

  int frame = 0;
  bool again = true;
  int exit_code = 0;
  while (!glfwWindowShouldClose(window)) {
    if (shot || again) {
      glfwPollEvents();
    } else {
      glfwWaitEvents();  // idle: nothing changes until the next input event
    }
    std::string open_path;
    if (!g_dropped.empty()) {
      open_path = g_dropped.back();
      g_dropped.clear();
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (shot) io.MousePos = ImVec2(opt.mouse_x, opt.mouse_y);  // not wherever Xvfb's pointer is
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("Gloss", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    if (state.fonts.ui != nullptr) ImGui::PushFont(state.fonts.ui);
    gloss::desktop::DrawTopBar(session, &show_column, &open_path);
    bool pending = false;
    if (show_column) {
      ImGui::BeginChild("##debug", ImVec2(std::min(520.0f * scale, io.DisplaySize.x * 0.3f), 0.0f), false);
      pending = gloss::desktop::DrawDebugColumn(session, state, glfwGetTime());
      ImGui::EndChild();
      ImGui::SameLine();
    }
    again = gloss::panel::DrawArticlePanel(session.document, state) || pending;
    if (state.fonts.ui != nullptr) ImGui::PopFont();
    ImGui::End();
    ImGui::Render();
    if (!open_path.empty() && gloss::desktop::LoadFile(session, open_path)) gloss::desktop::Reannotate(session, state);

    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    glViewport(0, 0, w, h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (shot && ++frame >= opt.frames) {
      if (WriteScreenshot(opt.screenshot, w, h)) {
        std::printf("gloss-desktop: wrote %s (%dx%d): %zu entities, %zu quotations\n", opt.screenshot.c_str(), w, h,
                    session.document.entities.size(), session.document.quotes.size());
      } else {
        std::fprintf(stderr, "gloss-desktop: cannot write %s\n", opt.screenshot.c_str());
        exit_code = 1;
      }
      break;
    }
    glfwSwapBuffers(window);
  }

  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return exit_code;
}
