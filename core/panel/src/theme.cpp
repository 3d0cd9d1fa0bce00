// Colours: Paul Tol's "light" qualitative scheme (designed for fills under black text and distinct for
// the common colour-vision deficiencies; https://personal.sron.nl/~pault/). Nine colours for twelve
// types: the four value types (DATE, TIME, MONEY, PERCENT) share the pale grey; the tooltip and the
// side list name the exact type, so colour is never the only cue.
#include "theme.h"

namespace gloss {
namespace panel {

namespace {

struct TypeColor {
  unsigned rgb;
  int group;
  const char* short_name;
};

// Indexed by EntityType.
constexpr TypeColor kTypeColors[kEntityTypeCount] = {
    {0xEE8866, 0, "PER"},   // PERSON: orange
    {0x77AADD, 1, "ORG"},   // ORG: light blue
    {0x44BB99, 2, "GPE"},   // GPE: mint
    {0x99DDFF, 3, "LOC"},   // LOC: light cyan
    {0xFFAABB, 4, "NORP"},  // NORP: pink
    {0xBBCC33, 5, "FAC"},   // FAC: pear
    {0xEEDD88, 6, "EVT"},   // EVENT: light yellow
    {0xAAAA00, 7, "PROD"},  // PRODUCT: olive
    {0xDDDDDD, 8, "DATE"},  // DATE: pale grey (values)
    {0xDDDDDD, 8, "TIME"},  // TIME
    {0xDDDDDD, 8, "MONEY"},  // MONEY
    {0xDDDDDD, 8, "PCT"},   // PERCENT
};

constexpr ImU32 Rgb(unsigned rgb, unsigned alpha = 255) {
  return IM_COL32((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, alpha);
}

}  // namespace

ImU32 EntityColor(EntityType type, Theme theme) {
  const int t = static_cast<int>(type);
  if (t < 0 || t >= kEntityTypeCount) return Rgb(0xDDDDDD);
  // Dark theme: the same hues at reduced opacity keep light text readable on top.
  return Rgb(kTypeColors[t].rgb, theme == Theme::kDark ? 110 : 255);
}

namespace internal {

int ColorGroupOf(EntityType type) {
  const int t = static_cast<int>(type);
  return t >= 0 && t < kEntityTypeCount ? kTypeColors[t].group : 8;
}

const char* ShortTypeName(EntityType type) {
  const int t = static_cast<int>(type);
  return t >= 0 && t < kEntityTypeCount ? kTypeColors[t].short_name : "?";
}

const Palette& GetPalette(Theme theme) {
  static const Palette kLight = {
      Rgb(0xFFFFFF), Rgb(0x1F2328), Rgb(0x111111), Rgb(0x111418), Rgb(0x6A737D),
      Rgb(0xEFEAF8), Rgb(0x6C4FA3), Rgb(0x1F2328), Rgb(0x57606A), Rgb(0xD4A000), 1.0f,
  };
  static const Palette kDark = {
      Rgb(0x1C1E22), Rgb(0xD8DCE1), Rgb(0xF4F6F8), Rgb(0xF0F2F4), Rgb(0x8B949E),
      Rgb(0x2E2942), Rgb(0xB69DE8), Rgb(0xF4F6F8), Rgb(0xAEB6BF), Rgb(0xE3B341), 0.43f,
  };
  return theme == Theme::kDark ? kDark : kLight;
}

}  // namespace internal

void ApplyTheme(Theme theme) {
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 0.0f;
  style.ChildRounding = 4.0f;
  style.FrameRounding = 4.0f;
  style.PopupRounding = 4.0f;
  style.GrabRounding = 4.0f;
  style.TabRounding = 4.0f;
  style.ScrollbarRounding = 6.0f;
  style.FramePadding = ImVec2(7.0f, 4.0f);
  style.ItemSpacing = ImVec2(8.0f, 6.0f);
  style.WindowPadding = ImVec2(10.0f, 10.0f);
  style.CellPadding = ImVec2(6.0f, 3.0f);
  style.ScrollbarSize = 13.0f;
  style.WindowBorderSize = 0.0f;
  style.ChildBorderSize = 1.0f;
  internal::ApplyThemeColors(theme);
}

namespace internal {

void ApplyThemeColors(Theme theme) {
  ImGuiStyle& style = ImGui::GetStyle();
  if (theme == Theme::kDark) {
    ImGui::StyleColorsDark(&style);
  } else {
    ImGui::StyleColorsLight(&style);
  }
  ImVec4* c = style.Colors;
  if (theme == Theme::kDark) {
    c[ImGuiCol_WindowBg] = ImVec4(0.09f, 0.10f, 0.11f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(0.11f, 0.12f, 0.13f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.27f, 0.25f, 0.38f, 1.0f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.33f, 0.30f, 0.46f, 1.0f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.38f, 0.34f, 0.54f, 1.0f);
  } else {
    c[ImGuiCol_WindowBg] = ImVec4(0.955f, 0.96f, 0.965f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.82f, 0.84f, 0.86f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(0.93f, 0.94f, 0.95f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.87f, 0.84f, 0.95f, 1.0f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.91f, 0.89f, 0.97f, 1.0f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.82f, 0.78f, 0.93f, 1.0f);
    c[ImGuiCol_Tab] = ImVec4(0.90f, 0.91f, 0.93f, 1.0f);
    c[ImGuiCol_TabHovered] = ImVec4(0.82f, 0.78f, 0.93f, 1.0f);
    c[ImGuiCol_TabActive] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.94f, 0.95f, 0.96f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.92f, 0.93f, 0.95f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.85f, 0.82f, 0.95f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.78f, 0.73f, 0.92f, 1.0f);
    c[ImGuiCol_TitleBgActive] = ImVec4(0.86f, 0.87f, 0.89f, 1.0f);
  }
}

}  // namespace internal
}  // namespace panel
}  // namespace gloss
