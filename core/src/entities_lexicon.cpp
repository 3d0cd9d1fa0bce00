#include "entities_lexicon.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>

#include "load_bytes.h"

namespace gloss {

extern const unsigned char kLexiconData[];
extern const std::size_t kLexiconSize;

namespace {

// A multiply-xorshift hash over 8-byte words (little-endian loads): fast on short keys and the same on
// every platform we build for (x86-64 and WASM are both little-endian).
inline std::uint64_t hash_bytes(std::string_view s) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
  const char* p = s.data();
  std::size_t n = s.size();
  while (n >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
    p += 8;
    n -= 8;
  }
  h = (h ^ load_tail(p, n)) * 0x94D049BB133111EBull;  // the last 0..7 bytes
  h ^= h >> 29;
  return h;
}

// The first eight bytes of s, or a function of exactly its bytes when it is shorter (load_tail): equal
// heads of two keys of one length up to eight are equal keys.
inline std::uint64_t load_head(std::string_view s) {
  if (s.size() < 8) return load_tail(s.data(), s.size());
  std::uint64_t w;
  std::memcpy(&w, s.data(), 8);
  return w;
}

struct CueName {
  const char* name;
  std::uint32_t flag;
};
constexpr CueName kCueNames[] = {
    {"title", kLexTitle},         {"honorific", kLexHonorific}, {"orgsuf", kLexOrgSuf},
    {"orgpre", kLexOrgPre},       {"locsuf", kLexLocSuf},       {"locpre", kLexLocPre},
    {"facsuf", kLexFacSuf},       {"gpesuf", kLexGpeSuf},       {"eventsuf", kLexEventSuf},
    {"eventpre", kLexEventPre},   {"speech", kLexSpeech},       {"locprep", kLexLocPrep},
    {"particle", kLexParticle},   {"numword", kLexNumWord},     {"product", kLexProduct},
    {"minadj", kLexMinAdj},       {"minhead", kLexMinHead},     {"compass", kLexCompass},
    {"nonname", kLexNonName},     {"timeword", kLexTimeWord},   {"relday", kLexRelDay},
    {"orgcue", kLexOrgCue},       {"currency", kLexCurrency},      {"multistart", kLexMultiStart}, {"sport", kLexSport},
    {"orgfirst", kLexOrgFirst},
};

int type_from_name(std::string_view t) {
  for (int i = 0; i < kEntityTypeCount; ++i) {
    if (t == to_string(static_cast<EntityType>(i))) return i;
  }
  return -1;
}

// Splits off the next `sep`-terminated piece of `s`.
std::string_view next_piece(std::string_view& s, char sep) {
  const std::size_t p = s.find(sep);
  std::string_view piece = s.substr(0, p);
  s.remove_prefix(p == std::string_view::npos ? s.size() : p + 1);
  return piece;
}

void apply_cue(LexEntry& e, std::string_view cue) {
  for (const CueName& c : kCueNames) {
    if (cue == c.name) {
      e.flags |= c.flag;
      return;
    }
  }
  const auto number_after = [&](std::string_view prefix) {
    return static_cast<std::uint8_t>(std::atoi(std::string(cue.substr(prefix.size())).c_str()));
  };
  if (cue.rfind("monthabbr", 0) == 0) {
    e.flags |= kLexMonthAbbr;
    e.month = number_after("monthabbr");
  } else if (cue.rfind("month", 0) == 0) {
    e.flags |= kLexMonth;
    e.month = number_after("month");
  } else if (cue.rfind("weekday", 0) == 0) {
    e.flags |= kLexWeekday;
    e.weekday = number_after("weekday");
  }
}

}  // namespace

const Lexicon& Lexicon::get() {
  static const Lexicon lexicon;
  return lexicon;
}

std::size_t Lexicon::data_bytes() const { return kLexiconSize; }

std::size_t Lexicon::word_count() const {
  std::size_t n = 0;
  for (std::uint64_t s : word_slots_) n += s != 0;
  return n;
}

namespace {

// One inflection rule of the word list ("y>ies", "+>ing"; see core/data/build_lexicon.py).
struct SuffixRule {
  std::string_view strip;
  std::string_view add;
  bool double_last = false;
};

std::vector<SuffixRule> parse_suffix_rules(std::string_view line) {
  std::vector<SuffixRule> rules;
  while (!line.empty()) {
    std::string_view r = next_piece(line, ' ');
    SuffixRule rule;
    if (!r.empty() && r[0] == '+') {
      rule.double_last = true;
      r.remove_prefix(1);
    }
    rule.strip = next_piece(r, '>');
    rule.add = r;
    rules.push_back(rule);
  }
  return rules;
}

// Appends `stem` inflected by `rule` to `out`; false (and nothing appended) when the rule does not apply.
bool append_inflected(std::string& out, std::string_view stem, const SuffixRule& rule) {
  if (stem.size() < rule.strip.size() || stem.substr(stem.size() - rule.strip.size()) != rule.strip) return false;
  stem.remove_suffix(rule.strip.size());
  if (rule.double_last && (stem.empty() || std::string_view("aeiouwxy").find(stem.back()) != std::string_view::npos)) {
    return false;
  }
  out += stem;
  if (rule.double_last) out += stem.back();
  out += rule.add;
  return true;
}

// Undoes build_lexicon.py's front_code() on whole lines of `coded`, appending them to `out`: a line that is
// not a header ("@" section, "%" group) starts with 'A' + n, n the number of leading bytes (at most 57) it
// shares with the line before in its section.
void append_front_decoded(std::string_view coded, std::string& out) {
  std::size_t previous_at = 0;
  std::size_t previous_size = 0;  // 0 after a header
  while (!coded.empty()) {
    const std::string_view line = next_piece(coded, '\n');
    const std::size_t at = out.size();
    if (line.empty() || line[0] == '@' || line[0] == '%') {
      out += line;
      out += '\n';
      previous_size = 0;
      continue;
    }
    const unsigned char lead = static_cast<unsigned char>(line[0]);
    std::size_t shared = lead >= 'A' ? std::min<std::size_t>(lead - 'A', previous_size) : 0;
    char prefix[64];  // copied out first: appending a piece of `out` to itself may reallocate under it
    shared = std::min(shared, sizeof prefix);
    std::memcpy(prefix, out.data() + previous_at, shared);
    out.append(prefix, shared);
    out.append(line.substr(1));
    out += '\n';
    previous_at = at;
    previous_size = out.size() - 1 - at;
  }
}

int rule_index(char letter) {
  if (letter >= 'A' && letter <= 'Z') return letter - 'A';
  if (letter >= 'a' && letter <= 'z') return 26 + letter - 'a';
  return -1;
}

}  // namespace

// Expands the stems of the @words section into words_ (one '\n'-terminated word after another).
void Lexicon::load_words(std::string_view suffixes_line, std::string_view stems) {
  const std::vector<SuffixRule> rules = parse_suffix_rules(suffixes_line);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;  // offset, length into words_
  words_.reserve(stems.size() * 2);
  while (!stems.empty()) {
    std::string_view line = next_piece(stems, '\n');
    const std::string_view stem = next_piece(line, '\t');
    if (stem.empty()) continue;
    spans.emplace_back(static_cast<std::uint32_t>(words_.size()), static_cast<std::uint32_t>(stem.size()));
    words_ += stem;
    words_ += '\n';
    for (char letter : line) {
      const int r = rule_index(letter);
      if (r < 0 || r >= static_cast<int>(rules.size())) continue;
      const std::size_t at = words_.size();
      if (append_inflected(words_, stem, rules[r])) {
        spans.emplace_back(static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(words_.size() - at));
        words_ += '\n';
      }
    }
  }
  std::size_t cap = 1;
  while (cap < spans.size() * 2) cap <<= 1;
  word_slots_.assign(cap, 0);
  word_mask_ = cap - 1;
  for (const auto& [offset, length] : spans) {
    if (length == 0 || length >= 256) continue;
    const std::uint64_t h = hash_bytes(std::string_view(words_.data() + offset, length));
    std::uint64_t i = h & word_mask_;
    while (word_slots_[i] != 0) i = (i + 1) & word_mask_;
    word_slots_[i] = (h >> 40 << 40) | (static_cast<std::uint64_t>(length) << 32) | (offset + 1);
  }
}

Lexicon::Lexicon() {
  const auto t0 = std::chrono::steady_clock::now();
  std::string_view data(reinterpret_cast<const char*>(kLexiconData), kLexiconSize);
  // The word list (most of the table) goes to a compact set; everything else to entries_.
  const std::size_t suffixes_at = data.find("\n@suffixes ");
  const std::size_t words_at = data.find("\n@words\n");
  const std::size_t names_at = data.find("\n@first\n");
  if (suffixes_at < words_at && words_at != std::string_view::npos && names_at != std::string_view::npos &&
      words_at < names_at) {
    const std::string_view coded_stems = data.substr(words_at + 8, names_at + 1 - (words_at + 8));
    std::string stems;
    stems.reserve(coded_stems.size() * 2);
    append_front_decoded(coded_stems, stems);
    load_words(data.substr(suffixes_at + 11, words_at - (suffixes_at + 11)), stems);
    data.remove_prefix(names_at + 1);
  }
  // The entries keep views into table_: decoded whole before any is taken, never changed after.
  table_.reserve(data.size() * 2);
  append_front_decoded(data, table_);
  data = table_;
  std::size_t lines = 0;
  for (char c : data) lines += c == '\n';
  entries_.reserve(lines);
  // Every line is at most one key, and the loader adds at most one more per line (the first word of a
  // multi-word name): the table never fills past two thirds, so a probe for a missing key always ends.
  std::size_t cap = 1;
  while (cap < lines * 3) cap <<= 1;
  slots_.assign(cap, Slot());
  mask_ = cap - 1;

  std::uint32_t section_flag = 0;
  bool entries_section = false;
  const LexOrigin* origin = nullptr;  // of the current @entries section
  std::int8_t group_type = -1;      // of the current "%" group
  std::string_view group_link;
  while (!data.empty()) {
    std::string_view line = next_piece(data, '\n');
    if (line.empty()) continue;
    if (line[0] == '@') {
      entries_section = line.rfind("@entries", 0) == 0;
      origin = nullptr;
      if (entries_section) {
        const std::string_view name = line.size() > 9 ? line.substr(9) : std::string_view();
        const std::string_view separator = name.empty() ? "" : ":";
        origins_.push_back({std::string(name), std::string("lexicon").append(separator).append(name),
                            std::string("lexicon:lower-case-head").append(separator).append(name)});
        origin = &origins_.back();
      }
      group_type = -1;
      group_link = {};
      section_flag = 0;
      if (line == "@first") section_flag = kLexFirst;
      if (line == "@surname") section_flag = kLexSurname;
      continue;
    }
    if (!entries_section) {
      if (section_flag) insert(line).flags |= section_flag;
      continue;
    }
    if (line[0] == '%') {
      line.remove_prefix(1);
      const std::string_view type = next_piece(line, '\t');
      group_type = type.empty() ? -1 : static_cast<std::int8_t>(type_from_name(type));
      group_link = line;
      continue;
    }
    const std::string_view key = next_piece(line, '\t');
    LexEntry& e = insert(key);
    if (is_word(key)) e.flags |= kLexWord;
    if (group_type >= 0) {
      e.type = group_type;
      e.origin = origin;
    }
    e.link = group_link;
    e.canonical = next_piece(line, '\t');
    std::string_view cues = line;
    while (!cues.empty()) apply_cue(e, next_piece(cues, ','));
  }
  // The first word of every typed multi-word name, so the recogniser only tries long lookups where one may
  // match ("New" of "New Zealand").
  std::vector<std::string_view> first_words;
  for (const LexEntry& e : entries_) {
    const std::size_t space = e.key.find(' ');
    if (e.has_type() && space != std::string_view::npos) first_words.push_back(e.key.substr(0, space));
  }
  for (std::string_view w : first_words) {
    LexEntry& e = insert(w);
    if (is_word(w)) e.flags |= kLexWord;
    e.flags |= kLexMultiStart;
  }
  load_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// The tag and the head skip most key comparisons.
LexEntry& Lexicon::insert(std::string_view key) {
  const std::uint64_t h = hash_bytes(key);
  const std::uint32_t tag = static_cast<std::uint32_t>(h >> 32);
  const std::uint64_t head = load_head(key);
  std::uint64_t i = h & mask_;
  while (slots_[i].index != 0) {
    if (slots_[i].tag == tag && slots_[i].head == head) {
      LexEntry& e = entries_[slots_[i].index - 1];
      if (e.key == key) return e;
    }
    i = (i + 1) & mask_;
  }
  entries_.emplace_back();
  entries_.back().key = key;
  slots_[i] = Slot{tag, static_cast<std::uint32_t>(entries_.size()), head};
  return entries_.back();
}

const LexEntry* Lexicon::find(std::string_view key) const {
  if (key.empty()) return nullptr;
  const std::uint64_t h = hash_bytes(key);
  const std::uint32_t tag = static_cast<std::uint32_t>(h >> 32);
  const std::uint64_t head = load_head(key);
  std::uint64_t i = h & mask_;
  while (slots_[i].index != 0) {
    const Slot& s = slots_[i];
    if (s.tag == tag && s.head == head) {
      // Equal heads and lengths: equal keys up to eight bytes; a longer key compares its other bytes.
      const LexEntry& e = entries_[s.index - 1];
      if (e.key.size() == key.size() &&
          (key.size() <= 8 || same_bytes(e.key.data() + 8, key.data() + 8, key.size() - 8))) {
        return &e;
      }
    }
    i = (i + 1) & mask_;
  }
  return nullptr;
}

bool Lexicon::is_word_lower(std::string_view token) const {
  char buf[48];
  if (token.size() > sizeof buf) return false;
  for (std::size_t i = 0; i < token.size(); ++i) {
    const char c = token[i];
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return is_word(std::string_view(buf, token.size()));
}

bool Lexicon::is_word(std::string_view key) const {
  if (word_slots_.empty() || key.empty() || key.size() >= 256) return false;
  const std::uint64_t h = hash_bytes(key);
  const std::uint64_t tag = (h >> 40 << 40) | (static_cast<std::uint64_t>(key.size()) << 32);
  const char* base = words_.data();
  for (std::uint64_t i = h & word_mask_; word_slots_[i] != 0; i = (i + 1) & word_mask_) {
    const std::uint64_t slot = word_slots_[i];
    if ((slot & ~0xFFFFFFFFull) == tag && same_bytes(base + (slot & 0xFFFFFFFFull) - 1, key.data(), key.size())) {
      return true;
    }
  }
  return false;
}

}  // namespace gloss
