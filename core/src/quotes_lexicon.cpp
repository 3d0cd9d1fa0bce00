#include "quotes_lexicon.h"

#include <algorithm>

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
        } else {
          CueClass cls = CueClass::kReport;
          switch (tag) {
            case 'R': cls = CueClass::kReport; break;
            case 'C': cls = CueClass::kClausal; break;
            case 'T': cls = CueClass::kListener; break;
            case 'D': cls = CueClass::kDirectOnly; break;
            case 'A': cls = CueClass::kAccording; break;
            default: cls = CueClass::kDirectOnly; break;
          }
          Entry entry{{}, cls, first_form && tag != 'A'};
          std::size_t w = form.find(' ');
          const std::string_view head = form.substr(0, w);
          while (w != std::string_view::npos) {
            const std::size_t next = form.find(' ', w + 1);
            entry.rest.push_back(form.substr(w + 1, next == std::string_view::npos ? next : next - w - 1));
            w = next;
          }
          auto& list = cues_[head];
          list.push_back(std::move(entry));
          std::stable_sort(list.begin(), list.end(),
                           [](const Entry& a, const Entry& b) { return a.rest.size() > b.rest.size(); });
          ++forms_;
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
  CueMatch none;
  if (n <= 0 || quick_reject(words[0])) return none;
  const auto it = cues_.find(words[0]);
  if (it == cues_.end()) return none;
  for (const Entry& e : it->second) {  // longest first
    if (static_cast<int>(e.rest.size()) >= n) continue;
    bool ok = true;
    for (std::size_t k = 0; k < e.rest.size() && ok; ++k) ok = equals_ignore_case(words[k + 1], e.rest[k]);
    if (ok) return CueMatch{e.cls, static_cast<int>(e.rest.size()) + 1, e.base_form};
  }
  return none;
}

}  // namespace gloss
