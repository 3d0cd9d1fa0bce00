#include "utf8.h"

#include <cstdint>
#include <cstring>

namespace gloss {

std::size_t utf8_sequence_length(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const std::size_t n = text.size();
  const unsigned char b0 = byte(pos);
  if (b0 < 0x80) return 1;
  if (b0 < 0xC2) return 0;  // continuation byte or overlong 2-byte lead
  const auto cont = [&](std::size_t i) { return i < n && (byte(i) & 0xC0) == 0x80; };
  if (b0 < 0xE0) return cont(pos + 1) ? 2 : 0;
  if (b0 < 0xF0) {
    if (!cont(pos + 1) || !cont(pos + 2)) return 0;
    const unsigned char b1 = byte(pos + 1);
    if (b0 == 0xE0 && b1 < 0xA0) return 0;   // overlong
    if (b0 == 0xED && b1 >= 0xA0) return 0;  // UTF-16 surrogate
    return 3;
  }
  if (b0 < 0xF5) {
    if (!cont(pos + 1) || !cont(pos + 2) || !cont(pos + 3)) return 0;
    const unsigned char b1 = byte(pos + 1);
    if (b0 == 0xF0 && b1 < 0x90) return 0;   // overlong
    if (b0 == 0xF4 && b1 >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

std::size_t find_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (i + 8 <= text.size()) {  // eight ASCII bytes at a time: none has its top bit set
      std::uint64_t chunk;
      std::memcpy(&chunk, text.data() + i, 8);
      if ((chunk & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = utf8_sequence_length(text, i);
    if (len == 0) return i;
    i += len;
  }
  return text.size();
}

char32_t decode_utf8(std::string_view text, std::size_t pos, std::size_t len) {
  const auto b = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(text[pos + i])); };
  switch (len) {
    case 1: return b(0);
    case 2: return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3: return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    default: return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  }
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

namespace {
// Length and UTF-16 width of the unit starting at `pos` (an invalid byte is a unit of width 1).
inline void step(std::string_view text, std::size_t pos, std::size_t& len, std::uint32_t& units) {
  if (static_cast<unsigned char>(text[pos]) < 0x80) {
    len = 1;
    units = 1;
    return;
  }
  len = utf8_sequence_length(text, pos);
  if (len == 0) len = 1;
  units = len == 4 ? 2 : 1;
}
// The end of the run of ASCII bytes from `pos`, looked at eight bytes at a time, stopping at `limit`
// (or a little before it: the caller finishes byte by byte). An ASCII byte is one UTF-16 unit.
std::size_t skip_ascii8(std::string_view text, std::size_t pos, std::size_t limit) {
  while (pos + 8 <= limit) {
    std::uint64_t chunk;
    std::memcpy(&chunk, text.data() + pos, 8);
    if (chunk & 0x8080808080808080ull) break;
    pos += 8;
  }
  return pos;
}
}  // namespace

Utf16OffsetMap::Utf16OffsetMap(std::string_view text) : text_(text) {
  checkpoints_.reserve(text.size() / kStride + 1);
  std::size_t pos = 0;
  std::uint32_t units = 0;
  for (std::size_t boundary = 0; boundary <= text.size(); boundary += kStride) {
    while (pos < boundary) {
      const std::size_t ascii_end = skip_ascii8(text, pos, boundary);
      units += static_cast<std::uint32_t>(ascii_end - pos);
      pos = ascii_end;
      if (pos >= boundary) break;
      std::size_t len;
      std::uint32_t w;
      step(text, pos, len, w);
      pos += len;
      units += w;
    }
    checkpoints_.push_back({static_cast<std::uint32_t>(pos), units});
  }
}

std::uint32_t Utf16OffsetMap::to_utf16(std::size_t byte_offset) const {
  if (byte_offset > text_.size()) byte_offset = text_.size();
  std::size_t index = byte_offset / kStride;
  // The checkpoint may sit past byte_offset when a sequence straddles the boundary: step back.
  while (index > 0 && checkpoints_[index].byte > byte_offset) --index;
  Checkpoint from = checkpoints_[index];
  if (last_.byte <= byte_offset && last_.byte > from.byte) from = last_;
  std::size_t pos = from.byte;
  std::uint32_t units = from.units;
  while (pos < byte_offset) {
    const std::size_t ascii_end = skip_ascii8(text_, pos, byte_offset);
    units += static_cast<std::uint32_t>(ascii_end - pos);
    pos = ascii_end;
    if (pos >= byte_offset) break;
    std::size_t len;
    std::uint32_t w;
    step(text_, pos, len, w);
    pos += len;
    units += w;
  }
  last_ = {static_cast<std::uint32_t>(pos), units};
  return units;
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) {
    std::size_t len;
    std::uint32_t w;
    step(text, i, len, w);
    i += len;
  }
  return count;
}

}  // namespace gloss
