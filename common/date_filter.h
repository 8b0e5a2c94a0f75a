// Publication-date ranges as filters. The index has a term per day, month and year of
// publication (D, M, Y in the schema) as well as the date in a value slot; a range
// filtered through the slot reads every candidate's value, through the terms it reads
// a few posting lists: on Reuters-21578, `oil` in March 1987 matched in 0.4 ms against
// 1.0 (bench/README.md, "Date filters, searches per core, the listen queue").
#pragma once

#include <optional>

#include <xapian.h>

#include "common/date.h"

namespace morgue {

// The articles of `db` published from `from` to `to`, both inclusive, either open, as
// a boolean filter (no weight): the fewest whole years, months and days that cover the
// range, within the years `db` has articles of (its value bounds, rounded out to whole
// years); outside them, a value range, which costs nothing unless a reopened database
// holds such dates by the time it runs.
// Falls back to the value range alone when the terms would be too many.
[[nodiscard]] Xapian::Query date_range_filter(const Xapian::Database& db, std::optional<Date> from,
                                              std::optional<Date> to);

}  // namespace morgue
