// gloss: the command-line tool. Reads files or standard input, calls the core, prints JSON.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

#include "gloss/gloss.h"

namespace {

constexpr const char* kUsage =
    "usage: gloss annotate [--pretty] FILE|-     annotate one article, print gloss/1 JSON\n"
    "       gloss annotate --format=w3c|displacy [--pretty] FILE|-\n"
    "                                            W3C Web Annotation JSON-LD or displaCy's manual format\n"
    "       gloss annotate --jsonl [FILE|-]      one {\"id\",\"text\"} JSON object per line in,\n"
    "                                            one result per line out\n"
    "Input: an article dump, a JSON article object, or plain text (UTF-8). Limit: 32 MiB.\n";

int usage_error(const std::string& message) {
  std::cerr << "gloss: " << message << "\n" << kUsage;
  return 2;
}

// Reads all of `path` ("-" = stdin) into `out`, refusing more than the core's limit.
bool read_input(const std::string& path, std::string& out, std::string& error) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      error = "cannot open " + path + ": " + std::strerror(errno);
      return false;
    }
    in = &file;
  }
  char buffer[1 << 16];
  while (in->read(buffer, sizeof buffer) || in->gcount() > 0) {
    out.append(buffer, static_cast<std::size_t>(in->gcount()));
    if (out.size() > gloss::kMaxInputBytes) {
      error = path + " is larger than the input limit of " + std::to_string(gloss::kMaxInputBytes) + " bytes";
      return false;
    }
  }
  if (in->bad()) {
    error = "cannot read " + path;
    return false;
  }
  return true;
}

int annotate_one(const std::string& path, bool pretty, gloss::ExportFormat format) {
  std::string input, error;
  if (!read_input(path, input, error)) {
    std::cerr << "gloss: " << error << "\n";
    return 1;
  }
  const gloss::AnnotateResult result = gloss::annotate(input);
  if (!result.ok()) {
    std::cerr << "gloss: " << path << ": " << result.error() << " (at byte " << result.error_offset() << ")\n";
    return 1;
  }
  gloss::JsonOptions options;
  options.pretty = pretty;
  std::cout << gloss::to_format(result.document(), format, options) << "\n";
  return 0;
}

// One result line per input line; a bad line yields an error object and the run goes on. The exit
// code is 1 when any line failed, so scripts notice.
int annotate_lines(const std::string& path) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      std::cerr << "gloss: cannot open " << path << ": " << std::strerror(errno) << "\n";
      return 1;
    }
    in = &file;
  }
  std::ios::sync_with_stdio(false);
  std::string line;
  std::size_t failed = 0, number = 0;
  while (std::getline(*in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    bool ok = false;
    std::cout << gloss::annotate_json_line(line, &ok) << "\n";
    if (!ok) {
      ++failed;
      std::cerr << "gloss: line " << number << ": bad record (see its error object)\n";
    }
  }
  std::cout.flush();
  return failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage_error("no command");
  const std::string_view command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (command != "annotate") return usage_error("unknown command '" + std::string(command) + "'");
  bool pretty = false, jsonl = false;
  gloss::ExportFormat format = gloss::ExportFormat::kGloss;
  std::string path;
  for (int i = 2; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--pretty") pretty = true;
    else if (arg == "--jsonl") jsonl = true;
    else if (arg.substr(0, 9) == "--format=") {
      if (!gloss::parse_export_format(arg.substr(9), &format)) return usage_error("unknown format '" + std::string(arg.substr(9)) + "'");
    }
    else if (arg.size() > 1 && arg[0] == '-' ) return usage_error("unknown option '" + std::string(arg) + "'");
    else if (path.empty()) path = arg;
    else return usage_error("more than one input given");
  }
  if (jsonl && format != gloss::ExportFormat::kGloss) return usage_error("--jsonl writes gloss/1 only");
  if (jsonl) return annotate_lines(path.empty() ? "-" : path);
  if (path.empty()) return usage_error("no input file (use - for standard input)");
  return annotate_one(path, pretty, format);
}
