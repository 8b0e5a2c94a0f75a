#include "common/date_filter.h"

#include <string>
#include <vector>

#include "common/schema.h"

namespace morgue {
namespace {

// Beyond about this many terms an OR costs more per candidate than reading its value:
// on a 36-year archive (bench/date_filter_speed.cc) 65 terms (2003-02-11..2012-11-19)
// were 1.3-2.4x faster than the slot, 80 (1995-03-15..2020-10-20) 0.85x.
constexpr std::size_t kMaxDateTerms = 72;

// The days a date can name (is_valid_date): nothing lies beyond them.
constexpr Date kFirstDay{1, 1, 1};
constexpr Date kLastDay{9999, 12, 31};

Date first_of_next_month(Date d) {
  d.day = 1;
  if (++d.month > 12) {
    d.month = 1;
    ++d.year;
  }
  return d;
}

Date last_of_month(Date d) {
  d.day = days_in_month(d.year, d.month);
  return d;
}

Date last_of_year(Date d) { return Date{d.year, 12, 31}; }

Date next_day(const Date& d) { return civil_from_days(days_from_civil(d) + 1); }
Date previous_day(const Date& d) { return civil_from_days(days_from_civil(d) - 1); }

// Whole years, then whole months, then days, greedily from `lo` up to `hi`.
std::vector<std::string> covering_terms(Date lo, const Date& hi) {
  std::vector<std::string> terms;
  while (lo <= hi && terms.size() <= kMaxDateTerms) {
    const std::string ymd = format_compact(lo);
    if (lo.month == 1 && lo.day == 1 && last_of_year(lo) <= hi) {
      terms.push_back(boolean_term(FieldId::kYear, ymd.substr(0, 4)));
      lo = Date{lo.year + 1, 1, 1};
    } else if (lo.day == 1 && last_of_month(lo) <= hi) {
      terms.push_back(boolean_term(FieldId::kMonth, ymd.substr(0, 6)));
      lo = first_of_next_month(lo);
    } else {
      terms.push_back(boolean_term(FieldId::kDay, ymd));
      lo = next_day(lo);
    }
  }
  return terms;
}

Xapian::Query value_range(const std::optional<Date>& from, const std::optional<Date>& to) {
  if (!from) return Xapian::Query(Xapian::Query::OP_VALUE_LE, kSlotDate, format_compact(*to));
  if (!to) return Xapian::Query(Xapian::Query::OP_VALUE_GE, kSlotDate, format_compact(*from));
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kSlotDate, format_compact(*from), format_compact(*to));
}

}  // namespace

Xapian::Query date_range_filter(const Xapian::Database& db, std::optional<Date> from, std::optional<Date> to) {
  if (!from && !to) return Xapian::Query::MatchAll;
  if (from && to && *to < *from) return Xapian::Query::MatchNothing;
  const auto lowest = parse_compact(db.get_value_lower_bound(kSlotDate));
  const auto highest = parse_compact(db.get_value_upper_bound(kSlotDate));
  // No dated article (an empty slot has empty bounds), or bounds this code did not write.
  if (!lowest || !highest) return value_range(from, to);
  // The index's dates, rounded out to whole years: an open end costs a year term, not
  // the months and days up to the first or last article.
  const Date first{lowest->year, 1, 1}, last{highest->year, 12, 31};
  const Date lo = from && *from > first ? *from : first;
  const Date hi = to && *to < last ? *to : last;
  std::vector<Xapian::Query> parts;
  if (lo <= hi) {
    const std::vector<std::string> terms = covering_terms(lo, hi);
    if (terms.size() > kMaxDateTerms) return value_range(from, to);
    for (const auto& t : terms) parts.emplace_back(t);
  }
  // Years the index does not hold yet: a value range that matches nothing, at no cost,
  // unless the database is reopened onto such articles before the query runs.
  if ((!from || *from < first) && first > kFirstDay) {
    const Date below = previous_day(first);
    parts.push_back(value_range(from, to && *to < below ? *to : below));
  }
  if ((!to || *to > last) && last < kLastDay) {
    const Date above = next_day(last);
    parts.push_back(value_range(from && *from > above ? *from : above, to));
  }
  // OP_SCALE_WEIGHT 0: a filter, even where the parser combines it with words.
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()),
                       0.0);
}

}  // namespace morgue
