// Formatting for people: the dateline.
#include <cstdio>
#include <string>

#include "gloss/panel.h"

namespace gloss {
namespace panel {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
long DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

bool Digits(const std::string& s, std::size_t at, std::size_t n, int* out) {
  if (at + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

std::string FormatDateline(const std::string& iso) {
  static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};
  static const char* const kDays[] = {"Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"};
  int year = 0, month = 0, day = 0;
  if (!Digits(iso, 0, 4, &year) || iso.size() < 10 || iso[4] != '-' || !Digits(iso, 5, 2, &month) || iso[7] != '-' ||
      !Digits(iso, 8, 2, &day) || month < 1 || month > 12 || day < 1 || day > 31) {
    return std::string();
  }
  const long days = DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  const char* weekday = kDays[((days % 7) + 7) % 7];
  char out[96];
  int hour = 0, minute = 0;
  if (iso.size() >= 16 && iso[10] == 'T' && Digits(iso, 11, 2, &hour) && iso[13] == ':' && Digits(iso, 14, 2, &minute)) {
    std::snprintf(out, sizeof(out), "%s %d %s %d, %02d:%02d", weekday, day, kMonths[month - 1], year, hour, minute);
  } else {
    std::snprintf(out, sizeof(out), "%s %d %s %d", weekday, day, kMonths[month - 1], year);
  }
  return out;
}

}  // namespace panel
}  // namespace gloss
