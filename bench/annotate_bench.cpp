// gloss_bench: how fast is the whole annotate pipeline (parse, entities, quotes) on one core?
//
// Builds a mixed corpus of several MB from the project's own articles (tests/golden/*.txt and
// bench/corpus/*.txt, repeated in a fixed shuffled order), warms up, then times annotate() over every
// article, N runs, and prints the median MB/s. Also prints the entity lexicon's one-time load time and
// its size, and the throughput with JSON serialisation included.
//
//   gloss_bench [--mb N] [--runs N]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <cstring>
#include <dirent.h>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "entities_lexicon.h"
#include "gloss/gloss.h"

namespace {

std::vector<std::string> read_dir(const std::string& dir) {
  std::vector<std::string> names, out;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      const std::string n = e->d_name;
      if (n.size() > 4 && n.compare(n.size() - 4, 4, ".txt") == 0) names.push_back(n);
    }
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  for (const std::string& n : names) {
    std::ifstream in(dir + "/" + n, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    out.push_back(ss.str());
  }
  return out;
}

// CPU time of this process: the machine may be shared, so wall time alone would measure the neighbours.
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

}  // namespace

int main(int argc, char** argv) {
  double target_mb = 8;
  int runs = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--mb")) target_mb = std::atof(argv[i + 1]);
    if (!std::strcmp(argv[i], "--runs")) runs = std::atoi(argv[i + 1]);
  }

  // Lexicon load, timed on its own (the first call builds it).
  const double t_load = cpu_seconds();
  const gloss::Lexicon& lex = gloss::Lexicon::get();
  const double load_cpu_ms = (cpu_seconds() - t_load) * 1000;

  std::vector<std::string> base = read_dir(GLOSS_SOURCE_DIR "/tests/golden");
  for (std::string& s : read_dir(GLOSS_SOURCE_DIR "/bench/corpus")) base.push_back(std::move(s));
  if (base.empty()) {
    std::fprintf(stderr, "gloss_bench: no articles found\n");
    return 1;
  }
  std::vector<const std::string*> corpus;
  std::size_t bytes = 0;
  std::mt19937 rng(42);
  while (bytes < target_mb * 1e6) {
    std::vector<const std::string*> round;
    for (const std::string& s : base) round.push_back(&s);
    std::shuffle(round.begin(), round.end(), rng);
    for (const std::string* s : round) {
      corpus.push_back(s);
      bytes += s->size();
    }
  }

  std::size_t entities = 0, quotes = 0;
  for (const std::string* s : corpus) {  // warm-up
    const gloss::AnnotateResult r = gloss::annotate(*s);
    entities += r.document().entities.size();
    quotes += r.document().quotes.size();
  }
  std::vector<double> mbps, mbps_json, mbps_parse, mbps_entities;
  gloss::AnnotateOptions parse_only, entities_only;
  parse_only.entities = parse_only.quotes = false;
  entities_only.quotes = false;
  for (int run = 0; run < runs; ++run) {
    double t0 = cpu_seconds();
    std::size_t sink = 0;
    for (const std::string* s : corpus) sink += gloss::annotate(*s).document().entities.size();
    mbps.push_back(bytes / 1e6 / (cpu_seconds() - t0));
    t0 = cpu_seconds();
    for (const std::string* s : corpus) sink += gloss::annotate(*s, parse_only).document().fields.size();
    mbps_parse.push_back(bytes / 1e6 / (cpu_seconds() - t0));
    t0 = cpu_seconds();
    for (const std::string* s : corpus) sink += gloss::annotate(*s, entities_only).document().entities.size();
    mbps_entities.push_back(bytes / 1e6 / (cpu_seconds() - t0));
    t0 = cpu_seconds();
    for (const std::string* s : corpus) sink += gloss::to_json(gloss::annotate(*s).document()).size();
    mbps_json.push_back(bytes / 1e6 / (cpu_seconds() - t0));
    if (sink == 0) std::printf(" ");
  }
  std::sort(mbps.begin(), mbps.end());
  std::sort(mbps_json.begin(), mbps_json.end());
  std::sort(mbps_parse.begin(), mbps_parse.end());
  std::sort(mbps_entities.begin(), mbps_entities.end());

  std::printf("corpus: %.2f MB in %zu articles (%zu distinct), %zu entities, %zu quotes per pass\n", bytes / 1e6,
              corpus.size(), base.size(), entities, quotes);
  std::printf("entity lexicon: %zu entries + %zu words from %zu embedded bytes, loaded in %.2f ms CPU (%.2f ms wall)\n",
              lex.entry_count(), lex.word_count(), lex.data_bytes(), load_cpu_ms, lex.load_ms());
  std::printf("annotate:          median %.1f MB/s over %d runs (min %.1f, max %.1f), process CPU time\n", mbps[mbps.size() / 2], runs,
              mbps.front(), mbps.back());
  std::printf("  parse only:      median %.1f MB/s\n", mbps_parse[mbps_parse.size() / 2]);
  std::printf("  parse + entities: median %.1f MB/s\n", mbps_entities[mbps_entities.size() / 2]);
  std::printf("annotate + to_json: median %.1f MB/s\n", mbps_json[mbps_json.size() / 2]);
  return 0;
}
