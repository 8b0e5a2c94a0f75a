#include "common/date.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <vector>

namespace morgue {
namespace {

bool read_int(std::string_view s, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > s.size()) return false;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  auto [p, ec] = std::from_chars(s.data() + pos, s.data() + pos + len, out);
  return ec == std::errc() && p == s.data() + pos + len;
}

std::optional<Date> make_date(int y, int m, int d) {
  if (!is_valid_date(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool is_valid_date(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

std::optional<Date> parse_iso_date(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  int y = 0, m = 0, d = 0;
  if (!read_int(text, 0, 4, y) || text.size() < 10 || text[4] != '-' || !read_int(text, 5, 2, m) || text[7] != '-' ||
      !read_int(text, 8, 2, d)) {
    return std::nullopt;
  }
  // Anything after the day must be a time part: "T..." or " ...".
  if (text.size() > 10 && text[10] != 'T' && text[10] != 't' && text[10] != ' ') return std::nullopt;
  return make_date(y, m, d);
}

namespace {

// 1-12 for an English month name or its abbreviation ("Nov", "Sept", "november"); 0 else.
int month_of(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kNames = {"january", "february", "march",     "april",
                                                              "may",     "june",     "july",      "august",
                                                              "september", "october", "november", "december"};
  if (word.size() < 3) return 0;
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i].starts_with(lower)) return static_cast<int>(i) + 1;
  }
  return 0;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<Date> parse_written_date(std::string_view text) {
  if (auto d = parse_iso_date(text)) return d;
  // YYYY/MM/DD
  if (text.size() >= 8 && all_digits(text.substr(0, 4)) && text[4] == '/') {
    int y = 0, m = 0, d = 0;
    const auto slash = text.find('/', 5);
    if (slash == std::string_view::npos || !read_int(text, 0, 4, y) || !read_int(text, 5, slash - 5, m)) {
      return std::nullopt;
    }
    std::size_t end = slash + 1;
    while (end < text.size() && end < slash + 3 && text[end] >= '0' && text[end] <= '9') ++end;
    if (!read_int(text, slash + 1, end - slash - 1, d)) return std::nullopt;
    return make_date(y, m, d);
  }
  // Words: a month's name, the day's number beside it, a four-digit year after them.
  std::vector<std::string_view> tokens;
  for (std::size_t i = 0; i < text.size();) {
    if (!std::isalnum(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
    tokens.push_back(text.substr(i, end - i));
    i = end;
  }
  auto day_at = [&](std::size_t k) {
    return k < tokens.size() && tokens[k].size() <= 2 && all_digits(tokens[k]) ? std::stoi(std::string(tokens[k]))
                                                                                  : 0;
  };
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const int m = month_of(tokens[k]);
    if (m == 0) continue;
    const int d = day_at(k + 1) ? day_at(k + 1) : (k > 0 ? day_at(k - 1) : 0);
    if (d == 0) return std::nullopt;
    for (std::size_t y = k + 1; y < tokens.size() && y <= k + 3; ++y) {
      if (tokens[y].size() == 4 && all_digits(tokens[y])) return make_date(std::stoi(std::string(tokens[y])), m, d);
    }
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Date> parse_dmy_month_name(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  const auto dash1 = text.find('-');
  if (dash1 == std::string_view::npos || dash1 == 0 || dash1 > 2) return std::nullopt;
  int d = 0, y = 0;
  if (!read_int(text, 0, dash1, d)) return std::nullopt;
  if (text.size() < dash1 + 9 || text[dash1 + 4] != '-') return std::nullopt;
  const int m = month_of(text.substr(dash1 + 1, 3));
  if (m == 0 || !read_int(text, dash1 + 5, 4, y)) return std::nullopt;
  return make_date(y, m, d);
}

std::string format_iso(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string format_compact(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
  return buf;
}

std::optional<Date> parse_compact(std::string_view s) {
  int y = 0, m = 0, d = 0;
  if (s.size() != 8 || !read_int(s, 0, 4, y) || !read_int(s, 4, 2, m) || !read_int(s, 6, 2, d)) {
    return std::nullopt;
  }
  return make_date(y, m, d);
}

// Howard Hinnant's civil-calendar algorithms (public domain).
long days_from_civil(const Date& date) {
  long y = date.year;
  const unsigned m = static_cast<unsigned>(date.month), d = static_cast<unsigned>(date.day);
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

Date civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

}  // namespace morgue
