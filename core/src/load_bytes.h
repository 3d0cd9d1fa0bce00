// Short keys read as whole words: the tail of a key for the multiply-xorshift hashes of the lexicon
// (entities_lexicon.cpp) and of StringViewMap, and key equality after a hash match.
#ifndef GLOSS_LOAD_BYTES_H_
#define GLOSS_LOAD_BYTES_H_

#include <cstdint>
#include <cstring>

namespace gloss {

// The n < 8 bytes at p as a word: two overlapping 4-byte loads from 4 bytes up, else the first, middle
// and last bytes. Not the bytes in order, but a function of exactly them: a fixed number of loads where
// a byte loop cost a branch per byte (and a mispredicted exit per key). x86-64 and WASM load alike
// (little-endian), and no output depends on the hash values, only on equal keys hashing equally.
inline std::uint64_t load_tail(const char* p, std::size_t n) {
  if (n >= 4) {
    std::uint32_t head, tail;
    std::memcpy(&head, p, 4);
    std::memcpy(&tail, p + n - 4, 4);
    return head | (static_cast<std::uint64_t>(tail) << 32);
  }
  if (n == 0) return 0;
  const auto byte = [&](std::size_t k) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[k])); };
  return byte(0) | (byte(n / 2) << 8) | (byte(n - 1) << 16);
}

// The n (1..8) bytes at p in order as a little-endian word, zero above them (load_tail without its
// shortcut: WordClasses compares the packed words themselves). Overlapping loads shifted into place.
inline std::uint64_t load_in_order(const char* p, std::size_t n) {
  if (n >= 4) {
    std::uint32_t low, high;
    std::memcpy(&low, p, 4);
    std::memcpy(&high, p + n - 4, 4);  // bytes n-4 .. n-1: the ones above 3 shifted down into place
    return low | ((static_cast<std::uint64_t>(high) >> (8 * (8 - n))) << 32);
  }
  const auto byte = [&](std::size_t k) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[k])); };
  return byte(0) | (byte(n / 2) << (8 * (n / 2))) | (byte(n - 1) << (8 * (n - 1)));
}

// Whether the n bytes at a and b are equal: for a key that matched a hash tag, inline, where memcmp
// is a library call. Overlapping loads of fixed size stay within the n bytes.
inline bool same_bytes(const char* a, const char* b, std::size_t n) {
  if (n >= 8) {
    std::uint64_t x, y;
    for (std::size_t k = 0; k + 8 <= n; k += 8) {
      std::memcpy(&x, a + k, 8);
      std::memcpy(&y, b + k, 8);
      if (x != y) return false;
    }
    std::memcpy(&x, a + n - 8, 8);
    std::memcpy(&y, b + n - 8, 8);
    return x == y;
  }
  return load_tail(a, n) == load_tail(b, n);
}

}  // namespace gloss

#endif  // GLOSS_LOAD_BYTES_H_
