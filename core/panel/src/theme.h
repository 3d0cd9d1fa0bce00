// The panel's colours for one theme (internal; EntityColor() and ApplyTheme() are public).
#ifndef GLOSS_PANEL_THEME_H_
#define GLOSS_PANEL_THEME_H_

#include "gloss/panel.h"

namespace gloss {
namespace panel {
namespace internal {

struct Palette {
  ImU32 page;            // article background
  ImU32 text;            // body text
  ImU32 text_on_fill;    // text over an entity fill
  ImU32 heading;         // headline
  ImU32 muted;           // meta line, captions, notes
  ImU32 quote_tint;      // background of a quotation
  ImU32 quote_bar;       // bar beside quotations, speaker and cue underlines, connector
  ImU32 outline;         // outline of the selected entity's mentions
  ImU32 hover_outline;   // outline of the hovered entity
  ImU32 search;          // outline of search matches
  float fill_alpha;      // entity fill opacity (1 in light theme: exact palette colours)
};

const Palette& GetPalette(Theme theme);

// The theme's colours only (ApplyTheme() also sets sizes, which hosts may have scaled for DPI).
void ApplyThemeColors(Theme theme);

// Legend groups: types that share a colour are toggled together by the digit keys.
constexpr int kColorGroupCount = 9;
int ColorGroupOf(EntityType type);
const char* ShortTypeName(EntityType type);  // "PER", "ORG", ...

}  // namespace internal
}  // namespace panel
}  // namespace gloss

#endif  // GLOSS_PANEL_THEME_H_
