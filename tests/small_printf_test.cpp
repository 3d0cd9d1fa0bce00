// The browser module's vsnprintf (wasm/small_printf.cpp, linked in place of libc's) writes what the native
// libc writes, for the formats ImGui 1.86, the panel and libc++ use and the other cases it supports.
#include <catch2/catch.hpp>

#include <cstdarg>
#include <cstdio>
#include <string>

#include "../wasm/small_printf.h"

namespace {

struct Both {
  std::string mine, libc;
  int mine_result = 0, libc_result = 0;
};

Both format_both(std::size_t size, const char* format, ...) {
  Both r;
  std::string a(size + 8, '#'), b(size + 8, '#');
  va_list args, copy;
  va_start(args, format);
  va_copy(copy, args);
  r.mine_result = gloss_wasm::small_vsnprintf(size ? &a[0] : nullptr, size, format, args);
  r.libc_result = std::vsnprintf(size ? &b[0] : nullptr, size, format, copy);
  va_end(copy);
  va_end(args);
  r.mine = a;  // the whole buffer: bytes past the terminator must be untouched too
  r.libc = b;
  return r;
}

#define CHECK_SAME(size, ...)                             \
  do {                                                    \
    const Both both = format_both(size, __VA_ARGS__);     \
    CAPTURE(size, both.libc);                             \
    CHECK(both.mine == both.libc);                        \
    CHECK(both.mine_result == both.libc_result);          \
  } while (0)

}  // namespace

TEST_CASE("small_printf: the formats ImGui, the panel and libc++ write", "[small_printf]") {
  for (std::size_t size : {64, 8, 1}) {
    CHECK_SAME(size, "%s/%s_%08X", "Panel", "Lists", 0xBEEFu);
    CHECK_SAME(size, "##Menu_%02d", 3);
    CHECK_SAME(size, "##Popup_%08x", 0x1a2bu);
    CHECK_SAME(size, "##Tooltip_%02d", 12);
    CHECK_SAME(size, "%.*s", 5, "headline text");
    CHECK_SAME(size, "rule: %.*s", 7, "lexicon:wordnet");
    CHECK_SAME(size, "%s %d %s %d, %02d:%02d", "Tuesday", 24, "March", 2015, 9, 5);
    CHECK_SAME(size, "gloss %dpx%s", 18, " bold");
    CHECK_SAME(size, "%d", -2147483647 - 1);
    CHECK_SAME(size, "%u", 4294967295u);
    CHECK_SAME(size, "%lu", 18446744073709551615ul);
    CHECK_SAME(size, "%ld", -9223372036854775807l - 1);
    CHECK_SAME(size, "%lld %llu", -42ll, 42ull);
    CHECK_SAME(size, "%zu %zd", static_cast<std::size_t>(123456), static_cast<std::ptrdiff_t>(-7));
    CHECK_SAME(size, "%hhd %hhu %hd %hu", 300, 300, 70000, 70000);
    CHECK_SAME(size, "ERROR: failed to compile %s! With GLSL: %s\n", "vertex shader", "#version 300 es\n");
  }
}

TEST_CASE("small_printf: flags, width and precision", "[small_printf]") {
  CHECK_SAME(64, "[%5d|%-5d|%05d|%+d|% d|%+05d|%-+6d]", 42, 42, 42, 42, 42, -42, 7);
  CHECK_SAME(64, "[%.3d|%8.3d|%-8.3d|%08.3d|%.0d|%5.0d]", 7, -7, 7, 7, 0, 0);
  CHECK_SAME(64, "[%x|%X|%#x|%#X|%#o|%o|%#o|%#.0o]", 255u, 255u, 255u, 255u, 8u, 8u, 0u, 0u);
  CHECK_SAME(64, "[%*d|%-*d|%*d|%.*d]", 6, 1, 6, 2, -6, 3, 4, 5);
  CHECK_SAME(64, "[%c|%3c|%-3c]", 'a', 'b', 'c');
  CHECK_SAME(64, "[%s|%8s|%-8s|%.2s|%8.2s]", "abc", "abc", "abc", "abc", "abc");
  CHECK_SAME(64, "100%% done%%");
  CHECK_SAME(64, "");
  CHECK_SAME(0, "sizing only: %d %s", 12345, "text");
}

TEST_CASE("small_printf: an unsupported conversion is written as it stands, its argument taken", "[small_printf]") {
  char buffer[32];
  CHECK(gloss_wasm::small_snprintf(buffer, sizeof buffer, "a %g b", 1.5) == 6);
  CHECK(std::string(buffer) == "a %g b");
  CHECK(gloss_wasm::small_snprintf(buffer, sizeof buffer, "%e|%s|%Lg|%d", 1.5, "x", 2.5L, 7) == 10);
  CHECK(std::string(buffer) == "%e|x|%Lg|7");
  CHECK(gloss_wasm::small_snprintf(buffer, sizeof buffer, "%.3f|%5.1F|%d", 1.5, 2.5, 3) == 12);
  CHECK(std::string(buffer) == "%.3f|%5.1F|3");
  CHECK(gloss_wasm::small_snprintf(buffer, sizeof buffer, "end %") == 5);
  CHECK(std::string(buffer) == "end %");
  int written = -1;
  CHECK(gloss_wasm::small_snprintf(buffer, sizeof buffer, "abc%n|%d", &written, 5) == 7);
  CHECK(std::string(buffer) == "abc%n|5");
  CHECK(written == -1);
}
