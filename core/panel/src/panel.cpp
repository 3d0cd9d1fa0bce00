// DrawArticlePanel(): the article view, the toolbar with the legend, and the side lists.
//
// [SECTION] Cache: what is derived from the document and kept between frames
// [SECTION] Layout building
// [SECTION] Drawing laid-out text (article and related titles share it)
// [SECTION] Tooltips
// [SECTION] Toolbar and legend
// [SECTION] Article view
// [SECTION] Side lists
// [SECTION] Keyboard
// [SECTION] Entry points
#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "gloss/panel.h"
#include "imgui_internal.h"
#include "layout.h"
#include "theme.h"

namespace gloss {
namespace panel {
namespace internal {

//-----------------------------------------------------------------------------------------------------
// [SECTION] Cache
//-----------------------------------------------------------------------------------------------------

struct EntityGroup {
  std::string name;   // canonical name (or the surface text when the annotator gave none)
  std::string lower;  // for the search box
  EntityType type = EntityType::kOrg;
  std::vector<int> mentions;  // indexes into Document::entities, in document order
};

struct SpeakerGroup {
  std::string name;
  std::vector<int> quotes;
};

struct LayoutKey {
  float width = -1.0f, zoom = 0.0f;
  std::uint32_t hidden = 0;
  const ImFont* font = nullptr;
  std::uint64_t doc_stamp = 0;
  bool operator==(const LayoutKey& o) const {
    return width == o.width && zoom == o.zoom && hidden == o.hidden && font == o.font && doc_stamp == o.doc_stamp;
  }
};

struct PanelCache {
  // The document the caches below describe.
  const Document* doc = nullptr;
  std::uint64_t version = 0;
  std::size_t input_size = 0, entity_count = 0, quote_count = 0, field_count = 0;
  std::uint64_t doc_stamp = 0;  // bumped whenever the document changes

  std::vector<EntityGroup> groups;
  std::vector<int> entity_group;  // Document::entities index -> groups index
  std::vector<SpeakerGroup> speakers;
  int type_counts[kEntityTypeCount] = {};
  std::string meta_prefix, meta_source, counts_line;  // dateline and "Source: ", the agency (no field)
  int meta_source_field = -1;                         // Document::source_field when it is valid
  FieldStyle meta_style;                              // the meta line, styled where it shows the source field

  std::vector<FieldStyle> styles;
  std::uint32_t styles_hidden = 0;
  std::uint64_t styles_stamp = ~0ull;

  TextLayout article;
  LayoutKey article_key;
  ImVec2 article_origin = ImVec2(0, 0);  // screen position of the article layout's (0, 0) last frame
  bool article_drawn = false;
  int jump_entity = -1, jump_quote = -1;  // scroll the article to these on the next draw

  TextLayout related;
  LayoutKey related_key;

  // Entities list.
  char search[128] = {};
  std::string search_applied = "\x01";
  int sort_column = 2;  // 0 name, 1 type, 2 mentions
  bool sort_descending = true;
  std::uint32_t order_hidden = ~0u;
  std::uint64_t order_stamp = ~0ull;
  std::vector<int> group_order;  // visible groups, sorted
  std::vector<char> search_match;  // per group: matches a non-empty search (outlined in the article)
  bool scroll_list_to_selection = false;
  bool focus_search = false;
  int list_hover_group = -1;  // group hovered in the side list (outlined in the article)
  int list_hover_quote = -1;
  int drawn_hover_entity = -1, drawn_hover_quote = -1;  // last frame's hover, drawn this frame

  // Frame signalling.
  Theme applied_theme = Theme::kLight;
  bool theme_applied = false;
  std::uint64_t last_signature = 0;
  int frames_to_go = 3;
  int scrolling = 0;  // ImGui settles window and table sizes over the first frames
};

namespace {

std::string Lower(const std::string& s) {
  std::string out = s;
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Trimmed(std::string_view s, std::size_t max_bytes) {
  std::string out;
  out.reserve(std::min(s.size(), max_bytes + 3));
  bool space = false;
  for (char c : s) {
    const bool ws = static_cast<unsigned char>(c) <= 0x20;
    if (ws) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
    if (out.size() >= max_bytes) {
      // Back off to a UTF-8 character boundary before the ellipsis.
      while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
      if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
      out += "\xE2\x80\xA6";
      break;
    }
  }
  return out;
}

std::string_view Slice(const Document& doc, int field, Span span) {
  if (field < 0 || field >= static_cast<int>(doc.fields.size())) return {};
  return doc.fields[field].slice(span);
}

void UpdateDocument(const Document& doc, PanelState& state, PanelCache& c) {
  if (c.doc == &doc && c.version == state.document_version && c.input_size == doc.input.size() &&
      c.entity_count == doc.entities.size() && c.quote_count == doc.quotes.size() &&
      c.field_count == doc.fields.size()) {
    return;
  }
  c.doc = &doc;
  c.version = state.document_version;
  c.input_size = doc.input.size();
  c.entity_count = doc.entities.size();
  c.quote_count = doc.quotes.size();
  c.field_count = doc.fields.size();
  ++c.doc_stamp;

  c.groups.clear();
  c.entity_group.assign(doc.entities.size(), -1);
  std::fill(std::begin(c.type_counts), std::end(c.type_counts), 0);
  std::unordered_map<std::string, int> by_key;
  for (std::size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    const int t = static_cast<int>(e.type);
    if (t >= 0 && t < kEntityTypeCount) ++c.type_counts[t];
    std::string name = e.canonical.empty() ? std::string(Slice(doc, e.field, e.span)) : e.canonical;
    std::string key = name;
    key += '\x1f';
    key += static_cast<char>('A' + t);
    auto it = by_key.find(key);
    int g;
    if (it == by_key.end()) {
      g = static_cast<int>(c.groups.size());
      by_key.emplace(std::move(key), g);
      EntityGroup group;
      group.name = Trimmed(name, 120);
      group.lower = Lower(group.name);
      group.type = e.type;
      c.groups.push_back(std::move(group));
    } else {
      g = it->second;
    }
    c.groups[g].mentions.push_back(static_cast<int>(i));
    c.entity_group[i] = g;
  }

  c.speakers.clear();
  std::unordered_map<std::string, int> by_speaker;
  for (std::size_t i = 0; i < doc.quotes.size(); ++i) {
    const Quote& q = doc.quotes[i];
    std::string name = !q.resolved_speaker.empty() ? q.resolved_speaker
                       : q.has_speaker             ? Trimmed(Slice(doc, q.field, q.speaker), 80)
                                                   : std::string("(no speaker found)");
    auto it = by_speaker.find(name);
    if (it == by_speaker.end()) {
      it = by_speaker.emplace(name, static_cast<int>(c.speakers.size())).first;
      c.speakers.push_back({name, {}});
    }
    c.speakers[it->second].quotes.push_back(static_cast<int>(i));
  }

  std::string date = FormatDateline(doc.published);
  if (date.empty() && doc.has_dateline && doc.dateline_span.end <= doc.input.size()) {
    date = Trimmed(std::string_view(doc.input).substr(doc.dateline_span.start, doc.dateline_span.size()), 80);
  }
  c.meta_prefix = date;
  c.meta_source.clear();
  c.meta_source_field = -1;
  if (doc.has_source || !doc.source.empty()) {
    if (!c.meta_prefix.empty()) c.meta_prefix += "   \xC2\xB7   ";
    c.meta_prefix += "Source: ";
    // The agency name is a field of its own (annotated: "AFP" is an ORG); draw that field's bytes.
    if (doc.source_field >= 0 && doc.source_field < static_cast<int>(doc.fields.size())) {
      c.meta_source_field = doc.source_field;
    } else {
      c.meta_source = Trimmed(doc.source, 80);
    }
  }
  std::size_t words = 0;
  if (static_cast<int>(doc.fields.size()) > kBodyField) {
    bool in_word = false;
    for (char ch : doc.body().text) {
      const bool ws = static_cast<unsigned char>(ch) <= 0x20;
      if (!ws && !in_word) ++words;
      in_word = !ws;
    }
  }
  char counts[160];
  std::snprintf(counts, sizeof(counts), "%zu words   \xC2\xB7   %zu entities in %zu groups   \xC2\xB7   %zu quotations",
                words, doc.entities.size(), c.groups.size(), doc.quotes.size());
  c.counts_line = counts;

  if (state.selected_entity >= static_cast<int>(doc.entities.size())) state.selected_entity = -1;
  if (state.selected_quote >= static_cast<int>(doc.quotes.size())) state.selected_quote = -1;
}

void UpdateStyles(const Document& doc, const PanelState& state, PanelCache& c) {
  if (c.styles_stamp == c.doc_stamp && c.styles_hidden == state.hidden_types) return;
  c.styles = BuildFieldStyles(doc, state.hidden_types);
  c.styles_stamp = c.doc_stamp;
  c.styles_hidden = state.hidden_types;
  // The meta line: panel-made text, then the source field's styled bytes.
  FieldStyle& m = c.meta_style;
  const FieldStyle* source = c.meta_source_field >= 0 ? &c.styles[c.meta_source_field] : nullptr;
  m.text = c.meta_prefix + (source != nullptr ? source->text : c.meta_source);
  const std::size_t n = c.meta_prefix.size();
  m.entity.assign(m.text.size(), -1);
  m.quote.assign(m.text.size(), -1);
  m.link.assign(m.text.size(), -1);
  m.flags.assign(m.text.size(), 0);
  if (source != nullptr) {
    std::copy(source->entity.begin(), source->entity.end(), m.entity.begin() + static_cast<std::ptrdiff_t>(n));
    std::copy(source->quote.begin(), source->quote.end(), m.quote.begin() + static_cast<std::ptrdiff_t>(n));
    std::copy(source->link.begin(), source->link.end(), m.link.begin() + static_cast<std::ptrdiff_t>(n));
    std::copy(source->flags.begin(), source->flags.end(), m.flags.begin() + static_cast<std::ptrdiff_t>(n));
  }
}

int SelectedGroup(const PanelState& state, const PanelCache& c) {
  if (state.selected_entity < 0 || state.selected_entity >= static_cast<int>(c.entity_group.size())) return -1;
  return c.entity_group[state.selected_entity];
}

//-----------------------------------------------------------------------------------------------------
// [SECTION] Layout building
//-----------------------------------------------------------------------------------------------------

ImFont* FontOr(ImFont* font) { return font != nullptr ? font : ImGui::GetFont(); }

// Pixels per design pixel: the UI face is 15 px at DPI scale 1, so margins and bars follow the DPI scale.
float UiScale(const PanelState& state) {
  return state.fonts.ui != nullptr ? std::max(0.5f, state.fonts.ui->FontSize / 15.0f) : 1.0f;
}

struct ArticleMetrics {
  ImFont* body;
  float body_size, body_line;
  ImFont* heading;
  float heading_size, heading_line, heading_embolden;
  float meta_size;
  float gutter;  // left margin for quote bars and numbers
};

ArticleMetrics Metrics(const PanelState& state) {
  ArticleMetrics m;
  ImFont* body = FontOr(state.fonts.body);
  const float base = body->FontSize;
  m.body_size = std::round(base * state.zoom);
  // Zoomed in: draw from the large face scaled down rather than the small one scaled up.
  m.body = (state.fonts.body_large != nullptr && m.body_size > base * 1.3f) ? state.fonts.body_large : body;
  m.body_line = std::round(m.body_size * 1.5f);
  m.heading = FontOr(state.fonts.heading != nullptr ? state.fonts.heading : state.fonts.body);
  m.heading_size = std::round((state.fonts.heading != nullptr ? m.heading->FontSize : base * 1.5f) * state.zoom);
  m.heading_embolden = 0.0f;
  if (state.fonts.body_large != nullptr && m.heading_size > m.heading->FontSize * 1.3f &&
      state.fonts.body_large->FontSize > m.heading->FontSize) {
    // Zoomed in: the bold face would be scaled up and blur; the large regular face, drawn twice a
    // little apart, stays crisp and still reads as bold.
    m.heading = state.fonts.body_large;
    m.heading_embolden = std::max(1.0f, std::round(m.heading_size * 0.045f));
  }
  m.heading_line = std::round(m.heading_size * 1.25f);
  m.meta_size = std::round(base * 0.85f * state.zoom);
  m.gutter = std::round(30.0f * UiScale(state) * std::max(1.0f, std::sqrt(state.zoom)));
  return m;
}

void BuildArticle(const Document& doc, const PanelState& state, PanelCache& c, float width) {
  TextLayout& l = c.article;
  l.Clear();
  const ArticleMetrics m = Metrics(state);
  const bool have_fields = static_cast<int>(doc.fields.size()) > kBodyField;
  if (have_fields && !doc.title().text.empty()) {
    const FieldStyle& s = c.styles[kTitleField];
    l.AddBlock(BlockKind::kHeadline, kTitleField, s.text, &s, Span{0, static_cast<std::uint32_t>(s.text.size())},
               m.heading, m.heading_size, m.heading_line, width, 0.0f);
    l.EmboldenLastBlock(m.heading_embolden);
  } else {
    const std::string_view t = l.Own("(no headline)");
    l.AddBlock(BlockKind::kHeadline, -1, t, nullptr, Span{0, static_cast<std::uint32_t>(t.size())}, m.heading,
               m.heading_size, m.heading_line, width, 0.0f);
  }
  const float meta_line = std::round(m.meta_size * 1.45f);
  if (!c.meta_style.text.empty()) {
    const FieldStyle& s = c.meta_style;
    l.AddBlock(BlockKind::kMeta, -1, s.text, &s, Span{0, static_cast<std::uint32_t>(s.text.size())}, m.body,
               m.meta_size, meta_line, width, std::round(m.body_line * 0.35f));
  }
  {
    const std::string_view t = c.counts_line;
    l.AddBlock(BlockKind::kMeta, -1, t, nullptr, Span{0, static_cast<std::uint32_t>(t.size())}, m.body, m.meta_size,
               meta_line, width, c.meta_style.text.empty() ? std::round(m.body_line * 0.35f) : 0.0f);
  }
  float gap = std::round(m.body_line * 1.1f);  // room for the rule under the meta lines
  if (have_fields) {
    const FieldStyle& s = c.styles[kBodyField];
    std::vector<Span> paragraphs = doc.paragraphs;
    if (paragraphs.empty() && !s.text.empty()) paragraphs.push_back(Span{0, static_cast<std::uint32_t>(s.text.size())});
    for (const Span& p : paragraphs) {
      l.AddBlock(BlockKind::kParagraph, kBodyField, s.text, &s, p, m.body, m.body_size, m.body_line, width, gap);
      gap = std::round(m.body_line * 0.55f);
    }
    if (paragraphs.empty()) {
      const std::string_view t = l.Own("No body text was found in this input.");
      l.AddBlock(BlockKind::kNote, -1, t, nullptr, Span{0, static_cast<std::uint32_t>(t.size())}, m.body, m.body_size,
                 m.body_line, width, gap);
    }
  }
  l.AddSpace(m.body_line * 2.0f);
}

void BuildRelated(const Document& doc, const PanelState& state, PanelCache& c, float width) {
  TextLayout& l = c.related;
  l.Clear();
  ImFont* font = FontOr(state.fonts.ui);
  const float size = font->FontSize;
  const float line = std::round(size * 1.4f);
  for (int f = kFirstRelatedField; f < static_cast<int>(doc.fields.size()); ++f) {
    const TextField& field = doc.fields[f];
    if (field.kind != FieldKind::kRelatedTitle) continue;
    const FieldStyle& s = c.styles[f];
    l.AddBlock(BlockKind::kRelated, f, s.text, &s, Span{0, static_cast<std::uint32_t>(s.text.size())}, font, size,
               line, width, std::round(line * 0.6f));
    std::string note;
    if (field.related_index >= 0 && field.related_index < static_cast<int>(doc.related.size())) {
      const RelatedItem& r = doc.related[field.related_index];
      note = "#" + std::to_string(field.related_index + 1) + "   id " + Trimmed(r.id, 24);
      if (!r.contenttypeid.empty()) note += "   \xC2\xB7   type " + Trimmed(r.contenttypeid, 12);
      if (!r.pic.empty()) note += "   \xC2\xB7   has picture";
    }
    if (!note.empty()) {
      const std::string_view t = l.Own(std::move(note));
      l.AddBlock(BlockKind::kNote, -1, t, nullptr, Span{0, static_cast<std::uint32_t>(t.size())}, font, size * 0.85f,
                 std::round(line * 0.9f), width, 0.0f);
    }
  }
}

//-----------------------------------------------------------------------------------------------------
// [SECTION] Drawing laid-out text
//-----------------------------------------------------------------------------------------------------

struct DrawResult {
  const Piece* hovered = nullptr;
  int lines_drawn = 0;
};

ImU32 WithAlpha(ImU32 col, float alpha) {
  const unsigned a = static_cast<unsigned>(((col >> IM_COL32_A_SHIFT) & 0xFF) * alpha);
  return (col & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

// A quotation number in a pill (a circle for one digit), centred on `center`; returns its width.
float NumberBadge(ImDrawList* dl, ImFont* font, float font_size, ImVec2 center, int number, ImU32 bg, ImU32 fg) {
  char num[16];
  std::snprintf(num, sizeof(num), "%d", number);
  const ImVec2 ts = font->CalcTextSizeA(font_size, FLT_MAX, 0.0f, num);
  const float h = std::round(font_size * 1.15f);
  const float w = std::max(h, ts.x + font_size * 0.6f);
  const ImVec2 a(std::round(center.x - w * 0.5f), std::round(center.y - h * 0.5f));
  dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), bg, h * 0.5f);
  dl->AddText(font, font_size, ImVec2(std::round(center.x - ts.x * 0.5f), std::round(center.y - ts.y * 0.5f)), fg, num);
  return w;
}

ImU32 BlockColor(BlockKind kind, const Palette& pal) {
  switch (kind) {
    case BlockKind::kHeadline:
      return pal.heading;
    case BlockKind::kMeta:
    case BlockKind::kNote:
      return pal.muted;
    default:
      return pal.text;
  }
}

DrawResult DrawLayout(ImDrawList* dl, const TextLayout& l, ImVec2 origin, float y0, float y1, const Document& doc,
                      const PanelState& state, const PanelCache& c, bool with_gutter, bool hover_allowed) {
  DrawResult r;
  const Palette& pal = GetPalette(state.theme);
  const int sel_group = SelectedGroup(state, c);
  const int hover_entity = c.drawn_hover_entity;
  const int hover_group = hover_entity >= 0 && hover_entity < static_cast<int>(c.entity_group.size())
                              ? c.entity_group[hover_entity]
                              : c.list_hover_group;
  const int active_quote = c.drawn_hover_quote >= 0 ? c.drawn_hover_quote
                           : c.list_hover_quote >= 0 ? c.list_hover_quote
                                                     : state.selected_quote;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const ImVec2 rel_mouse(mouse.x - origin.x, mouse.y - origin.y);
  if (hover_allowed) r.hovered = l.PieceAt(rel_mouse);

  const auto& lines = l.lines();
  const auto& pieces = l.pieces();
  const auto& blocks = l.blocks();
  for (std::uint32_t li = l.FirstLineAtOrBelow(y0); li < lines.size() && lines[li].y < y1; ++li) {
    const Line& line = lines[li];
    const Block& block = blocks[line.block];
    ++r.lines_drawn;
    const float ty = origin.y + line.y + std::round((line.h - block.size) * 0.5f);
    const float top = ty - 1.0f, bottom = ty + block.size + 2.0f;
    bool has_quote = false;
    int quote_kind_scare = 0;
    const float px = UiScale(state);
    float bar_w = std::round(4.0f * px);  // direct and mixed quotations; indirect ones get a thinner bar
    // Pass 1: backgrounds (quotation tint, entity fills) and marks, merging runs of equal style.
    for (std::uint32_t i = line.first; i < line.end;) {
      const Piece& p = pieces[i];
      std::uint32_t j = i + 1;
      if (p.quote >= 0) {
        while (j < line.end && pieces[j].quote == p.quote) ++j;
        const float x0 = origin.x + p.x, x1 = origin.x + pieces[j - 1].x + pieces[j - 1].w;
        ImU32 tint = pal.quote_tint;
        if (doc.quotes[p.quote].kind == QuoteKind::kIndirect) tint = WithAlpha(tint, 0.55f);  // reported speech: quieter
        if (p.quote == active_quote) tint = WithAlpha(pal.quote_bar, state.theme == Theme::kDark ? 0.45f : 0.22f);
        dl->AddRectFilled(ImVec2(x0, origin.y + line.y), ImVec2(x1, origin.y + line.y + line.h), tint);
        has_quote = true;
        if (doc.quotes[p.quote].kind == QuoteKind::kScare) quote_kind_scare = 1;
        if (doc.quotes[p.quote].kind == QuoteKind::kIndirect) bar_w = std::min(bar_w, std::round(2.0f * px));
      }
      i = j;
    }
    for (std::uint32_t i = line.first; i < line.end;) {
      const Piece& p = pieces[i];
      std::uint32_t j = i + 1;
      if (p.entity >= 0) {
        while (j < line.end && pieces[j].entity == p.entity) ++j;
        const float x0 = origin.x + p.x - 1.0f, x1 = origin.x + pieces[j - 1].x + pieces[j - 1].w + 1.0f;
        const Entity& e = doc.entities[p.entity];
        ImU32 fill = EntityColor(e.type, state.theme);
        if (p.flags & kFlagCaption) fill = WithAlpha(fill, 0.5f);  // captions stay quieter than the body
        dl->AddRectFilled(ImVec2(x0, top), ImVec2(x1, bottom), fill, 3.0f);
        const int g = c.entity_group[p.entity];
        if (g == sel_group && g >= 0) {
          dl->AddRect(ImVec2(x0 - 1.0f, top - 1.0f), ImVec2(x1 + 1.0f, bottom + 1.0f), pal.outline, 4.0f, 0, 2.0f);
        } else if (g == hover_group && g >= 0) {
          dl->AddRect(ImVec2(x0, top), ImVec2(x1, bottom), pal.hover_outline, 3.0f, 0, 1.0f);
        } else if (g >= 0 && g < static_cast<int>(c.search_match.size()) && c.search_match[g]) {
          dl->AddRect(ImVec2(x0 - 1.0f, top - 1.0f), ImVec2(x1 + 1.0f, bottom + 1.0f), pal.search, 4.0f, 0, 2.0f);
        }
      }
      i = j;
    }
    for (std::uint32_t i = line.first; i < line.end;) {
      const Piece& p = pieces[i];
      std::uint32_t j = i + 1;
      if (p.link >= 0 && (p.flags & (kFlagSpeaker | kFlagCue)) != 0) {
        while (j < line.end && pieces[j].link == p.link && pieces[j].flags == p.flags) ++j;
        const float x0 = origin.x + p.x, x1 = origin.x + pieces[j - 1].x + pieces[j - 1].w;
        const bool speaker = (p.flags & kFlagSpeaker) != 0;
        const bool active = p.link == active_quote;
        const float y = bottom + (speaker ? 1.5f : 1.0f);
        if (active) {
          // The active quotation's speaker and cue are boxed in its colour.
          dl->AddRect(ImVec2(x0 - 3.0f, top - 2.0f), ImVec2(x1 + 3.0f, bottom + 4.0f), pal.quote_bar, 4.0f, 0, 1.5f);
        }
        if (speaker) {
          dl->AddLine(ImVec2(x0, y), ImVec2(x1, y), pal.quote_bar, active ? 3.0f : 2.0f);
          // The quotation's number hangs at the speaker's end (the speaker may go on on the next line).
          const bool run_ends_speaker =
              j >= pieces.size() || pieces[j].link != p.link || !(pieces[j].flags & kFlagSpeaker);
          if (with_gutter && run_ends_speaker) {
            ImFont* f = FontOr(state.fonts.ui);
            const float fs = std::round(std::max(9.0f, block.size * 0.6f));
            NumberBadge(dl, f, fs, ImVec2(x1 + 1.0f, top - 1.0f), p.link + 1, pal.quote_bar, pal.page);
          }
        } else {
          // The cue: a dotted underline in the quotation colour.
          for (float x = x0; x < x1; x += 4.0f) {
            dl->AddRectFilled(ImVec2(x, y - 0.5f), ImVec2(std::min(x + 2.0f, x1), y + 1.0f), pal.quote_bar);
          }
        }
      }
      i = j;
    }
    if (with_gutter && has_quote && !quote_kind_scare) {
      const float bx = origin.x - std::round(12.0f * px);
      dl->AddRectFilled(ImVec2(bx, origin.y + line.y), ImVec2(bx + bar_w, origin.y + line.y + line.h), pal.quote_bar);
    }
    // Quotation numbers in the gutter, where each quotation starts.
    if (with_gutter) {
      for (std::uint32_t i = line.first; i < line.end; ++i) {
        const Piece& p = pieces[i];
        if (p.quote < 0 || (i > line.first && pieces[i - 1].quote == p.quote)) continue;
        if (l.QuoteLine(p.quote) != static_cast<int>(li)) continue;
        ImFont* f = FontOr(state.fonts.ui);
        NumberBadge(dl, f, std::round(f->FontSize * 0.8f), ImVec2(origin.x - std::round(26.0f * px), ty + block.size * 0.5f), p.quote + 1,
                    pal.quote_bar, pal.page);
        break;
      }
    }
    // Pass 2: text, one AddText per run of equal colour (spaces included: their advance is what we measured).
    for (std::uint32_t i = line.first; i < line.end;) {
      const Piece& p = pieces[i];
      auto color_of = [&](const Piece& q) {
        if (q.entity >= 0 && !q.space) return pal.text_on_fill;
        if (q.flags & kFlagCaption) return pal.muted;
        return BlockColor(block.kind, pal);
      };
      const ImU32 col = color_of(p);
      std::uint32_t j = i + 1;
      while (j < line.end && color_of(pieces[j]) == col) ++j;
      const char* text = block.text.data();
      dl->AddText(block.font, block.size, ImVec2(origin.x + p.x, ty), col, text + p.begin, text + pieces[j - 1].end);
      for (float dx = 1.0f; dx <= block.embolden; dx += 1.0f) {
        dl->AddText(block.font, block.size, ImVec2(origin.x + p.x + dx, ty), col, text + p.begin, text + pieces[j - 1].end);
      }
      i = j;
    }
  }
  return r;
}

//-----------------------------------------------------------------------------------------------------
// [SECTION] Tooltips
//-----------------------------------------------------------------------------------------------------

// The type's colour as a small square (always the light theme's full colour: it is the key, not a fill).
void Swatch(EntityType type, float size) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight();
  const float y = p.y + (h - size) * 0.5f;
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + size, y + size), EntityColor(type, Theme::kLight),
                                            2.0f);
  ImGui::Dummy(ImVec2(size, h));
}

void EntityTooltip(const Document& doc, const PanelState& state, const PanelCache& c, int entity) {
  const Entity& e = doc.entities[entity];
  const EntityGroup& g = c.groups[c.entity_group[entity]];
  const Palette& pal = GetPalette(state.theme);
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
  Swatch(e.type, ImGui::GetFontSize() * 0.8f);
  ImGui::SameLine();
  ImGui::TextUnformatted(to_string(e.type));
  ImGui::SameLine();
  ImGui::TextDisabled("(%s)", ShortTypeName(e.type));
  ImGui::TextUnformatted(g.name.c_str());
  const std::string surface = Trimmed(Slice(doc, e.field, e.span), 120);
  if (surface != g.name) {
    ImGui::TextDisabled("as written:");
    ImGui::SameLine();
    ImGui::TextUnformatted(surface.c_str());
  }
  ImGui::Text("%zu mention%s", g.mentions.size(), g.mentions.size() == 1 ? "" : "s");
  if (!e.value.empty()) {
    ImGui::TextDisabled("value:");
    ImGui::SameLine();
    ImGui::TextUnformatted(e.value.c_str());
  }
  if (!e.link.empty()) {
    ImGui::TextDisabled("linked to:");
    ImGui::SameLine();
    ImGui::TextUnformatted(e.link.c_str());
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.muted));
  const std::string_view rule = e.rule.empty() ? "(not given)" : e.rule;
  ImGui::Text("rule: %.*s", static_cast<int>(rule.size()), rule.data());
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void QuoteTooltip(const Document& doc, const PanelState& state, int quote) {
  const Quote& q = doc.quotes[quote];
  const Palette& pal = GetPalette(state.theme);
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.quote_bar));
  ImGui::Text("Quotation %d", quote + 1);
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", to_string(q.kind));
  if (q.has_speaker) {
    const std::string speaker = Trimmed(Slice(doc, q.field, q.speaker), 80);
    ImGui::Text("speaker: %s", speaker.c_str());
    if (!q.resolved_speaker.empty() && q.resolved_speaker != speaker) {
      ImGui::SameLine();
      ImGui::Text("\xE2\x86\x92 %s", q.resolved_speaker.c_str());
    }
  } else {
    ImGui::TextDisabled("speaker: not found");
  }
  if (q.has_cue) {
    const std::string cue = Trimmed(Slice(doc, q.field, q.cue), 40);
    ImGui::Text("cue: %s", cue.c_str());
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.muted));
  if (!q.method.empty()) ImGui::Text("method: %.*s", static_cast<int>(q.method.size()), q.method.data());
  const std::string_view rule = q.rule.empty() ? "(not given)" : q.rule;
  ImGui::Text("rule: %.*s", static_cast<int>(rule.size()), rule.data());
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

//-----------------------------------------------------------------------------------------------------
// [SECTION] Toolbar and legend
//-----------------------------------------------------------------------------------------------------

bool SmallButton(const char* label, const char* tip) {
  const bool pressed = ImGui::Button(label);
  if (tip != nullptr && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
  return pressed;
}

void DrawToolbar(PanelState& state, PanelCache& c) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float right = ImGui::GetWindowContentRegionMax().x;
  const float controls_w = ImGui::CalcTextSize("-  100%  +  Dark  Lists").x + ImGui::GetStyle().FramePadding.x * 10.0f +
                           ImGui::GetStyle().ItemSpacing.x * 5.0f;
  const float h = ImGui::GetFrameHeight();
  bool first = true;
  for (int t = 0; t < kEntityTypeCount; ++t) {
    const auto type = static_cast<EntityType>(t);
    const bool hidden = (state.hidden_types & (1u << t)) != 0;
    char label[48];
    std::snprintf(label, sizeof(label), "%s %d", to_string(type), c.type_counts[t]);
    const ImVec2 ts = ImGui::CalcTextSize(label);
    const float w = ts.x + h * 0.9f + 8.0f;
    if (!first) {
      ImGui::SameLine(0.0f, 4.0f);
      if (ImGui::GetCursorPosX() + w > right - controls_w) ImGui::NewLine();
    }
    first = false;
    ImGui::PushID(t);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("chip", ImVec2(w, h))) state.hidden_types ^= 1u << t;
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) {
      ImGui::SetTooltip("%s: %d mention%s. Click to %s; key %d toggles its colour group.", to_string(type),
                        c.type_counts[t], c.type_counts[t] == 1 ? "" : "s", hidden ? "show" : "hide",
                        ColorGroupOf(type) + 1);
    }
    const ImU32 frame = ImGui::GetColorU32(hovered ? ImGuiCol_ButtonHovered : ImGuiCol_FrameBg);
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), frame, h * 0.5f);
    const float r = h * 0.28f;
    const ImVec2 center(p.x + h * 0.5f, p.y + h * 0.5f);
    if (hidden) {
      dl->AddCircle(center, r, ImGui::GetColorU32(ImGuiCol_TextDisabled), 12, 1.5f);
    } else {
      dl->AddCircleFilled(center, r, EntityColor(type, Theme::kLight), 12);
    }
    const ImU32 text_col = ImGui::GetColorU32(hidden || c.type_counts[t] == 0 ? ImGuiCol_TextDisabled : ImGuiCol_Text);
    dl->AddText(ImVec2(p.x + h * 0.9f, p.y + (h - ts.y) * 0.5f), text_col, label);
    if (hidden) {
      const float y = p.y + h * 0.5f;
      dl->AddLine(ImVec2(p.x + h * 0.9f, y), ImVec2(p.x + h * 0.9f + ts.x, y), text_col, 1.0f);
    }
    ImGui::PopID();
  }
  // Zoom, theme and side-list controls, right-aligned on the first row.
  ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 8.0f, right - controls_w));
  if (SmallButton("-", "Zoom out (key -)")) state.zoom = std::max(kMinZoom, state.zoom - 0.1f);
  ImGui::SameLine(0.0f, 4.0f);
  char zoom[16];
  std::snprintf(zoom, sizeof(zoom), "%d%%", static_cast<int>(std::round(state.zoom * 100.0f)));
  if (SmallButton(zoom, "Reset zoom (key 0)")) state.zoom = 1.0f;
  ImGui::SameLine(0.0f, 4.0f);
  if (SmallButton("+", "Zoom in (key +)")) state.zoom = std::min(kMaxZoom, state.zoom + 0.1f);
  ImGui::SameLine();
  if (SmallButton(state.theme == Theme::kDark ? "Light" : "Dark", "Switch theme (key t)")) {
    state.theme = state.theme == Theme::kDark ? Theme::kLight : Theme::kDark;
  }
  ImGui::SameLine();
  if (SmallButton(state.show_side_panel ? "Lists \xE2\x96\xB8" : "\xE2\x97\x82 Lists", "Show or hide the side lists (key l)")) {
    state.show_side_panel = !state.show_side_panel;
  }
}

//-----------------------------------------------------------------------------------------------------
// [SECTION] Article view
//-----------------------------------------------------------------------------------------------------

void DrawArticle(const Document& doc, PanelState& state, PanelCache& c) {
  const Palette& pal = GetPalette(state.theme);
  const ArticleMetrics m = Metrics(state);
  const float avail = ImGui::GetContentRegionAvail().x;
  const float pad_top = std::round(m.body_line * 0.9f);
  // A readable measure: about 75 characters a line, centred, with a gutter for quotation bars.
  const float max_width = std::round(m.body_size * 38.0f);
  const float width = std::max(60.0f, std::min(max_width, avail - m.gutter * 2.0f));
  const float left = std::max(m.gutter, std::round((avail - width) * 0.5f));

  LayoutKey key;
  key.width = width;
  key.zoom = state.zoom;
  key.hidden = state.hidden_types;
  key.font = m.body;
  key.doc_stamp = c.doc_stamp;
  if (!(key == c.article_key)) {
    BuildArticle(doc, state, c, width);
    c.article_key = key;
    ++state.stats.layouts_built;
  }
  const TextLayout& l = c.article;
  const ImVec2 cursor = ImGui::GetCursorScreenPos();
  const ImVec2 origin(cursor.x + left, cursor.y + pad_top);
  c.article_origin = origin;
  c.article_drawn = true;

  const float scroll = ImGui::GetScrollY();
  const float view_h = ImGui::GetWindowHeight();
  const int jump_line = c.jump_entity >= 0 ? l.EntityLine(c.jump_entity) : c.jump_quote >= 0 ? l.QuoteLine(c.jump_quote) : -1;
  c.jump_entity = c.jump_quote = -1;
  if (jump_line >= 0) {
    const Line& line = l.lines()[jump_line];
    const float y = line.y + pad_top;
    if (y < scroll + line.h || y + line.h > scroll + view_h - line.h) {
      ImGui::SetScrollY(std::max(0.0f, y - view_h * 0.3f));
      c.scrolling = 2;  // SetScrollY lands on the next frame
    }
  }

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool hover_allowed = ImGui::IsWindowHovered();
  const float y0 = scroll - pad_top, y1 = scroll - pad_top + view_h;
  DrawResult r = DrawLayout(dl, l, origin, y0, y1, doc, state, c, /*with_gutter=*/true, hover_allowed);
  // The rule between the meta lines and the body.
  for (const Block& b : l.blocks()) {
    if (b.kind == BlockKind::kParagraph || b.kind == BlockKind::kNote) {
      const float y = origin.y + b.top - std::round(m.body_line * 0.55f);
      dl->AddLine(ImVec2(origin.x, y), ImVec2(origin.x + width, y), WithAlpha(pal.muted, 0.35f), 1.0f);
      break;
    }
  }
  state.stats.lines_drawn = r.lines_drawn;
  state.stats.lines = static_cast<int>(l.lines().size());
  state.stats.pieces = static_cast<int>(l.pieces().size());
  state.stats.content_height = l.height();
  state.stats.wrap_width = width;

  ImGui::Dummy(ImVec2(avail, pad_top + l.height()));

  if (r.hovered != nullptr) {
    const Piece& p = *r.hovered;
    if (p.entity >= 0) {
      state.hovered_entity = p.entity;
      EntityTooltip(doc, state, c, p.entity);
    } else if (p.quote >= 0 || p.link >= 0) {
      state.hovered_quote = p.quote >= 0 ? p.quote : p.link;
      QuoteTooltip(doc, state, state.hovered_quote);
    }
    if (p.entity >= 0 || p.quote >= 0 || p.link >= 0) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  }
  if (hover_allowed && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    if (r.hovered != nullptr && r.hovered->entity >= 0) {
      state.selected_entity = r.hovered->entity;
      c.scroll_list_to_selection = true;
    } else if (r.hovered != nullptr && (r.hovered->quote >= 0 || r.hovered->link >= 0)) {
      state.selected_quote = r.hovered->quote >= 0 ? r.hovered->quote : r.hovered->link;
      state.selected_entity = -1;
    } else {
      state.selected_entity = -1;
      state.selected_quote = -1;
    }
  }
}

//-----------------------------------------------------------------------------------------------------
// [SECTION] Side lists
//-----------------------------------------------------------------------------------------------------

void SortGroups(PanelState& state, PanelCache& c) {
  const std::string needle = Lower(c.search);
  if (c.order_stamp == c.doc_stamp && c.order_hidden == state.hidden_types && c.search_applied == needle) return;
  c.order_stamp = c.doc_stamp;
  c.order_hidden = state.hidden_types;
  c.search_applied = needle;
  c.group_order.clear();
  c.search_match.assign(c.groups.size(), 0);
  for (int g = 0; g < static_cast<int>(c.groups.size()); ++g) {
    const EntityGroup& group = c.groups[g];
    if (state.hidden_types & (1u << static_cast<unsigned>(group.type))) continue;
    if (!needle.empty() && group.lower.find(needle) == std::string::npos &&
        Lower(to_string(group.type)).find(needle) == std::string::npos) {
      continue;
    }
    c.group_order.push_back(g);
    c.search_match[g] = !needle.empty();
  }
  const int column = c.sort_column;
  const bool desc = c.sort_descending;
  // A total order (no two groups share a first mention: each entity is in one group), so std::sort
  // gives what a stable sort would, without stable_sort's instantiation (0.9 KB gzip of WASM).
  std::sort(c.group_order.begin(), c.group_order.end(), [&](int a, int b) {
    const EntityGroup& x = c.groups[a];
    const EntityGroup& y = c.groups[b];
    int cmp = 0;
    if (column == 0) {
      cmp = x.lower.compare(y.lower);
    } else if (column == 1) {
      cmp = std::strcmp(to_string(x.type), to_string(y.type));
    } else {
      cmp = static_cast<int>(x.mentions.size()) - static_cast<int>(y.mentions.size());
    }
    if (cmp == 0) return x.mentions.front() < y.mentions.front();  // then by first appearance
    return desc ? cmp > 0 : cmp < 0;
  });
}

void JumpToEntity(PanelState& state, PanelCache& c, int entity) {
  state.selected_entity = entity;
  state.selected_quote = -1;
  c.jump_entity = entity;
}

void JumpToQuote(PanelState& state, PanelCache& c, int quote) {
  state.selected_quote = quote;
  c.jump_quote = quote;
}

void DrawEntitiesTab(const Document& doc, PanelState& state, PanelCache& c) {
  if (c.focus_search) {
    ImGui::SetKeyboardFocusHere();
    c.focus_search = false;
  }
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##search", "Search names and types   ( / )", c.search, sizeof(c.search));
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##entities", 3, flags, ImVec2(0.0f, 0.0f))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 0.0f, 0);
  ImGui::TableSetupColumn("Type", ImGuiTableColumnFlags_WidthFixed, 0.0f, 1);
  ImGui::TableSetupColumn("Mentions", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort |
                                          ImGuiTableColumnFlags_PreferSortDescending,
                          0.0f, 2);
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs()) {
    if (specs->SpecsDirty && specs->SpecsCount > 0) {
      c.sort_column = static_cast<int>(specs->Specs[0].ColumnUserID);
      c.sort_descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
      c.order_stamp = ~0ull;
      specs->SpecsDirty = false;
    }
  }
  SortGroups(state, c);
  const int sel_group = SelectedGroup(state, c);
  const float row_h = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2.0f;
  if (c.scroll_list_to_selection && sel_group >= 0) {
    const auto it = std::find(c.group_order.begin(), c.group_order.end(), sel_group);
    if (it != c.group_order.end()) {
      const float y = static_cast<float>(it - c.group_order.begin()) * row_h;
      const float view = ImGui::GetWindowHeight() - row_h * 2.0f;
      if (y < ImGui::GetScrollY() || y > ImGui::GetScrollY() + view) ImGui::SetScrollY(std::max(0.0f, y - view * 0.4f));
    }
  }
  c.scroll_list_to_selection = false;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(c.group_order.size()), row_h);
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const int g = c.group_order[row];
      const EntityGroup& group = c.groups[g];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(g);
      Swatch(group.type, ImGui::GetFontSize() * 0.7f);
      ImGui::SameLine(0.0f, 6.0f);
      const bool selected = g == sel_group;
      if (ImGui::Selectable(group.name.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) {
        // Clicking the selected group again walks through its mentions.
        int next = group.mentions.front();
        if (selected) {
          auto it = std::find(group.mentions.begin(), group.mentions.end(), state.selected_entity);
          if (it != group.mentions.end() && it + 1 != group.mentions.end()) next = *(it + 1);
        }
        JumpToEntity(state, c, next);
      }
      if (ImGui::IsItemHovered()) {
        c.list_hover_group = g;
        EntityTooltip(doc, state, c, group.mentions.front());
      }
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", ShortTypeName(group.type));
      ImGui::TableNextColumn();
      if (selected && group.mentions.size() > 1) {
        const auto it = std::find(group.mentions.begin(), group.mentions.end(), state.selected_entity);
        ImGui::Text("%d/%zu", static_cast<int>(it - group.mentions.begin()) + 1, group.mentions.size());
      } else {
        ImGui::Text("%zu", group.mentions.size());
      }
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
  if (c.groups.empty()) ImGui::TextDisabled("No entities found in this article.");
}

void DrawQuotesTab(const Document& doc, PanelState& state, PanelCache& c) {
  if (doc.quotes.empty()) {
    ImGui::TextDisabled("No quotations found in this article.");
    return;
  }
  const Palette& pal = GetPalette(state.theme);
  ImGui::BeginChild("##quotes");
  for (std::size_t s = 0; s < c.speakers.size(); ++s) {
    const SpeakerGroup& sp = c.speakers[s];
    ImGui::PushID(static_cast<int>(s));
    char header[200];
    std::snprintf(header, sizeof(header), "%s  (%zu)###speaker", sp.name.c_str(), sp.quotes.size());
    if (ImGui::CollapsingHeader(header, ImGuiTreeNodeFlags_DefaultOpen)) {
      for (int q : sp.quotes) {
        const Quote& quote = doc.quotes[q];
        std::string preview;
        for (const Span& part : quote.content) {
          if (!preview.empty()) preview += " \xE2\x80\xA6 ";
          preview += std::string(Slice(doc, quote.field, part));
        }
        if (preview.empty()) preview = std::string(Slice(doc, quote.field, quote.span));
        preview = Trimmed(preview, 140);
        char label[48];
        std::snprintf(label, sizeof(label), "%d", q + 1);
        ImGui::PushID(q);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        const float bw = std::max(h, ImGui::CalcTextSize(label).x + h * 0.5f);
        NumberBadge(ImGui::GetWindowDrawList(), ImGui::GetFont(), std::round(ImGui::GetFontSize() * 0.85f),
                    ImVec2(p.x + bw * 0.5f, p.y + h * 0.5f), q + 1, pal.quote_bar, pal.page);
        ImGui::Dummy(ImVec2(bw, h));
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0.0f);
        const ImVec2 start = ImGui::GetCursorScreenPos();
        ImGui::TextWrapped("%s", preview.c_str());
        ImGui::TextDisabled("%s%s%s", to_string(quote.kind), quote.has_cue ? "  \xC2\xB7  cue: " : "",
                            quote.has_cue ? Trimmed(Slice(doc, quote.field, quote.cue), 30).c_str() : "");
        ImGui::PopTextWrapPos();
        const ImVec2 end(ImGui::GetWindowContentRegionMax().x + ImGui::GetWindowPos().x, ImGui::GetCursorScreenPos().y);
        const bool hovered = ImGui::IsMouseHoveringRect(ImVec2(p.x, start.y), end) && ImGui::IsWindowHovered();
        if (hovered || state.selected_quote == q) {
          ImGui::GetWindowDrawList()->AddRect(ImVec2(p.x - 4.0f, start.y - 3.0f), ImVec2(end.x - 2.0f, end.y - 2.0f),
                                              hovered ? pal.hover_outline : pal.quote_bar, 4.0f);
        }
        if (hovered) {
          c.list_hover_quote = q;
          ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
          if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) JumpToQuote(state, c, q);
        }
        ImGui::Spacing();
        ImGui::PopID();
      }
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

void DrawRelatedTab(const Document& doc, PanelState& state, PanelCache& c) {
  if (doc.related.empty()) {
    ImGui::TextDisabled("No related articles in this input.");
    return;
  }
  ImGui::BeginChild("##related");
  const float width = ImGui::GetContentRegionAvail().x - 4.0f;
  LayoutKey key;
  key.width = width;
  key.zoom = 1.0f;
  key.hidden = state.hidden_types;
  key.font = FontOr(state.fonts.ui);
  key.doc_stamp = c.doc_stamp;
  if (!(key == c.related_key)) {
    BuildRelated(doc, state, c, width);
    c.related_key = key;
  }
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float scroll = ImGui::GetScrollY();
  const bool hover_allowed = ImGui::IsWindowHovered();
  DrawResult r = DrawLayout(ImGui::GetWindowDrawList(), c.related, origin, scroll - 40.0f,
                            scroll + ImGui::GetWindowHeight(), doc, state, c, false, hover_allowed);
  ImGui::Dummy(ImVec2(width, c.related.height() + 8.0f));
  if (r.hovered != nullptr && r.hovered->entity >= 0) {
    state.hovered_entity = r.hovered->entity;
    EntityTooltip(doc, state, c, r.hovered->entity);
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
      state.selected_entity = r.hovered->entity;
      c.scroll_list_to_selection = true;
    }
  }
  ImGui::EndChild();
}

void DrawWarningsTab(const Document& doc, const PanelState& state) {
  if (doc.warnings.empty()) {
    ImGui::TextDisabled("The parser reported no problems.");
    return;
  }
  const Palette& pal = GetPalette(state.theme);
  ImGui::BeginChild("##warnings");
  for (const Warning& w : doc.warnings) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.search));
    ImGui::TextUnformatted(w.code.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextDisabled("at byte %u", w.offset);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(w.message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Separator();
  }
  ImGui::EndChild();
}

void DrawSide(const Document& doc, PanelState& state, PanelCache& c) {
  if (!ImGui::BeginTabBar("##side_tabs")) return;
  char label[64];
  std::snprintf(label, sizeof(label), "Entities %zu###entities", c.groups.size());
  const int open = state.open_tab;
  state.open_tab = PanelState::kNoTab;
  auto flags_for = [open](int tab) { return open == tab ? ImGuiTabItemFlags_SetSelected : 0; };
  ImGuiTabItemFlags focus_entities = c.focus_search || c.scroll_list_to_selection ? ImGuiTabItemFlags_SetSelected : 0;
  if (ImGui::BeginTabItem(label, nullptr, focus_entities | flags_for(PanelState::kEntitiesTab))) {
    DrawEntitiesTab(doc, state, c);
    ImGui::EndTabItem();
  }
  std::snprintf(label, sizeof(label), "Quotes %zu###quotes", doc.quotes.size());
  if (ImGui::BeginTabItem(label, nullptr, flags_for(PanelState::kQuotesTab))) {
    DrawQuotesTab(doc, state, c);
    ImGui::EndTabItem();
  }
  std::snprintf(label, sizeof(label), "Related %zu###related", doc.related.size());
  if (ImGui::BeginTabItem(label, nullptr, flags_for(PanelState::kRelatedTab))) {
    DrawRelatedTab(doc, state, c);
    ImGui::EndTabItem();
  }
  std::snprintf(label, sizeof(label), "Warnings %zu###warnings", doc.warnings.size());
  if (ImGui::BeginTabItem(label, nullptr, flags_for(PanelState::kWarningsTab))) {
    DrawWarningsTab(doc, state);
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

//-----------------------------------------------------------------------------------------------------
// [SECTION] Keyboard
//-----------------------------------------------------------------------------------------------------

int NextEntity(const Document& doc, const PanelCache& c, int from, int step) {
  const int n = static_cast<int>(doc.entities.size());
  if (n == 0) return -1;
  int e = from;
  for (int k = 0; k < n; ++k) {
    e = (e < 0) ? (step > 0 ? 0 : n - 1) : (e + step + n) % n;
    if (c.article.EntityLine(e) >= 0) return e;
  }
  return -1;
}

int NextQuote(const Document& doc, const PanelCache& c, int from, int step) {
  const int n = static_cast<int>(doc.quotes.size());
  int q = from;
  for (int k = 0; k < n; ++k) {
    q = q < 0 ? (step > 0 ? 0 : n - 1) : (q + step + n) % n;
    if (c.article.QuoteLine(q) >= 0) return q;  // in the article (not in a related title)
  }
  return -1;
}

void HandleKeyboard(const Document& doc, PanelState& state, PanelCache& c) {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || ImGui::IsAnyItemActive()) return;
  auto key = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
  auto next_entity = [&](int step) {
    const int e = NextEntity(doc, c, state.selected_entity, step);
    if (e >= 0) {
      JumpToEntity(state, c, e);
      c.scroll_list_to_selection = true;
    }
  };
  auto next_quote = [&](int step) {
    const int q = NextQuote(doc, c, state.selected_quote, step);
    if (q >= 0) JumpToQuote(state, c, q);
  };
  if (key(ImGuiKey_RightArrow)) next_entity(+1);
  if (key(ImGuiKey_LeftArrow)) next_entity(-1);
  if (key(ImGuiKey_DownArrow)) next_quote(+1);
  if (key(ImGuiKey_UpArrow)) next_quote(-1);
  if (key(ImGuiKey_Escape)) {
    state.selected_entity = -1;
    state.selected_quote = -1;
  }
  // Typed characters, so the keys follow the keyboard layout and need no backend key codes.
  for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
    const ImWchar ch = io.InputQueueCharacters[i];
    switch (ch) {
      case 'n': next_entity(+1); break;
      case 'N': case 'p': next_entity(-1); break;
      case 'q': next_quote(+1); break;
      case 'Q': next_quote(-1); break;
      case '+': case '=': state.zoom = std::min(kMaxZoom, state.zoom + 0.1f); break;
      case '-': case '_': state.zoom = std::max(kMinZoom, state.zoom - 0.1f); break;
      case '0': state.zoom = 1.0f; break;
      case 't': state.theme = state.theme == Theme::kDark ? Theme::kLight : Theme::kDark; break;
      case 'l': state.show_side_panel = !state.show_side_panel; break;
      case 'a': state.hidden_types = 0; break;
      case '/': c.focus_search = true; state.show_side_panel = true; break;
      default:
        if (ch >= '1' && ch <= '9') {
          // Digit k toggles colour group k (the value types share one colour and one key).
          std::uint32_t mask = 0;
          for (int t = 0; t < kEntityTypeCount; ++t) {
            if (ColorGroupOf(static_cast<EntityType>(t)) == ch - '1') mask |= 1u << t;
          }
          if ((state.hidden_types & mask) == mask) {
            state.hidden_types &= ~mask;
          } else {
            state.hidden_types |= mask;
          }
        }
        break;
    }
  }
  // Consume them so a text field focused later this frame does not receive them too.
  io.InputQueueCharacters.resize(0);
}

std::uint64_t Mix(std::uint64_t h, std::uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  return h;
}

std::uint64_t FloatBits(float f) {
  std::uint32_t u;
  std::memcpy(&u, &f, sizeof(u));
  return u;
}

}  // namespace
}  // namespace internal

//-----------------------------------------------------------------------------------------------------
// [SECTION] Entry points
//-----------------------------------------------------------------------------------------------------

PanelState::PanelState() : cache(std::make_unique<internal::PanelCache>()) {}
PanelState::~PanelState() = default;
PanelState::PanelState(PanelState&&) noexcept = default;
PanelState& PanelState::operator=(PanelState&&) noexcept = default;

bool DrawArticlePanel(const Document& doc, PanelState& state, ImVec2 size) {
  using namespace internal;
  if (!state.cache) state.cache = std::make_unique<PanelCache>();
  PanelCache& c = *state.cache;
  if (!c.theme_applied || c.applied_theme != state.theme) {
    ApplyThemeColors(state.theme);
    c.applied_theme = state.theme;
    c.theme_applied = true;
  }
  if (!(state.zoom >= kMinZoom)) state.zoom = kMinZoom;
  if (state.zoom > kMaxZoom) state.zoom = kMaxZoom;
  state.zoom = std::round(state.zoom * 10.0f) / 10.0f;

  UpdateDocument(doc, state, c);
  UpdateStyles(doc, state, c);
  HandleKeyboard(doc, state, c);
  UpdateStyles(doc, state, c);  // the keys may have toggled a type
  // Hover is found while drawing; the outline and tint follow it from the next frame on (the signature
  // below asks for that frame).
  c.drawn_hover_entity = state.hovered_entity;
  c.drawn_hover_quote = state.hovered_quote;
  state.hovered_entity = -1;
  state.hovered_quote = -1;
  const int list_hover_group = c.list_hover_group;
  const int list_hover_quote = c.list_hover_quote;

  const Palette& pal = GetPalette(state.theme);
  if (state.fonts.ui != nullptr) ImGui::PushFont(state.fonts.ui);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.0f, 0.0f));
  ImGui::BeginChild("##gloss_panel", size, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar();
  DrawToolbar(state, c);
  UpdateStyles(doc, state, c);  // a legend chip may have toggled a type
  ImGui::Spacing();

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  float side_w = 0.0f;
  if (state.show_side_panel) {
    const float px = UiScale(state);
    side_w = state.side_panel_width > 0.0f ? state.side_panel_width : std::clamp(avail.x / 3.0f, 370.0f * px, 480.0f * px);
    side_w = std::min(side_w, avail.x * 0.5f);
  }
  const float spacing = state.show_side_panel ? ImGui::GetStyle().ItemSpacing.x : 0.0f;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(pal.page));
  ImGui::BeginChild("##article", ImVec2(avail.x - side_w - spacing, avail.y), true,
                    ImGuiWindowFlags_AlwaysVerticalScrollbar);
  ImGui::PopStyleColor();
  c.list_hover_group = list_hover_group;  // last frame's, for outlining while the list is hovered
  c.list_hover_quote = list_hover_quote;
  DrawArticle(doc, state, c);
  ImGui::EndChild();
  c.list_hover_group = -1;
  c.list_hover_quote = -1;
  if (state.show_side_panel) {
    ImGui::SameLine();
    ImGui::BeginChild("##side", ImVec2(side_w, avail.y), false);
    DrawSide(doc, state, c);
    ImGui::EndChild();
  }
  ImGui::EndChild();
  if (state.fonts.ui != nullptr) ImGui::PopFont();

  // Another frame is needed while anything that affects the picture still changes.
  std::uint64_t sig = 0;
  sig = Mix(sig, static_cast<std::uint64_t>(state.hovered_entity + 2));
  sig = Mix(sig, static_cast<std::uint64_t>(state.hovered_quote + 2));
  sig = Mix(sig, static_cast<std::uint64_t>(state.selected_entity + 2));
  sig = Mix(sig, static_cast<std::uint64_t>(state.selected_quote + 2));
  sig = Mix(sig, static_cast<std::uint64_t>(c.list_hover_group + 2));
  sig = Mix(sig, static_cast<std::uint64_t>(list_hover_group + 2));
  sig = Mix(sig, static_cast<std::uint64_t>(list_hover_quote + 2));
  sig = Mix(sig, state.stats.layouts_built);
  sig = Mix(sig, FloatBits(state.zoom));
  sig = Mix(sig, static_cast<std::uint64_t>(state.theme));
  sig = Mix(sig, state.hidden_types);
  sig = Mix(sig, static_cast<std::uint64_t>(state.show_side_panel));
  sig = Mix(sig, c.doc_stamp);
  sig = Mix(sig, FloatBits(c.article_origin.y));
  if (sig != c.last_signature) {
    c.last_signature = sig;
    c.frames_to_go = std::max(c.frames_to_go, 2);
  }
  if (c.scrolling > 0 || c.jump_entity >= 0 || c.jump_quote >= 0 || c.focus_search || ImGui::IsAnyItemActive()) c.frames_to_go = std::max(c.frames_to_go, 1);
  if (c.scrolling > 0) --c.scrolling;
  if (c.frames_to_go > 0) {
    --c.frames_to_go;
    return true;
  }
  return false;
}

bool EntityScreenRect(const PanelState& state, int entity, ImVec2* min, ImVec2* max) {
  if (!state.cache || !state.cache->article_drawn) return false;
  const internal::PanelCache& c = *state.cache;
  if (!c.article.EntityRect(entity, min, max)) return false;
  *min = ImVec2(min->x + c.article_origin.x, min->y + c.article_origin.y);
  *max = ImVec2(max->x + c.article_origin.x, max->y + c.article_origin.y);
  return true;
}

bool QuoteScreenRect(const PanelState& state, int quote, ImVec2* min, ImVec2* max) {
  if (!state.cache || !state.cache->article_drawn) return false;
  const internal::PanelCache& c = *state.cache;
  if (!c.article.QuoteRect(quote, min, max)) return false;
  *min = ImVec2(min->x + c.article_origin.x, min->y + c.article_origin.y);
  *max = ImVec2(max->x + c.article_origin.x, max->y + c.article_origin.y);
  return true;
}

void SelectEntity(PanelState& state, int entity) {
  if (!state.cache) state.cache = std::make_unique<internal::PanelCache>();
  internal::JumpToEntity(state, *state.cache, entity);
  state.cache->scroll_list_to_selection = entity >= 0;
}

void SelectQuote(PanelState& state, int quote) {
  if (!state.cache) state.cache = std::make_unique<internal::PanelCache>();
  internal::JumpToQuote(state, *state.cache, quote);
}

}  // namespace panel
}  // namespace gloss
