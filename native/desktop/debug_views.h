// The desktop window's own views beside the panel: the editable source, the inspector of the selected
// span with parse/annotate timings, and the raw JSON. Plain ImGui; no GLFW or GL here.
#ifndef GLOSS_DESKTOP_DEBUG_VIEWS_H_
#define GLOSS_DESKTOP_DEBUG_VIEWS_H_

#include <string>

#include "gloss/gloss.h"
#include "gloss/panel.h"

namespace gloss {
namespace desktop {

struct Session {
  std::string path;         // file shown (empty: the demo article or typed text)
  std::string source;       // the bytes annotated, editable
  Document document;
  std::string status;       // last load or annotate message, for people
  bool status_is_error = false;
  double parse_ms = 0.0, annotate_ms = 0.0, json_ms = 0.0;
  std::string json;         // pretty JSON of `document`, made when the JSON tab is open
  bool json_stale = true;
  double edit_time = -1.0;  // when the source was last edited and not yet re-annotated (seconds)
  char path_field[1024] = {};
  bool demo = false;
  bool open_inspect = false;  // select the Inspect tab on the next frame
};

// Loads `path` into the session and annotates it. False (with session.status) when it cannot be read.
bool LoadFile(Session& session, const std::string& path);
// The panel's demo article.
void LoadDemo(Session& session);
// Annotates session.source again, timing the parse and the annotators.
void Reannotate(Session& session, panel::PanelState& state);

// The left column: tabs Source / Inspect / JSON. `now` is in seconds; returns true when the caller
// should come back soon without input (a re-annotation is pending).
bool DrawDebugColumn(Session& session, panel::PanelState& state, double now);

// The top bar: path field, Open, Reload, the column toggle. Sets *open_path when the user asked to open.
void DrawTopBar(Session& session, bool* show_column, std::string* open_path);

}  // namespace desktop
}  // namespace gloss

#endif  // GLOSS_DESKTOP_DEBUG_VIEWS_H_
