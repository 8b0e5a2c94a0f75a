// Date filters through the date terms (common/date_filter.h) against the value slot
// they replaced, on a synthetic archive long enough for wide ranges: three articles a
// day from 1990 to 2025 (39,447), each with the common word `word` and one in 13 with
// `rare`. Prints the match time of `word` and `rare` filtered to ranges from a month to
// 26 years, through the value slot (the baseline) and through the filter, and the ratio.
//   date-filter-speed [--runs 200] [--db DIR]   (the index is built there when empty)
#include <chrono>
#include <cstdio>
#include <filesystem>

#include <CLI/CLI.hpp>
#include <xapian.h>

#include "common/date.h"
#include "common/date_filter.h"
#include "common/schema.h"

namespace {

using namespace morgue;

void build(const std::string& path) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
  if (db.get_doccount() > 0) return;
  for (long day = days_from_civil({1990, 1, 1}); day <= days_from_civil({2025, 12, 31}); ++day) {
    const std::string ymd = format_compact(civil_from_days(day));
    for (int k = 0; k < 3; ++k) {
      Xapian::Document doc;
      doc.add_boolean_term(boolean_term(FieldId::kDay, ymd));
      doc.add_boolean_term(boolean_term(FieldId::kMonth, ymd.substr(0, 6)));
      doc.add_boolean_term(boolean_term(FieldId::kYear, ymd.substr(0, 4)));
      doc.add_value(kSlotDate, ymd);
      doc.add_term("Zword", 1 + static_cast<Xapian::termcount>((day + k) % 5));
      if ((day * 7 + k) % 13 == 0) doc.add_term("Zrare");
      db.add_document(doc);
    }
  }
  db.commit();
}

double match_us(Xapian::Enquire& enquire, const Xapian::Query& query, int runs) {
  enquire.set_query(query);
  (void)enquire.get_mset(0, 10, 110);
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < runs; ++i) (void)enquire.get_mset(0, 10, 110);
  return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() / runs;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"date-filter-speed: date terms against the value slot"};
  int runs = 200;
  std::string dir = (std::filesystem::temp_directory_path() / "morgue-date-filter-speed").string();
  app.add_option("--runs", runs)->capture_default_str();
  app.add_option("--db", dir, "where the synthetic index is (built when empty)")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  build(dir);
  Xapian::Database db(dir);
  Xapian::Enquire enquire(db);
  const std::pair<Date, Date> ranges[] = {
      {{2019, 6, 1}, {2019, 6, 30}},  {{2024, 1, 5}, {2024, 3, 20}},   {{2000, 1, 1}, {2009, 12, 31}},
      {{2003, 2, 11}, {2012, 11, 19}}, {{1995, 3, 15}, {2020, 10, 20}},
  };
  std::printf("| word | range | filter | value slot, us | date filter, us | slot / filter |\n|---|---|---|---|---|---|\n");
  for (const char* word : {"Zword", "Zrare"}) {
    for (const auto& [from, to] : ranges) {
      const Xapian::Query filter = date_range_filter(db, from, to);
      const Xapian::Query slot(Xapian::Query::OP_VALUE_RANGE, kSlotDate, format_compact(from), format_compact(to));
      const double v = match_us(enquire, Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(word), slot), runs);
      const double f = match_us(enquire, Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(word), filter), runs);
      const bool terms = filter.get_description().find("VALUE") == std::string::npos;
      std::printf("| %s | %s..%s | %s | %.0f | %.0f | %.2f |\n", word + 1, format_iso(from).c_str(),
                  format_iso(to).c_str(), terms ? "terms" : "slot (too many terms)", v, f, v / f);
    }
  }
  return 0;
}
