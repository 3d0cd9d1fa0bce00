// A small vsnprintf for the browser module, linked in place of libc's (link_wraps.cpp): libc's formatter
// with its floating-point printing is about 2 KB gzip of gloss.wasm, for the few formats that ImGui, the
// panel and libc++ write (labels and ids such as "##Menu_%02d" or "%s/%s_%08X", dates, "%.0fpx").
//
// What it does as C's printf does: flags - + space # 0, width and precision (also as *), the length
// modifiers hh h l ll j z t, and the conversions d i u o x X c s p n % and f F. %f computes at most 15
// decimals (any more are zeros) and rounds the last half away from zero, so an exact binary tie can differ
// from glibc in its last digit ("%.2f" of 0.125 gives 0.13); the panel only shows such numbers. Not done: e E g G a A and wide characters, which nothing
// here formats: such a conversion is written out as it stands in the format ("%g"), never an abort, as
// these strings are only shown.
// tests/small_printf_test.cpp compares it with the native libc on these formats.
#include "small_printf.h"

#include <cmath>
#include <cstdint>

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

// The integer digits of a whole number v >= 2^53 (exact): its 53-bit mantissa doubled `exponent` times in
// base 10^9 limbs. Returns the digit count written to `out` (room for 309 digits).
std::size_t whole_digits(double v, char* out) {
  int exponent = 0;
  const double fraction = std::frexp(v, &exponent);  // v = fraction * 2^exponent, fraction in [0.5, 1)
  std::uint64_t mantissa = static_cast<std::uint64_t>(std::ldexp(fraction, 53));
  exponent -= 53;
  std::uint32_t limbs[36];  // 10^(9*36) > DBL_MAX
  std::size_t count = 0;
  while (mantissa != 0) {
    limbs[count++] = static_cast<std::uint32_t>(mantissa % 1000000000u);
    mantissa /= 1000000000u;
  }
  for (int i = 0; i < exponent; ++i) {
    std::uint32_t carry = 0;
    for (std::size_t k = 0; k < count; ++k) {
      const std::uint32_t doubled = limbs[k] * 2 + carry;
      carry = doubled >= 1000000000u;
      limbs[k] = doubled - carry * 1000000000u;
    }
    if (carry) limbs[count++] = carry;
  }
  std::size_t n = 0;
  for (std::size_t k = count; k-- > 0;) {
    char group[9];
    std::uint32_t limb = limbs[k];
    for (int d = 8; d >= 0; --d, limb /= 10) group[d] = static_cast<char>('0' + limb % 10);
    int first = 0;
    if (k + 1 == count) {
      while (first < 8 && group[first] == '0') ++first;  // no leading zeros in the top limb
    }
    for (int d = first; d < 9; ++d) out[n++] = group[d];
  }
  return n;
}

void put_fixed(Output& out, Spec spec, double value, bool upper) {
  char sign[1];
  std::size_t sign_len = 0;
  if (std::signbit(value)) sign[sign_len++] = '-';
  else if (spec.plus) sign[sign_len++] = '+';
  else if (spec.space) sign[sign_len++] = ' ';
  value = std::fabs(value);
  if (!std::isfinite(value)) {
    spec.zero = false;
    const char* text = std::isnan(value) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    return put_number(out, spec, sign, sign_len, text, 3, 0);
  }
  const int precision = spec.precision < 0 ? 6 : spec.precision;
  const int exact = precision > 15 ? 15 : precision;  // decimals computed; any further ones are zeros
  char digits[340];  // 309 integer digits at most (DBL_MAX), the point; the decimals are added below
  std::size_t n = 0;
  std::uint64_t decimals = 0;
  constexpr double kTwo53 = 9007199254740992.0;  // from here on every double is a whole number
  if (value < kTwo53) {
    std::uint64_t whole = static_cast<std::uint64_t>(value);
    std::uint64_t scale = 1;
    for (int i = 0; i < exact; ++i) scale *= 10;
    decimals = static_cast<std::uint64_t>((value - static_cast<double>(whole)) * static_cast<double>(scale) + 0.5);
    if (decimals >= scale) {  // rounded up into the next whole number
      decimals -= scale;
      ++whole;
    }
    char reversed[20];
    std::size_t r = 0;
    do {
      reversed[r++] = static_cast<char>('0' + whole % 10);
      whole /= 10;
    } while (whole != 0);
    while (r > 0) digits[n++] = reversed[--r];
  } else {
    n = whole_digits(value, digits);
  }
  if (precision > 0 || spec.alt) digits[n++] = '.';
  char fraction[15];
  for (int i = exact - 1; i >= 0; --i, decimals /= 10) fraction[i] = static_cast<char>('0' + decimals % 10);
  // The field: sign, digits, point, decimals, padding (put_number's layout with the decimals appended).
  const int body = static_cast<int>(sign_len + n) + precision;
  const int pad = spec.width > body ? spec.width - body : 0;
  if (!spec.left && !spec.zero) out.put(' ', pad);
  out.put(sign, sign_len);
  if (!spec.left && spec.zero) out.put('0', pad);
  out.put(digits, n);
  out.put(fraction, static_cast<std::size_t>(exact));
  out.put('0', precision - exact);
  if (spec.left) out.put(' ', pad);
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
        spec.width = -spec.width;
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
    enum Length { kInt, kChar, kShort, kLong, kLongLong, kMax, kSize, kPtrdiff } length = kInt;
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
          case kSize: v = static_cast<std::intmax_t>(va_arg(args, std::size_t)); break;
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
          case kPtrdiff: v = static_cast<std::uintmax_t>(va_arg(args, std::ptrdiff_t)); break;
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
        const char c = static_cast<char>(va_arg(args, int));
        spec.zero = false;
        put_number(out, spec, "", 0, &c, 1, 0);
        break;
      }
      case 's': {
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
        put_fixed(out, spec, va_arg(args, double), conversion == 'F');
        break;
      case 'n':
        *va_arg(args, int*) = static_cast<int>(out.count);
        break;
      case '%':
        out.put('%');
        break;
      default:  // not supported (see the top): the conversion as written; its argument is not read
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
