// A hash map from std::string_view to V for the recogniser's per-document tables (known names,
// surnames, mention groups). Open addressing with linear probing: no allocation per key, and a cleared
// map keeps its storage for the next document. Keys are views; the caller keeps their bytes alive.
// There is no iteration, so the hash (and the platform) never shows in any output.
#ifndef GLOSS_STRING_VIEW_MAP_H_
#define GLOSS_STRING_VIEW_MAP_H_

#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "load_bytes.h"

namespace gloss {

template <typename V>
class StringViewMap {
 public:
  bool empty() const { return used_.empty(); }
  std::size_t size() const { return used_.size(); }

  // Empties the map; the slot array is kept (an insertion overwrites a slot's value with a new one).
  void clear() {
    for (std::uint32_t s : used_) slots_[s].used = false;
    used_.clear();
  }

  // The value of `key`, or nullptr. Pointers stay valid until the next try_emplace (which may grow the
  // table even when the key is present).
  const V* find(std::string_view key) const {
    if (used_.empty()) return nullptr;
    const std::uint32_t h = hash(key);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (!s.used) return nullptr;
      if (s.hash == h && s.key == key) return &s.value;
    }
  }

  // Inserts `key` with `value` unless present. Returns the stored value and whether it was inserted.
  std::pair<V*, bool> try_emplace(std::string_view key, V value = V()) {
    if ((used_.size() + 1) * 2 > slots_.size()) grow();
    const std::uint32_t h = hash(key);
    std::size_t i = h & mask_;
    for (; slots_[i].used; i = (i + 1) & mask_) {
      if (slots_[i].hash == h && slots_[i].key == key) return {&slots_[i].value, false};
    }
    Slot& s = slots_[i];
    s.key = key;
    s.hash = h;
    s.used = true;
    s.value = std::move(value);
    used_.push_back(static_cast<std::uint32_t>(i));
    return {&s.value, true};
  }

 private:
  struct Slot {
    std::string_view key;
    std::uint32_t hash = 0;
    bool used = false;
    V value{};
  };

  // Multiply-xorshift over 8-byte little-endian words.
  static std::uint32_t hash(std::string_view s) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    std::size_t n = s.size();
    const char* p = s.data();
    for (; n >= 8; p += 8, n -= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
      h ^= h >> 31;
    }
    h = (h ^ load_tail(p, n)) * 0x94D049BB133111EBull;  // the last 0..7 bytes
    return static_cast<std::uint32_t>(h ^ (h >> 32));
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot());
    mask_ = slots_.size() - 1;
    std::vector<std::uint32_t> old_used = std::move(used_);
    used_.clear();
    used_.reserve(slots_.size() / 2);
    for (std::uint32_t o : old_used) {
      Slot& from = old[o];
      std::size_t i = from.hash & mask_;
      while (slots_[i].used) i = (i + 1) & mask_;
      slots_[i] = std::move(from);
      used_.push_back(static_cast<std::uint32_t>(i));
    }
  }

  std::vector<Slot> slots_;          // a power of two, at most half full
  std::vector<std::uint32_t> used_;  // indexes of the used slots, in insertion order
  std::size_t mask_ = 0;
};

}  // namespace gloss

#endif  // GLOSS_STRING_VIEW_MAP_H_
