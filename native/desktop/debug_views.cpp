#include "debug_views.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

namespace gloss {
namespace desktop {

namespace {

double MsSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

std::string Clip(std::string_view s, std::size_t n) {
  std::string out(s.substr(0, n));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  if (s.size() > n) out += "\xE2\x80\xA6";
  return out;
}

void Row(const char* key, std::string_view value) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextDisabled("%s", key);
  ImGui::TableNextColumn();
  ImGui::TextWrapped("%.*s", static_cast<int>(value.size()), value.data());
}

std::string SpanText(const Document& doc, int field, Span s) {
  char buf[96];
  const Span in = doc.fields[field].to_input(s);
  std::snprintf(buf, sizeof(buf), "%s [%u, %u)  input [%u, %u)", doc.fields[field].name().c_str(), s.start, s.end,
                in.start, in.end);
  return buf;
}

void InspectEntity(const Document& doc, int index) {
  const Entity& e = doc.entities[index];
  if (!ImGui::BeginTable("##entity", 2, ImGuiTableFlags_SizingStretchProp)) return;
  Row("text", "\xE2\x80\x9C" + Clip(doc.fields[e.field].slice(e.span), 200) + "\xE2\x80\x9D");
  Row("type", to_string(e.type));
  Row("canonical", e.canonical.empty() ? "(none)" : e.canonical);
  if (!e.value.empty()) Row("value", e.value);
  if (!e.link.empty()) Row("linked to", e.link);
  Row("rule", e.rule.empty() ? "(not given)" : e.rule);
  Row("group", std::to_string(e.group));
  Row("span", SpanText(doc, e.field, e.span));
  ImGui::EndTable();
  // Competing spans: the core keeps only the winners, so show the neighbours that touch this one.
  ImGui::Spacing();
  ImGui::TextDisabled("Spans overlapping or adjacent in %s:", doc.fields[e.field].name().c_str());
  int shown = 0;
  for (std::size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& o = doc.entities[i];
    if (static_cast<int>(i) == index || o.field != e.field) continue;
    if (o.span.end + 1 < e.span.start || o.span.start > e.span.end + 1) continue;
    ImGui::BulletText("%s \xE2\x80\x9C%s\xE2\x80\x9D  (%.*s)", to_string(o.type), Clip(doc.fields[o.field].slice(o.span), 60).c_str(),
                      static_cast<int>(o.rule.size()), o.rule.data());
    ++shown;
  }
  if (shown == 0) ImGui::TextDisabled("  none (discarded candidates are not reported by the core)");
}

void InspectQuote(const Document& doc, int index) {
  const Quote& q = doc.quotes[index];
  if (!ImGui::BeginTable("##quote", 2, ImGuiTableFlags_SizingStretchProp)) return;
  Row("quotation", std::to_string(index + 1) + " \xC2\xB7 " + to_string(q.kind));
  Row("text", Clip(doc.fields[q.field].slice(q.span), 400));
  Row("speaker", q.has_speaker ? Clip(doc.fields[q.field].slice(q.speaker), 80) : "(not found)");
  if (!q.resolved_speaker.empty()) Row("resolved", q.resolved_speaker);
  Row("cue", q.has_cue ? Clip(doc.fields[q.field].slice(q.cue), 40) : "(none)");
  Row("method", q.method.empty() ? "(not given)" : q.method);
  Row("rule", q.rule.empty() ? "(not given)" : q.rule);
  Row("span", SpanText(doc, q.field, q.span));
  ImGui::EndTable();
}

}  // namespace

bool LoadFile(Session& session, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    session.status = "cannot open " + path;
    session.status_is_error = true;
    return false;
  }
  session.source.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  session.path = path;
  session.demo = false;
  std::snprintf(session.path_field, sizeof(session.path_field), "%s", path.c_str());
  return true;
}

void LoadDemo(Session& session) {
  session.document = panel::DemoDocument();
  session.source = session.document.input;
  session.path.clear();
  session.demo = true;
  session.json_stale = true;
  session.status = "demo article (hand-annotated; edit the source to see the annotators' own result)";
  session.status_is_error = false;
}

void Reannotate(Session& session, panel::PanelState& state) {
  session.edit_time = -1.0;
  auto t0 = std::chrono::steady_clock::now();
  AnnotateOptions parse_only;
  parse_only.entities = parse_only.quotes = false;
  annotate(session.source, parse_only);  // timed only: the document shown comes from the full run
  session.parse_ms = MsSince(t0);
  t0 = std::chrono::steady_clock::now();
  AnnotateResult result = annotate(session.source);
  session.annotate_ms = std::max(0.0, MsSince(t0) - session.parse_ms);
  if (!result.ok()) {
    session.status = result.error();
    session.status_is_error = true;
    return;
  }
  session.document = std::move(result.document());
  session.demo = false;
  session.json_stale = true;
  state.DocumentChanged();
  char buf[160];
  std::snprintf(buf, sizeof(buf), "%zu bytes \xC2\xB7 %zu entities \xC2\xB7 %zu quotations \xC2\xB7 %zu warnings",
                session.source.size(), session.document.entities.size(), session.document.quotes.size(),
                session.document.warnings.size());
  session.status = buf;
  session.status_is_error = false;
}

void DrawTopBar(Session& session, bool* show_column, std::string* open_path) {
  ImGui::SetNextItemWidth(std::min(560.0f, ImGui::GetContentRegionAvail().x * 0.45f));
  if (ImGui::InputTextWithHint("##path", "File path (or drop a file on the window)", session.path_field,
                               sizeof(session.path_field), ImGuiInputTextFlags_EnterReturnsTrue)) {
    *open_path = session.path_field;
  }
  ImGui::SameLine();
  if (ImGui::Button("Open")) *open_path = session.path_field;
  ImGui::SameLine();
  if (ImGui::Button("Reload") && !session.path.empty()) *open_path = session.path;
  ImGui::SameLine();
  ImGui::Checkbox("Source & debug", show_column);
  ImGui::SameLine();
  if (session.status_is_error) {
    ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.2f, 1.0f), "%s", session.status.c_str());
  } else {
    ImGui::TextDisabled("%s", session.status.c_str());
  }
}

bool DrawDebugColumn(Session& session, panel::PanelState& state, double now) {
  if (!ImGui::BeginTabBar("##debug_tabs")) return false;
  if (ImGui::BeginTabItem("Source")) {
    ImGui::TextDisabled("Edit: the panel re-annotates as you type.");
    if (ImGui::InputTextMultiline("##source", &session.source, ImVec2(-FLT_MIN, -FLT_MIN))) session.edit_time = now;
    ImGui::EndTabItem();
  }
  const ImGuiTabItemFlags inspect_flags = session.open_inspect ? ImGuiTabItemFlags_SetSelected : 0;
  session.open_inspect = false;
  if (ImGui::BeginTabItem("Inspect", nullptr, inspect_flags)) {
    ImGui::Text("parse %.2f ms   \xC2\xB7   entities + quotes %.2f ms", session.parse_ms, session.annotate_ms);
    ImGui::Text("panel layout built %llu times \xC2\xB7 %d lines, %d drawn",
                static_cast<unsigned long long>(state.stats.layouts_built), state.stats.lines, state.stats.lines_drawn);
    ImGui::Separator();
    const Document& doc = session.document;
    if (state.selected_entity >= 0 && state.selected_entity < static_cast<int>(doc.entities.size())) {
      InspectEntity(doc, state.selected_entity);
    } else if (state.selected_quote >= 0 && state.selected_quote < static_cast<int>(doc.quotes.size())) {
      InspectQuote(doc, state.selected_quote);
    } else {
      ImGui::TextDisabled("Click an entity or a quotation (or press n / q) to see why it is there.");
    }
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem("JSON")) {
    if (session.json_stale) {
      const auto t0 = std::chrono::steady_clock::now();
      session.json = to_json(session.document, JsonOptions{true});
      session.json_ms = MsSince(t0);
      session.json_stale = false;
    }
    ImGui::TextDisabled("gloss/1 JSON, %zu bytes, written in %.2f ms", session.json.size(), session.json_ms);
    ImGui::InputTextMultiline("##json", &session.json, ImVec2(-FLT_MIN, -FLT_MIN), ImGuiInputTextFlags_ReadOnly);
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
  // Re-annotate a moment after the last keystroke, so typing stays smooth on long articles.
  if (session.edit_time >= 0.0) {
    if (now - session.edit_time > 0.15) Reannotate(session, state);
    return true;
  }
  return false;
}

}  // namespace desktop
}  // namespace gloss
