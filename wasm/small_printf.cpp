// A small vsnprintf for the browser module, linked in place of libc's (link_wraps.cpp): libc's formatter
// with its floating-point printing is about 2 KB gzip of gloss.wasm, for the formats that ImGui, the panel
// and libc++ write there: labels and ids ("##Menu_%02d", "%s/%s_%08X", "Entities %zu###entities"), dates,
// counts, to_string's integers, shader error messages.
//
// What it does as C's printf does: flags - + space # 0, width and precision (also as *), the length
// modifiers hh h l ll j z t L, and the conversions d i u o x X c s p %. Not done: floating point (f F e E
// g G a A), %n and wide characters (%ls %lc). ImGui formats floats only in widgets the panel does not use
// (sliders, drags, float inputs), its settings file (off: no IniFilename) and its debug windows; the panel
// formats none (a constraint on future panel code). Such a conversion takes its argument and is written
// out as it stands in the format ("%.3f"): these strings are only shown, so a wrong label, never a crash.
// tests/small_printf_test.cpp compares it with the native libc.
#include "small_printf.h"

#include <climits>
#include <cstdint>
#include <cwchar>
#include <type_traits>

namespace gloss_wasm {
namespace {

// Counts every character and stores those that fit, keeping one byte for the terminating NUL.
struct Output {
  char* buffer;
  std::size_t size;
  std::size_t count = 0;

  void put(char c) {
    if (count + 1 < size) buffer[count] = c;
    ++count;
  }
  void put(char c, int times) {
    for (int i = 0; i < times; ++i) put(c);
  }
  void put(const char* s, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) put(s[i]);
  }
};

struct Spec {
  bool left = false, plus = false, space = false, alt = false, zero = false;
  int width = 0;
  int precision = -1;  // -1: none given
};

// Writes `prefix` (sign, "0x") and `digits` within the field: precision zeros first, then width.
void put_number(Output& out, const Spec& spec, const char* prefix, std::size_t prefix_len, const char* digits,
                std::size_t digit_count, int precision_zeros) {
  const int body = static_cast<int>(prefix_len + digit_count) + precision_zeros;
  const int pad = spec.width > body ? spec.width - body : 0;
  if (!spec.left && !spec.zero) out.put(' ', pad);
  out.put(prefix, prefix_len);
  if (!spec.left && spec.zero) out.put('0', pad);
  out.put('0', precision_zeros);
  out.put(digits, digit_count);
  if (spec.left) out.put(' ', pad);
}

void put_integer(Output& out, Spec spec, std::uintmax_t value, bool negative, unsigned base, bool upper,
                 bool is_signed, bool pointer) {
  char digits[32];
  std::size_t n = 0;
  const char* const set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  while (value != 0) {
    digits[sizeof digits - 1 - n++] = set[value % base];
    value /= base;
  }
  const bool was_zero = n == 0;
  if (spec.precision >= 0) {
    spec.zero = false;  // a precision turns the 0 flag off
  } else {
    spec.precision = 1;
  }
  int zeros = spec.precision > static_cast<int>(n) ? spec.precision - static_cast<int>(n) : 0;
  char prefix[2];
  std::size_t prefix_len = 0;
  if (is_signed) {
    if (negative) prefix[prefix_len++] = '-';
    else if (spec.plus) prefix[prefix_len++] = '+';
    else if (spec.space) prefix[prefix_len++] = ' ';
  }
  if ((spec.alt || pointer) && base == 16 && (!was_zero || pointer)) {
    prefix[prefix_len++] = '0';
    prefix[prefix_len++] = upper ? 'X' : 'x';
  }
  if (spec.alt && base == 8 && zeros == 0 && (was_zero ? spec.precision == 0 : true)) zeros = 1;
  put_number(out, spec, prefix, prefix_len, digits + sizeof digits - n, n, zeros);
}

}  // namespace

int small_vsnprintf(char* buffer, std::size_t size, const char* format, va_list args) {
  Output out{buffer, buffer ? size : 0};
  for (const char* p = format; *p; ++p) {
    if (*p != '%') {
      out.put(*p);
      continue;
    }
    const char* const start = p++;
    Spec spec;
    for (;; ++p) {
      if (*p == '-') spec.left = true;
      else if (*p == '+') spec.plus = true;
      else if (*p == ' ') spec.space = true;
      else if (*p == '#') spec.alt = true;
      else if (*p == '0') spec.zero = true;
      else break;
    }
    if (*p == '*') {
      spec.width = va_arg(args, int);
      if (spec.width < 0) {
        spec.left = true;
        spec.width = spec.width == INT_MIN ? INT_MAX : -spec.width;
      }
      ++p;
    } else {
      while (*p >= '0' && *p <= '9') spec.width = spec.width * 10 + (*p++ - '0');
    }
    if (*p == '.') {
      ++p;
      spec.precision = 0;
      if (*p == '*') {
        spec.precision = va_arg(args, int);
        if (spec.precision < 0) spec.precision = -1;  // as if none was given
        ++p;
      } else {
        while (*p >= '0' && *p <= '9') spec.precision = spec.precision * 10 + (*p++ - '0');
      }
    }
    if (spec.left) spec.zero = false;
    enum Length { kInt, kChar, kShort, kLong, kLongLong, kMax, kSize, kPtrdiff, kLongDouble } length = kInt;
    if (*p == 'h') {
      ++p;
      length = *p == 'h' ? (++p, kChar) : kShort;
    } else if (*p == 'l') {
      ++p;
      length = *p == 'l' ? (++p, kLongLong) : kLong;
    } else if (*p == 'j') {
      ++p;
      length = kMax;
    } else if (*p == 'z') {
      ++p;
      length = kSize;
    } else if (*p == 't') {
      ++p;
      length = kPtrdiff;
    } else if (*p == 'L') {
      ++p;
      length = kLongDouble;
    }
    const char conversion = *p;
    switch (conversion) {
      case 'd':
      case 'i': {
        std::intmax_t v;
        switch (length) {
          case kChar: v = static_cast<signed char>(va_arg(args, int)); break;
          case kShort: v = static_cast<short>(va_arg(args, int)); break;
          case kLong: v = va_arg(args, long); break;
          case kLongLong: v = va_arg(args, long long); break;
          case kMax: v = va_arg(args, std::intmax_t); break;
          case kSize: v = va_arg(args, std::make_signed_t<std::size_t>); break;
          case kPtrdiff: v = va_arg(args, std::ptrdiff_t); break;
          default: v = va_arg(args, int); break;
        }
        const std::uintmax_t magnitude = v < 0 ? 0 - static_cast<std::uintmax_t>(v) : static_cast<std::uintmax_t>(v);
        put_integer(out, spec, magnitude, v < 0, 10, false, true, false);
        break;
      }
      case 'u':
      case 'o':
      case 'x':
      case 'X': {
        std::uintmax_t v;
        switch (length) {
          case kChar: v = static_cast<unsigned char>(va_arg(args, unsigned)); break;
          case kShort: v = static_cast<unsigned short>(va_arg(args, unsigned)); break;
          case kLong: v = va_arg(args, unsigned long); break;
          case kLongLong: v = va_arg(args, unsigned long long); break;
          case kMax: v = va_arg(args, std::uintmax_t); break;
          case kSize: v = va_arg(args, std::size_t); break;
          case kPtrdiff: v = static_cast<std::make_unsigned_t<std::ptrdiff_t>>(va_arg(args, std::ptrdiff_t)); break;
          default: v = va_arg(args, unsigned); break;
        }
        const unsigned base = conversion == 'u' ? 10 : conversion == 'o' ? 8 : 16;
        put_integer(out, spec, v, false, base, conversion == 'X', false, false);
        break;
      }
      case 'p': {
        spec.alt = false;
        put_integer(out, spec, reinterpret_cast<std::uintptr_t>(va_arg(args, void*)), false, 16, false, false, true);
        break;
      }
      case 'c': {
        if (length == kLong) {  // a wide character: not supported
          static_cast<void>(va_arg(args, std::wint_t));
          out.put(start, static_cast<std::size_t>(p - start + 1));
          break;
        }
        const char c = static_cast<char>(va_arg(args, int));
        spec.zero = false;
        put_number(out, spec, "", 0, &c, 1, 0);
        break;
      }
      case 's': {
        if (length == kLong) {  // a wide string: not supported
          static_cast<void>(va_arg(args, const wchar_t*));
          out.put(start, static_cast<std::size_t>(p - start + 1));
          break;
        }
        const char* s = va_arg(args, const char*);
        if (!s) s = "(null)";
        std::size_t n = 0;
        while ((spec.precision < 0 || n < static_cast<std::size_t>(spec.precision)) && s[n]) ++n;
        spec.zero = false;
        put_number(out, spec, "", 0, s, n, 0);
        break;
      }
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G':
      case 'a':
      case 'A':  // not supported: the argument is taken, so that the ones after it stay in place
        if (length == kLongDouble) static_cast<void>(va_arg(args, long double));
        else static_cast<void>(va_arg(args, double));
        out.put(start, static_cast<std::size_t>(p - start + 1));
        break;
      case 'n':  // not supported: the pointer is taken, nothing is stored
        static_cast<void>(va_arg(args, void*));
        out.put(start, static_cast<std::size_t>(p - start + 1));
        break;
      case '%':
        out.put('%');
        break;
      default:  // not a conversion of C's: written as it stands, no argument taken
        if (conversion == '\0') --p;  // a lone '%' at the end: stop at the terminator
        out.put(start, static_cast<std::size_t>(p - start + 1));
        break;
    }
  }
  if (out.size > 0) out.buffer[out.count < out.size ? out.count : out.size - 1] = '\0';
  return static_cast<int>(out.count);
}

int small_snprintf(char* buffer, std::size_t size, const char* format, ...) {
  va_list args;
  va_start(args, format);
  const int result = small_vsnprintf(buffer, size, format, args);
  va_end(args);
  return result;
}

}  // namespace gloss_wasm
