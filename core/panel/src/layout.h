// Rich-text layout for the panel: styled text fields word-wrapped into lines of pieces.
//
// Why our own layout and not ImGui::TextWrapped: each piece of text carries the entity, quotation,
// speaker or cue it belongs to, so the same structure serves drawing (backgrounds under exact glyph
// extents), hit-testing (mouse to entity) and jumping (entity to line). It is computed once per
// (document, width, zoom, filter) and drawn by binary-searching the visible lines.
#ifndef GLOSS_PANEL_LAYOUT_H_
#define GLOSS_PANEL_LAYOUT_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "gloss/gloss.h"
#include "imgui.h"

namespace gloss {
namespace panel {
namespace internal {

// Per-byte styling of one text field: what each byte belongs to (-1: nothing).
struct FieldStyle {
  std::string text;                 // the field's text with control bytes turned into spaces
  std::vector<std::int32_t> entity;  // index into Document::entities
  std::vector<std::int32_t> quote;   // quotation whose span covers the byte
  std::vector<std::int32_t> link;    // quotation whose speaker or cue this byte is
  std::vector<std::uint8_t> flags;   // kFlag* below
};
constexpr std::uint8_t kFlagSpeaker = 1;
constexpr std::uint8_t kFlagCue = 2;
constexpr std::uint8_t kFlagCaption = 4;
constexpr std::uint8_t kFlagQuoteContent = 8;

// Builds the styling of every field of `doc`; entities whose type bit is in `hidden_types` are left out.
std::vector<FieldStyle> BuildFieldStyles(const Document& doc, std::uint32_t hidden_types);

enum class BlockKind : std::uint8_t { kHeadline, kMeta, kParagraph, kRelated, kNote };

struct Piece {
  std::uint32_t begin = 0, end = 0;  // bytes of the block's text
  float x = 0.0f, w = 0.0f;          // relative to the layout's left edge
  std::int32_t entity = -1, quote = -1, link = -1;
  std::uint8_t flags = 0;
  bool space = false;
};

struct Line {
  float y = 0.0f, h = 0.0f;  // top and height, relative to the layout's top
  std::uint32_t first = 0, end = 0;  // pieces
  std::int32_t block = 0;
};

struct Block {
  std::string_view text;
  BlockKind kind = BlockKind::kParagraph;
  int field = -1;  // Document::fields index, or -1 for text the panel made (meta line, notes)
  ImFont* font = nullptr;
  float size = 0.0f;
  std::uint32_t first_line = 0, end_line = 0;
  float top = 0.0f, bottom = 0.0f;
  float embolden = 0.0f;  // > 0: drawn twice, this many pixels apart (a bold look from a regular face)
};

class TextLayout {
 public:
  void Clear();
  // Appends `range` of `text` (styled by `style` when given, which must outlive the layout) as one block,
  // wrapped to `width` pixels starting `space_before` pixels under the previous block.
  void AddBlock(BlockKind kind, int field, std::string_view text, const FieldStyle* style, Span range,
                ImFont* font, float size, float line_height, float width, float space_before);
  // Keeps a copy of `text` alive as long as the layout (for blocks of panel-made text).
  std::string_view Own(std::string text);
  // Adds vertical space at the end.
  void AddSpace(float h) { height_ += h; }
  // Draws the last block added with a faux-bold offset of `px` pixels.
  void EmboldenLastBlock(float px) {
    if (!blocks_.empty()) blocks_.back().embolden = px;
  }

  // Index of the line at or after `y` (relative), for drawing from the first visible line.
  std::uint32_t FirstLineAtOrBelow(float y) const;
  // The piece at relative point `p`, or null.
  const Piece* PieceAt(ImVec2 p, const Line** line = nullptr) const;
  // First piece (and its line) of entity / quotation `index` in field `field`, or -1.
  int EntityLine(int entity) const;
  int QuoteLine(int quote) const;
  bool EntityRect(int entity, ImVec2* min, ImVec2* max) const;
  bool QuoteRect(int quote, ImVec2* min, ImVec2* max) const;

  const std::vector<Block>& blocks() const { return blocks_; }
  const std::vector<Line>& lines() const { return lines_; }
  const std::vector<Piece>& pieces() const { return pieces_; }
  float height() const { return height_; }
  float width() const { return width_; }

 private:
  void NewLine(float line_height);
  void Emit(const FieldStyle* style, std::uint32_t begin, std::uint32_t end, bool space, float w);

  std::vector<Block> blocks_;
  std::vector<Line> lines_;
  std::vector<Piece> pieces_;
  std::deque<std::string> owned_;
  std::vector<std::int32_t> entity_first_piece_, quote_first_piece_;
  std::vector<std::int32_t> piece_line_;
  float height_ = 0.0f;
  float width_ = 0.0f;
  float x_ = 0.0f;
};

}  // namespace internal
}  // namespace panel
}  // namespace gloss

#endif  // GLOSS_PANEL_LAYOUT_H_
