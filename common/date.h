// Calendar dates (publication dates have day precision in the index).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace morgue {

struct Date {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

// Accepts YYYY-MM-DD and ISO 8601 date-times ("2025-05-19T10:00:00Z",
// "2025-05-19 10:00"); the time part is ignored. Returns nullopt when the text
// is not such a date or names no real day (2025-02-30).
[[nodiscard]] std::optional<Date> parse_iso_date(std::string_view text);

// A date as pages write one in their metadata: ISO 8601 (parse_iso_date), YYYY/MM/DD,
// or English words: RFC 2822 "Mon, 19 May 2025 23:30:00 -0500", "May 19, 2025",
// "19 Nov 2019 07:09 GMT". The day as written (the publisher's), the time ignored.
[[nodiscard]] std::optional<Date> parse_written_date(std::string_view text);

// Reuters-21578 style: "26-FEB-1987 15:01:01.79" (leading blanks allowed).
[[nodiscard]] std::optional<Date> parse_dmy_month_name(std::string_view text);

[[nodiscard]] bool is_valid_date(int year, int month, int day);
[[nodiscard]] int days_in_month(int year, int month);

[[nodiscard]] std::string format_iso(const Date& d);      // 2025-05-19
[[nodiscard]] std::string format_compact(const Date& d);  // 20250519 (value slot, D term)
[[nodiscard]] std::optional<Date> parse_compact(std::string_view yyyymmdd);

// Days since 1970-01-01 (proleptic Gregorian); used for span and recency arithmetic.
[[nodiscard]] long days_from_civil(const Date& d);
[[nodiscard]] Date civil_from_days(long days);

}  // namespace morgue
