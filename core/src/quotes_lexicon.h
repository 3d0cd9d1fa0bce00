// The quotation finder's word lists: speech cues ("said", "told reporters", "according to"), the
// words allowed between a speaker and its cue, and the nouns that stand for a statement. The data is
// core/data/quote_cues.txt, compiled in as kQuoteCuesData (see core/quote_cues.cmake).
#ifndef GLOSS_QUOTES_LEXICON_H_
#define GLOSS_QUOTES_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gloss {

extern const char kQuoteCuesData[];

enum class CueClass : std::uint8_t {
  kReport,      // R: any reported clause may follow ("Kremlin says reclusive leader ...")
  kClausal,     // C: a marked clause must follow ("insisted that ...", "added it ...")
  kListener,    // T: a listener may come first ("told reporters that ...", "warned the US against ...")
  kDirectOnly,  // D: attributes direct quotes only ("whispered", "cried")
  kAccording,   // A: the speaker follows ("according to X")
};

struct CueMatch {
  CueClass cls = CueClass::kReport;
  int words = 0;           // how many words the cue spans (0: no cue here)
  bool base_form = false;  // "say" rather than "says"/"said": needs a plural subject or an auxiliary
};

// Case-insensitive ASCII hash and equality, so lookups need no lower-cased copy of the text.
struct CaseInsensitiveHash {
  std::size_t operator()(std::string_view s) const;
};
struct CaseInsensitiveEqual {
  bool operator()(std::string_view a, std::string_view b) const;
};
bool equals_ignore_case(std::string_view a, std::string_view b);

class CueLexicon {
 public:
  // The lexicon parsed from kQuoteCuesData (built once, on first use).
  static const CueLexicon& instance();
  explicit CueLexicon(std::string_view data);

  // The longest cue starting at words[0]; words[1..n) are the words that follow (case-insensitive).
  CueMatch match(const std::string_view* words, int n) const;
  bool is_skip_word(std::string_view word) const { return quick_reject(word) ? false : skip_.count(word) > 0; }
  bool is_statement_noun(std::string_view word) const { return nouns_.count(word) > 0; }
  std::size_t form_count() const { return forms_; }  // for tests: how many cue forms were read

 private:
  struct Entry {
    std::vector<std::string_view> rest;  // words after the first, lower case
    CueClass cls;
    bool base_form;
  };
  bool quick_reject(std::string_view word) const;

  std::string storage_;  // the data with '_' turned into ' ': entries point into it
  std::unordered_map<std::string_view, std::vector<Entry>, CaseInsensitiveHash, CaseInsensitiveEqual> cues_;
  std::unordered_map<std::string_view, bool, CaseInsensitiveHash, CaseInsensitiveEqual> skip_, nouns_;
  std::uint32_t first_letters_[32] = {};  // by word length (<32): bit (c - 'a') set if a cue/skip word starts so
  std::size_t forms_ = 0;
};

}  // namespace gloss

#endif  // GLOSS_QUOTES_LEXICON_H_
