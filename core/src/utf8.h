// UTF-8 helpers: validation and UTF-8 byte -> UTF-16 code unit offset conversion.
#ifndef GLOSS_UTF8_H_
#define GLOSS_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gloss {

// Length of the valid UTF-8 sequence starting at text[pos], or 0 if the bytes there are not valid
// UTF-8 (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t utf8_sequence_length(std::string_view text, std::size_t pos);

// Offset of the first invalid byte, or text.size() when the whole text is valid UTF-8.
std::size_t find_invalid_utf8(std::string_view text);

// Decodes the code point at text[pos] (which must start a valid sequence of length `len`).
char32_t decode_utf8(std::string_view text, std::size_t pos, std::size_t len);

// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

// Maps UTF-8 byte offsets of one text to UTF-16 code-unit offsets: a valid sequence of 4 bytes counts
// 2 units, other valid sequences 1, and every invalid byte 1 (as U+FFFD). Keeps a checkpoint every
// kStride bytes, so a lookup scans at most kStride bytes and memory is size/kStride words.
class Utf16OffsetMap {
 public:
  explicit Utf16OffsetMap(std::string_view text);
  // `byte_offset` is clamped to the text size; an offset inside a sequence counts that sequence.
  std::uint32_t to_utf16(std::size_t byte_offset) const;

 private:
  static constexpr std::size_t kStride = 256;
  std::string_view text_;
  // checkpoint_[i]: UTF-16 offset of the first sequence starting at or after byte i * kStride, and
  // the byte where that sequence starts (a sequence may straddle a stride boundary).
  struct Checkpoint {
    std::uint32_t byte;
    std::uint32_t units;
  };
  std::vector<Checkpoint> checkpoints_;
  // Spans are mostly written in increasing order: the last answer lets the next lookup scan on from
  // there instead of from its checkpoint.
  mutable Checkpoint last_{0, 0};
};

// Maps UTF-8 byte offsets to code point offsets (as the W3C TextPositionSelector counts), same scheme.
std::size_t count_code_points(std::string_view text);

}  // namespace gloss

#endif  // GLOSS_UTF8_H_
