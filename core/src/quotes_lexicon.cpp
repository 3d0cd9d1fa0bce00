#include "quotes_lexicon.h"

#include <algorithm>

#include "load_bytes.h"

namespace gloss {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::size_t CaseInsensitiveHash::operator()(std::string_view s) const {
  std::size_t h = 1469598103934665603ull & static_cast<std::size_t>(-1);  // FNV-1a
  for (char c : s) h = (h ^ static_cast<unsigned char>(lower(c))) * static_cast<std::size_t>(1099511628211ull);
  return h;
}

bool equals_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

bool CaseInsensitiveEqual::operator()(std::string_view a, std::string_view b) const {
  return equals_ignore_case(a, b);
}

const CueLexicon& CueLexicon::instance() {
  static const CueLexicon lexicon{std::string_view(kQuoteCuesData)};
  return lexicon;
}

CueLexicon::CueLexicon(std::string_view data) : storage_(data) {
  std::replace(storage_.begin(), storage_.end(), '_', ' ');
  const std::string_view all(storage_);
  std::size_t pos = 0;
  while (pos < all.size()) {
    std::size_t eol = all.find('\n', pos);
    if (eol == std::string_view::npos) eol = all.size();
    std::string_view line = trim_spaces(all.substr(pos, eol - pos));
    pos = eol + 1;
    if (line.size() < 3 || line[0] == '#' || line[1] != ' ') continue;
    const char tag = line[0];
    // Forms are separated by ' ' in the file and the words of one form by '_', which storage_ already
    // turned into ' ': split on the original bytes, keep views into storage_.
    const std::size_t line_off = static_cast<std::size_t>(line.data() - all.data());
    bool first_form = true;
    // A base form ("say") is the first of several forms; a line with one form has none ("quoted as saying").
    std::size_t form_count = 0;
    for (std::size_t q = 2; q < line.size(); ++q) {
      form_count += data[line_off + q] != ' ' && (q == 2 || data[line_off + q - 1] == ' ');
    }
    std::size_t i = 2;
    while (i < line.size()) {
      while (i < line.size() && data[line_off + i] == ' ') ++i;
      std::size_t j = i;
      while (j < line.size() && data[line_off + j] != ' ') ++j;  // '_' in the data keeps a form whole
      if (j > i) {
        const std::string_view form = line.substr(i, j - i);
        if (tag == 'S') {
          skip_.emplace(form, true);
        } else if (tag == 'N') {
          nouns_.emplace(form, true);
          const unsigned c = static_cast<unsigned char>(form[0]) | 0x20u;
          if (form.size() < 32 && c >= 'a' && c <= 'z') {
            noun_letters_[form.size()] |= 1u << (c - 'a');
          } else {
            nouns_unfiltered_ = true;  // a noun the (length, letter) test cannot describe: no test
          }
        } else {
          CueClass cls = CueClass::kReport;
          switch (tag) {
            case 'R': cls = CueClass::kReport; break;
            case 'C': cls = CueClass::kClausal; break;
            case 'T': cls = CueClass::kListener; break;
            case 'W': cls = CueClass::kThatOnly; break;
            case 'D': cls = CueClass::kDirectOnly; break;
            case 'A': cls = CueClass::kAccording; break;
            default: cls = CueClass::kDirectOnly; break;
          }
          Entry entry{{}, cls, first_form && tag != 'A' && form_count > 1};
          std::size_t w = form.find(' ');
          const std::string_view head = form.substr(0, w);
          while (w != std::string_view::npos) {
            const std::size_t next = form.find(' ', w + 1);
            entry.rest.push_back(form.substr(w + 1, next == std::string_view::npos ? next : next - w - 1));
            w = next;
          }
          // Longest first; among equal lengths in file order: after every entry at least as long (what
          // a stable sort after push_back gave, without a stable_sort instantiation: 1.5 KB gzip of WASM).
          auto& list = cues_[head];
          const auto at = std::find_if(list.begin(), list.end(),
                                       [&](const Entry& e) { return e.rest.size() < entry.rest.size(); });
          list.insert(at, std::move(entry));
          ++forms_;
        }
        const std::string_view head = form.substr(0, std::min(form.find(' '), form.size()));
        if (head.size() >= 2) {
          const std::size_t h = filter_hash(head);
          filter_[h >> 6] |= std::uint64_t{1} << (h & 63);
        }
        if (!form.empty() && form[0] >= 'a' && form[0] <= 'z') {
          const std::size_t len = std::min<std::size_t>(std::min(form.find(' '), form.size()), 31);
          first_letters_[len] |= 1u << (form[0] - 'a');
        }
        first_form = false;
      }
      i = j;
    }
  }
}

bool CueLexicon::quick_reject(std::string_view word) const {
  if (word.empty() || word.size() >= 32) return true;
  const char c = lower(word[0]);
  if (c < 'a' || c > 'z') return true;
  return (first_letters_[word.size()] & (1u << (c - 'a'))) == 0;
}

CueMatch CueLexicon::match(const std::string_view* words, int n) const {
  if (n <= 0 || quick_reject(words[0])) return {};
  const auto it = cues_.find(words[0]);
  if (it == cues_.end()) return {};
  return match_entries(&it->second, words, n);
}

CueMatch CueLexicon::match_entries(const void* entries, const std::string_view* words, int n) const {
  CueMatch none;
  if (!entries) return none;
  for (const Entry& e : *static_cast<const std::vector<Entry>*>(entries)) {  // longest first
    if (static_cast<int>(e.rest.size()) >= n) continue;
    bool ok = true;
    for (std::size_t k = 0; k < e.rest.size() && ok; ++k) ok = equals_ignore_case(words[k + 1], e.rest[k]);
    if (ok) return CueMatch{static_cast<int>(e.rest.size()) + 1, e.cls, e.base_form};
  }
  return none;
}

// [SECTION] Word classes

namespace {

struct ClassList {
  std::uint32_t cls;
  const char* words;  // space separated
};

// The finder's grammar words (the cue lexicon adds cue heads, skip words and statement nouns).
const ClassList kClassLists[] = {
    {kWcSubjectPronoun, "he she they it we i you"},
    {kWcPluralPronoun, "they we i you"},
    {kWcDeterminer, "the a an this that these those his her its their our my your some many several both all "
                    "most one two three four five another other each every no few senior top"},
    {kWcDefinite, "the this that these those his her its their our"},
    {kWcNpStop, "that which when if because but so than as to is was are were be been being has have had not "
                "also who whom where while after before since though although then there here would will could "
                "can should may might must do does did said says say against by into about over under between "
                "through during without within upon it him them me us"},
    {kWcNpPreposition, "of for at from in with"},
    {kWcConjunction, "and &"},
    {kWcBe, "is was are were be been being am get got gets"},
    {kWcModal, "will would could can may might should must did do does to not never"},
    {kWcTime, "monday tuesday wednesday thursday friday saturday sunday on last this next week weekend month "
              "year night morning afternoon evening earlier later january february march april may june july "
              "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec"},
    {kWcTitleAbbrev, "mr mrs ms dr prof gen sen rep gov lt col capt sgt st jr sr rev u.s u.k u.n adm maj cmdr pres"},
    {kWcClauseOpener, "and but so yet however meanwhile still instead separately also now then thus moreover "
                      "further furthermore"},
    {kWcPeopleNoun, "police staff people military army government media press management clergy personnel "
                    "crew prosecution defence defense"},
    {kWcNameParticle, "of de al bin van von da du la le del der"},
    {kWcTimeLead, "on last this next"},
    {kWcWeekday, "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight"},
    {kWcNotSpeakerStart, "of for at from in with on by after before during under over as if when while because "
                         "but and or so there here that what which who asked speaking writing responding "
                         "referring commenting addressing asked answering"},
};

}  // namespace

const WordClasses& WordClasses::instance() {
  static const WordClasses classes;
  return classes;
}

namespace {
// Lower-cases the ASCII letters of the eight bytes in x; false when a byte is not ASCII.
bool fold_ascii_lower(std::uint64_t& x) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  if (x & kHigh) return false;
  // Set 0x20 in every byte in 'A'..'Z' (bytes are < 0x80 here, so the additions do not carry).
  const std::uint64_t ge_a = x + 0x3F3F3F3F3F3F3F3Full;  // high bit set when byte >= 'A'
  const std::uint64_t gt_z = x + 0x2525252525252525ull;  // high bit set when byte > 'Z'
  x |= ((ge_a & ~gt_z) & kHigh) >> 2;
  return true;
}
}  // namespace

bool WordClasses::pack(std::string_view w, std::uint64_t& a, std::uint64_t& b) {
  const std::size_t n = w.size();
  if (n == 0 || n > 16) return false;
  // The bytes in order as two little-endian words, zero above the word's end, from a fixed number of
  // loads that stay inside the word (overlapping ones shifted into place), not a loop over its bytes.
  a = load_in_order(w.data(), n < 8 ? n : 8);
  b = n > 8 ? load_in_order(w.data() + 8, n - 8) : 0;
  return fold_ascii_lower(a) && fold_ascii_lower(b);
}

namespace {
std::size_t slot_of(std::uint64_t a, std::uint64_t b, std::size_t mask) {
  std::uint64_t h = a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull) * 0xC2B2AE3D27D4EB4Full;
  h ^= h >> 29;
  return static_cast<std::size_t>(h) & mask;
}
}  // namespace

void WordClasses::add(std::string_view word, std::uint32_t cls, const void* cues) {
  std::uint64_t a, b;
  if (!pack(word, a, b)) return;
  for (std::size_t i = slot_of(a, b, kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
    Slot& s = slots_[i];
    if (!s.used) {
      s = Slot{a, b, cls, true, cues};
      return;
    }
    if (s.a == a && s.b == b) {
      s.cls |= cls;
      if (cues) s.cues = cues;
      return;
    }
  }
}

WordClasses::WordClasses() : slots_(kSlots) {
  for (const ClassList& list : kClassLists) {
    std::string_view words(list.words);
    while (!words.empty()) {
      const std::size_t sp = words.find(' ');
      add(words.substr(0, sp), list.cls);
      if (sp == std::string_view::npos) break;
      words.remove_prefix(sp + 1);
    }
  }
  CueLexicon::instance().for_each_word(
      [this](std::string_view w, std::uint32_t cls, const void* cues) { add(w, cls, cues); });
}

std::uint32_t WordClasses::lookup(std::string_view word, const void** cues) const {
  if (cues) *cues = nullptr;
  std::uint64_t a, b;
  if (!pack(word, a, b)) return 0;
  for (std::size_t i = slot_of(a, b, kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
    const Slot& s = slots_[i];
    if (!s.used) return 0;
    if (s.a == a && s.b == b) {
      if (cues) *cues = s.cues;
      return s.cls;
    }
  }
}

}  // namespace gloss
