// The browser module's sscanf (wasm/small_sscanf.cpp, linked in place of libc's) reads what the native
// libc's sscanf reads, for every format ImGui 1.86 and its OpenGL3 backend scan integers with.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

#include "../wasm/small_sscanf.h"

namespace {

// Runs both scanners on `input` with a format of up to three int-sized conversions (%n included) and
// compares the return value and every stored value.
void check_same(const char* input, const char* format) {
  CAPTURE(input, format);
  unsigned mine[3] = {0xAAAAAAAAu, 0xAAAAAAAAu, 0xAAAAAAAAu};
  unsigned libc[3] = {0xAAAAAAAAu, 0xAAAAAAAAu, 0xAAAAAAAAu};
  const int mine_result = gloss_wasm::small_sscanf(input, format, &mine[0], &mine[1], &mine[2]);
  const int libc_result = std::sscanf(input, format, &libc[0], &libc[1], &libc[2]);
  CHECK(mine_result == libc_result);
  CHECK(mine[0] == libc[0]);
  CHECK(mine[1] == libc[1]);
  CHECK(mine[2] == libc[2]);
}

}  // namespace

TEST_CASE("small_sscanf: ImGui's integer formats read as libc reads them", "[small_sscanf]") {
  const char* const inputs[] = {
      "",           "Pos=60,60",     "Pos=-12,+7",        "Pos= 3 , 4",     "Pos=0x1F,010",  "Pos=12",
      "Size=400,300", "Size=a,1",    "Collapsed=1",       "Collapsed=",     "Collapsed=0 ",  "Column 3",
      "Column 12 Width=40", "Width=  85 Visible=1", "Visible=0",  "Order=-1", "Sort=0v",    "Sort=2^ rest",
      "Sort=3",     "UserID=0x0000BEEF Width=3", "UserID=0xdeadbeef", "0x1A2B3C4D,5", "0xFFFFFFFF,12",
      "0x12,",      "#version 300 es\n", "#version 100",   "#version",       "#versio",       "4.6",
      "3.0 Mesa",   "  42",           "-",                 "+x",             "2147483647",    "-2147483648",
      "0",          "00012",          "ff",                "0xg",
  };
  const char* const formats[] = {
      "Pos=%i,%i",   "Size=%i,%i",    "Collapsed=%d",      "0x%08X,%d",      "Column %d%n",   "UserID=0x%08X%n",
      "Width=%d%n",  "Visible=%d%n",  "Order=%d%n",        "#version %d",    "%d.%d",         "%d",
      "%i",          "%x",            "%X%n",              "%3d%d",          "%*d%d",         "%% %d",
      "%u",
  };
  for (const char* format : formats)
    for (const char* input : inputs) check_same(input, format);
}

TEST_CASE("small_sscanf: %c and %n", "[small_sscanf]") {
  for (const char* input : {"Sort=0v", "Sort=12^", "Sort=5", "Sort=", "Sort=1 v"}) {
    CAPTURE(input);
    int n_mine = -1, r_mine = -1, n_libc = -1, r_libc = -1;
    char c_mine = '?', c_libc = '?';
    const int mine = gloss_wasm::small_sscanf(input, "Sort=%d%c%n", &n_mine, &c_mine, &r_mine);
    const int libc = std::sscanf(input, "Sort=%d%c%n", &n_libc, &c_libc, &r_libc);
    CHECK(mine == libc);
    CHECK(n_mine == n_libc);
    CHECK(c_mine == c_libc);
    CHECK(r_mine == r_libc);
  }
  char two[2] = {}, two_libc[2] = {};
  CHECK(gloss_wasm::small_sscanf("xyz", "%2c", two) == std::sscanf("xyz", "%2c", two_libc));
  CHECK(std::string(two, 2) == std::string(two_libc, 2));
}
