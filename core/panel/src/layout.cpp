#include "layout.h"

#include <algorithm>
#include <cfloat>

#include "imgui_internal.h"  // ImTextCharFromUtf8

namespace gloss {
namespace panel {
namespace internal {

namespace {

void Fill(std::vector<std::int32_t>& v, Span s, std::int32_t value, bool only_if_empty) {
  const std::uint32_t end = std::min<std::uint32_t>(s.end, static_cast<std::uint32_t>(v.size()));
  for (std::uint32_t i = s.start; i < end; ++i) {
    if (!only_if_empty || v[i] < 0) v[i] = value;
  }
}

void SetFlag(std::vector<std::uint8_t>& v, Span s, std::uint8_t flag) {
  const std::uint32_t end = std::min<std::uint32_t>(s.end, static_cast<std::uint32_t>(v.size()));
  for (std::uint32_t i = s.start; i < end; ++i) v[i] |= flag;
}

bool SameStyle(const FieldStyle& s, std::uint32_t a, std::uint32_t b) {
  return s.entity[a] == s.entity[b] && s.quote[a] == s.quote[b] && s.link[a] == s.link[b] &&
         s.flags[a] == s.flags[b];
}

float Measure(ImFont* font, float size, std::string_view text, std::uint32_t begin, std::uint32_t end) {
  if (end <= begin) return 0.0f;
  return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data() + begin, text.data() + end).x;
}

}  // namespace

std::vector<FieldStyle> BuildFieldStyles(const Document& doc, std::uint32_t hidden_types) {
  std::vector<FieldStyle> styles(doc.fields.size());
  for (std::size_t f = 0; f < doc.fields.size(); ++f) {
    FieldStyle& s = styles[f];
    s.text = doc.fields[f].text;
    for (char& c : s.text) {
      // Control bytes (newlines, tabs, NUL) would make ImGui break lines or stop: draw them as spaces.
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
    }
    const std::size_t n = s.text.size();
    s.entity.assign(n, -1);
    s.quote.assign(n, -1);
    s.link.assign(n, -1);
    s.flags.assign(n, 0);
  }
  for (std::size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    if (e.field < 0 || e.field >= static_cast<int>(styles.size())) continue;
    if (hidden_types & (1u << static_cast<unsigned>(e.type))) continue;
    Fill(styles[e.field].entity, e.span, static_cast<std::int32_t>(i), /*only_if_empty=*/true);
  }
  for (std::size_t i = 0; i < doc.quotes.size(); ++i) {
    const Quote& q = doc.quotes[i];
    if (q.field < 0 || q.field >= static_cast<int>(styles.size())) continue;
    FieldStyle& s = styles[q.field];
    const auto qi = static_cast<std::int32_t>(i);
    Fill(s.quote, q.span, qi, true);
    for (const Span& c : q.content) SetFlag(s.flags, c, kFlagQuoteContent);
    if (q.has_speaker) {
      Fill(s.link, q.speaker, qi, true);
      SetFlag(s.flags, q.speaker, kFlagSpeaker);
    }
    if (q.has_cue) {
      Fill(s.link, q.cue, qi, true);
      SetFlag(s.flags, q.cue, kFlagCue);
    }
  }
  if (static_cast<int>(styles.size()) > kBodyField) {
    for (const Span& c : doc.captions) SetFlag(styles[kBodyField].flags, c, kFlagCaption);
  }
  return styles;
}

void TextLayout::Clear() {
  blocks_.clear();
  lines_.clear();
  pieces_.clear();
  owned_.clear();
  entity_first_piece_.clear();
  quote_first_piece_.clear();
  piece_line_.clear();
  height_ = width_ = x_ = 0.0f;
}

std::string_view TextLayout::Own(std::string text) {
  owned_.push_back(std::move(text));
  return owned_.back();
}

void TextLayout::NewLine(float line_height) {
  if (!lines_.empty()) {
    const Line& last = lines_.back();
    height_ = last.y + last.h;
  }
  Line line;
  line.y = height_;
  line.h = line_height;
  line.first = line.end = static_cast<std::uint32_t>(pieces_.size());
  line.block = static_cast<std::int32_t>(blocks_.size()) - 1;
  lines_.push_back(line);
  x_ = 0.0f;
}

void TextLayout::Emit(const FieldStyle* style, std::uint32_t begin, std::uint32_t end, bool space, float w) {
  Piece p;
  p.begin = begin;
  p.end = end;
  p.x = x_;
  p.w = w;
  p.space = space;
  if (style != nullptr && begin < style->entity.size()) {
    p.entity = style->entity[begin];
    p.quote = style->quote[begin];
    p.link = style->link[begin];
    p.flags = style->flags[begin];
  }
  const auto index = static_cast<std::int32_t>(pieces_.size());
  if (p.entity >= 0) {
    if (entity_first_piece_.size() <= static_cast<std::size_t>(p.entity)) entity_first_piece_.resize(p.entity + 1, -1);
    if (entity_first_piece_[p.entity] < 0) entity_first_piece_[p.entity] = index;
  }
  if (p.quote >= 0) {
    if (quote_first_piece_.size() <= static_cast<std::size_t>(p.quote)) quote_first_piece_.resize(p.quote + 1, -1);
    if (quote_first_piece_[p.quote] < 0) quote_first_piece_[p.quote] = index;
  }
  pieces_.push_back(p);
  piece_line_.push_back(static_cast<std::int32_t>(lines_.size()) - 1);
  lines_.back().end = static_cast<std::uint32_t>(pieces_.size());
  x_ += w;
  width_ = std::max(width_, x_);
}

void TextLayout::AddBlock(BlockKind kind, int field, std::string_view text, const FieldStyle* style, Span range,
                          ImFont* font, float size, float line_height, float width, float space_before) {
  range.end = std::min<std::uint32_t>(range.end, static_cast<std::uint32_t>(text.size()));
  if (style != nullptr && style->text.size() != text.size()) style = nullptr;
  Block block;
  block.text = text;
  block.kind = kind;
  block.field = field;
  block.font = font;
  block.size = size;
  block.top = height_ + (lines_.empty() ? 0.0f : space_before);
  height_ = block.top;
  block.first_line = static_cast<std::uint32_t>(lines_.size());
  blocks_.push_back(block);
  // NewLine() starts from the previous line's bottom; start this block at its own top instead.
  Line first;
  first.y = block.top;
  first.h = line_height;
  first.first = first.end = static_cast<std::uint32_t>(pieces_.size());
  first.block = static_cast<std::int32_t>(blocks_.size()) - 1;
  lines_.push_back(first);
  x_ = 0.0f;

  std::uint32_t pos = range.start;
  std::uint32_t pending_begin = 0, pending_end = 0;  // whitespace before the next word
  float pending_w = 0.0f;
  while (pos < range.end) {
    if (text[pos] == ' ') {
      std::uint32_t ws_end = pos;
      while (ws_end < range.end && text[ws_end] == ' ') ++ws_end;
      if (x_ > 0.0f) {
        pending_begin = pos;
        pending_end = ws_end;
        pending_w = Measure(font, size, text, pos, ws_end);
      }
      pos = ws_end;
      continue;
    }
    std::uint32_t word_end = pos;
    while (word_end < range.end && text[word_end] != ' ') ++word_end;
    // Style segments of the word: an entity can end inside a word ("Russia's").
    std::uint32_t seg_bounds[64];
    int seg_count = 0;
    seg_bounds[seg_count++] = pos;
    if (style != nullptr) {
      for (std::uint32_t i = pos + 1; i < word_end && seg_count < 63; ++i) {
        if (!SameStyle(*style, i - 1, i)) seg_bounds[seg_count++] = i;
      }
    }
    seg_bounds[seg_count] = word_end;
    float seg_w[64];
    float word_w = 0.0f;
    for (int s = 0; s < seg_count; ++s) {
      seg_w[s] = Measure(font, size, text, seg_bounds[s], seg_bounds[s + 1]);
      word_w += seg_w[s];
    }
    if (x_ > 0.0f && x_ + pending_w + word_w > width) {
      NewLine(line_height);
    } else if (x_ > 0.0f && pending_end > pending_begin) {
      Emit(style, pending_begin, pending_end, true, pending_w);
    }
    pending_begin = pending_end = 0;
    pending_w = 0.0f;
    if (x_ + word_w <= width) {
      for (int s = 0; s < seg_count; ++s) Emit(style, seg_bounds[s], seg_bounds[s + 1], false, seg_w[s]);
    } else {
      // A word wider than the line (a URL, a long compound): break it between characters.
      for (int s = 0; s < seg_count; ++s) {
        std::uint32_t piece_begin = seg_bounds[s];
        std::uint32_t i = piece_begin;
        float acc = 0.0f;
        while (i < seg_bounds[s + 1]) {
          unsigned int c = 0;
          const int len = ImTextCharFromUtf8(&c, text.data() + i, text.data() + seg_bounds[s + 1]);
          const std::uint32_t next = i + static_cast<std::uint32_t>(len > 0 ? len : 1);
          const float cw = Measure(font, size, text, i, next);
          if (x_ + acc + cw > width && x_ + acc > 0.0f) {
            if (i > piece_begin) Emit(style, piece_begin, i, false, acc);
            NewLine(line_height);
            piece_begin = i;
            acc = 0.0f;
          }
          acc += cw;
          i = next;
        }
        if (i > piece_begin) Emit(style, piece_begin, i, false, acc);
      }
    }
    pos = word_end;
  }
  Block& done = blocks_.back();
  done.end_line = static_cast<std::uint32_t>(lines_.size());
  done.bottom = lines_.back().y + lines_.back().h;
  height_ = done.bottom;
}

std::uint32_t TextLayout::FirstLineAtOrBelow(float y) const {
  auto it = std::partition_point(lines_.begin(), lines_.end(), [y](const Line& l) { return l.y + l.h <= y; });
  return static_cast<std::uint32_t>(it - lines_.begin());
}

const Piece* TextLayout::PieceAt(ImVec2 p, const Line** line_out) const {
  const std::uint32_t li = FirstLineAtOrBelow(p.y);
  if (li >= lines_.size()) return nullptr;
  const Line& line = lines_[li];
  if (p.y < line.y) return nullptr;
  for (std::uint32_t i = line.first; i < line.end; ++i) {
    const Piece& piece = pieces_[i];
    if (p.x >= piece.x && p.x < piece.x + piece.w) {
      if (line_out != nullptr) *line_out = &line;
      return &piece;
    }
  }
  return nullptr;
}

int TextLayout::EntityLine(int entity) const {
  if (entity < 0 || static_cast<std::size_t>(entity) >= entity_first_piece_.size()) return -1;
  const int p = entity_first_piece_[entity];
  return p < 0 ? -1 : piece_line_[p];
}

int TextLayout::QuoteLine(int quote) const {
  if (quote < 0 || static_cast<std::size_t>(quote) >= quote_first_piece_.size()) return -1;
  const int p = quote_first_piece_[quote];
  return p < 0 ? -1 : piece_line_[p];
}

namespace {
template <typename Member>
bool RunRect(const std::vector<Piece>& pieces, const std::vector<Line>& lines, const std::vector<std::int32_t>& line_of,
             int first, Member member, int value, ImVec2* min, ImVec2* max) {
  if (first < 0) return false;
  const Line& line = lines[line_of[first]];
  float x0 = pieces[first].x, x1 = pieces[first].x + pieces[first].w;
  for (std::uint32_t i = static_cast<std::uint32_t>(first) + 1; i < line.end && pieces[i].*member == value; ++i) {
    x1 = pieces[i].x + pieces[i].w;
  }
  *min = ImVec2(x0, line.y);
  *max = ImVec2(x1, line.y + line.h);
  return true;
}
}  // namespace

bool TextLayout::EntityRect(int entity, ImVec2* min, ImVec2* max) const {
  if (entity < 0 || static_cast<std::size_t>(entity) >= entity_first_piece_.size()) return false;
  return RunRect(pieces_, lines_, piece_line_, entity_first_piece_[entity], &Piece::entity, entity, min, max);
}

bool TextLayout::QuoteRect(int quote, ImVec2* min, ImVec2* max) const {
  if (quote < 0 || static_cast<std::size_t>(quote) >= quote_first_piece_.size()) return false;
  return RunRect(pieces_, lines_, piece_line_, quote_first_piece_[quote], &Piece::quote, quote, min, max);
}

}  // namespace internal
}  // namespace panel
}  // namespace gloss
