#include <catch2/catch.hpp>

#include "common/date.h"

using morgue::Date;

namespace {

struct Row {
  const char* text;
  std::optional<Date> expected;
};

template <std::size_t N, class Parse>
void check_rows(const Row (&rows)[N], Parse parse) {
  for (const auto& row : rows) {
    INFO(row.text);
    CHECK(parse(row.text) == row.expected);
  }
}

}  // namespace

TEST_CASE("ISO dates and date-times parse to the calendar day", "[date]") {
  const Row rows[] = {
      {"2025-05-19", Date{2025, 5, 19}},
      {"2025-05-19T23:59:00Z", Date{2025, 5, 19}},
      {"2019-01-01 10:00:00", Date{2019, 1, 1}},
      {"  2014-08-27 ", Date{2014, 8, 27}},
      {"2024-02-29", Date{2024, 2, 29}},
      {"2025-02-29", std::nullopt},  // not a leap year
      {"2025-13-01", std::nullopt},
      {"2025-5-19", std::nullopt},
      {"19/05/2025", std::nullopt},
      {"2025-05-19junk", std::nullopt},
      {"", std::nullopt},
  };
  check_rows(rows, morgue::parse_iso_date);
}

TEST_CASE("Reuters-21578 dates parse", "[date]") {
  CHECK(morgue::parse_dmy_month_name("26-FEB-1987 15:01:01.79") == Date{1987, 2, 26});
  CHECK(morgue::parse_dmy_month_name(" 5-MAR-1987 09:12:11.63") == Date{1987, 3, 5});
  CHECK(morgue::parse_dmy_month_name("31-APR-1987 00:00:00.00") == std::nullopt);
  CHECK(morgue::parse_dmy_month_name("26-XYZ-1987") == std::nullopt);
}

TEST_CASE("Dates format and round-trip through day numbers", "[date]") {
  const Date d{2025, 12, 3};
  CHECK(morgue::format_iso(d) == "2025-12-03");
  CHECK(morgue::format_compact(d) == "20251203");
  CHECK(morgue::parse_compact("20251203") == d);
  CHECK(morgue::days_from_civil(Date{1970, 1, 1}) == 0);
  CHECK(morgue::days_from_civil(Date{2025, 5, 31}) - morgue::days_from_civil(Date{2025, 5, 1}) == 30);
  for (long n : {-1000L, 0L, 20000L, 20240L}) CHECK(morgue::days_from_civil(morgue::civil_from_days(n)) == n);
}

TEST_CASE("Dates as pages write them in their metadata parse to the day written", "[date]") {
  const Row rows[] = {
      {"2025-05-19T23:30:00-05:00", Date{2025, 5, 19}},        // ISO, as parse_iso_date
      {"2004/01/22 00:48:49", Date{2004, 1, 22}},              // BBC's OriginalPublicationDate
      {"Mon, 19 May 2025 23:30:00 -0500", Date{2025, 5, 19}},  // RFC 2822
      {"May 19, 2025", Date{2025, 5, 19}},
      {"November 19, 2019", Date{2019, 11, 19}},
      {"19 Nov 2019 07:09 GMT", Date{2019, 11, 19}},              // Al Jazeera's JSON-LD
      {"Tue Nov 19 2019 05:44:06 GMT+0000", Date{2019, 11, 19}},  // JavaScript's Date
      {"19. September 2019", Date{2019, 9, 19}},
      {"Sept. 3, 2019", Date{2019, 9, 3}},
      {"Feb 30, 2025", std::nullopt},  // no such day
      {"May 2025", std::nullopt},      // no day
      {"in 2025 the mayor said", std::nullopt},
      {"Monday", std::nullopt},
      {"", std::nullopt},
      {"2025/13/01", std::nullopt},
  };
  check_rows(rows, morgue::parse_written_date);
}
