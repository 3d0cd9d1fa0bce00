// sscanf for the browser module, linked in place of libc's (link_wraps.cpp).
// Only ImGui 1.86 and its OpenGL3 backend call sscanf there, all with integer conversions but for two
// table .ini fields ("RefScale=%f", "Weight=%f"); libc's sscanf brings musl's whole scanner with its
// long-double float parser (-8.5 KB gzip). This one reads what C's sscanf reads for the conversions it
// has: literals, white space, %d %i %u %x %X %c %n %% with an optional width and '*'. Anything else
// (floats, %s, %[, length modifiers) aborts instead of reading wrongly: the panel loads no .ini
// settings, so no %f is ever scanned. tests/small_sscanf_test.cpp checks it against the native libc.
// A constraint on the panel: ImGui widgets that scan typed numbers (InputInt/InputFloat, Drag/Slider
// Ctrl+click editing: %f %lf %lld; ColorEdit: %02X with hex input) must not be added to the browser
// panel without widening this scanner, or the module aborts on that input.
#include "small_sscanf.h"

#include <cstdarg>
#include <cstdlib>

namespace gloss_wasm {
namespace {

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 99;
}

}  // namespace

int small_vsscanf(const char* input, const char* format, va_list args) {
  const char* s = input;
  int assigned = 0;
  for (const char* f = format; *f != '\0'; ++f) {
    if (is_space(*f)) {
      while (is_space(*s)) ++s;
      continue;
    }
    if (*f != '%' || f[1] == '%') {
      if (*f == '%') {
        ++f;
        while (is_space(*s)) ++s;
      }
      if (*s == '\0') return assigned > 0 ? assigned : -1;  // input failure: EOF if nothing was stored
      if (*s != *f) return assigned;
      ++s;
      continue;
    }
    ++f;
    const bool store = *f != '*';
    if (!store) ++f;
    long width = 0;
    while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0');
    const char conversion = *f;
    if (conversion == 'n') {
      if (store) *va_arg(args, int*) = static_cast<int>(s - input);
      continue;
    }
    if (conversion == 'c') {
      if (width == 0) width = 1;
      char* out = store ? va_arg(args, char*) : nullptr;
      for (long i = 0; i < width; ++i, ++s) {
        if (*s == '\0') return assigned > 0 ? assigned : -1;  // input failure: EOF if nothing was stored
        if (out != nullptr) out[i] = *s;
      }
      assigned += store;
      continue;
    }
    int base;
    switch (conversion) {
      case 'd': case 'u': base = 10; break;
      case 'i': base = 0; break;
      case 'x': case 'X': base = 16; break;
      default: std::abort();  // a conversion this scanner does not have (see the top)
    }
    while (is_space(*s)) ++s;
    if (*s == '\0') return assigned > 0 ? assigned : -1;  // input failure: EOF if nothing was stored
    if (width == 0) width = -1;  // no limit
    const char* p = s;
    auto take = [&](char c) { return width != 0 && *p == c && (--width, ++p, true); };
    const bool negative = take('-') || (take('+'), false);
    bool digits = false;
    if ((base == 0 || base == 16) && take('0')) {
      digits = true;  // "0" alone is a number, and so is the "0" before a non-hex character after "0x"
      if (take('x') || take('X')) {
        base = 16;
      } else if (base == 0) {
        base = 8;
      }
    }
    if (base == 0) base = 10;
    unsigned long long value = 0;
    while (width != 0 && digit_value(*p) < base) {
      value = value * static_cast<unsigned>(base) + static_cast<unsigned>(digit_value(*p));
      digits = true;
      ++p, --width;
    }
    if (!digits) return assigned;
    s = p;
    if (negative) value = 0 - value;
    // The low bits, as musl's scanner stores them (a value out of range is undefined behaviour in C).
    if (store && (conversion == 'd' || conversion == 'i')) {
      *va_arg(args, int*) = static_cast<int>(static_cast<unsigned>(value));
    } else if (store) {
      *va_arg(args, unsigned*) = static_cast<unsigned>(value);
    }
    assigned += store;
  }
  return assigned;
}

int small_sscanf(const char* input, const char* format, ...) {
  va_list args;
  va_start(args, format);
  const int result = small_vsscanf(input, format, args);
  va_end(args);
  return result;
}

}  // namespace gloss_wasm
