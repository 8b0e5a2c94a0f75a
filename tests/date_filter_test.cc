// Date ranges filtered through the date terms (common/date_filter.h): the same articles
// as the value slot gives, for every range, with the fewest terms.
#include <set>
#include <vector>

#include <catch2/catch.hpp>

#include "common/date.h"
#include "common/date_filter.h"
#include "common/document_builder.h"
#include "common/identity.h"
#include "common/schema.h"
#include "tests/test_support.h"

using namespace morgue;

namespace {

// Every fifth day from 2023-11-03 to 2026-02-26 (2024-02-29 among them), each article
// saying "ceasefire" once, and one undated article.
Xapian::WritableDatabase dated_index(const std::filesystem::path& dir) {
  Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
  DocumentBuilder builder;
  auto add = [&](std::optional<Date> published, int n) {
    Article a;
    a.url = "https://example.com/" + std::to_string(n);
    a.published = published;
    a.headline = "Story " + std::to_string(n);
    a.body = "Talks on a ceasefire went on.";
    db.add_document(builder.build(a, document_id(a), content_fingerprint(a)));
  };
  int n = 0;
  for (long d = days_from_civil({2023, 11, 3}); d <= days_from_civil({2026, 2, 26}); d += 5)
    add(civil_from_days(d), ++n);
  add(std::nullopt, ++n);
  db.commit();
  return db;
}

std::set<Xapian::docid> matches(const Xapian::Database& db, const Xapian::Query& q) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  std::set<Xapian::docid> out;
  const Xapian::MSet m = enquire.get_mset(0, db.get_doccount());
  for (auto it = m.begin(); it != m.end(); ++it) out.insert(*it);
  return out;
}

// What the value slot alone says: the reference.
Xapian::Query slot_range(std::optional<Date> from, std::optional<Date> to) {
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kSlotDate, from ? format_compact(*from) : "00000000",
                       to ? format_compact(*to) : "99999999");
}

}  // namespace

TEST_CASE("Date ranges become the fewest year, month and day terms", "[date][query]") {
  test::TempDir dir;
  const Xapian::Database db = dated_index(dir.path() / "index");
  struct Row {
    std::optional<Date> from, to;
    const char* terms;  // the OR of terms in the filter's description
  };
  const Row rows[] = {
      {Date{2024, 1, 1}, Date{2024, 12, 31}, "Y2024"},
      {Date{2024, 2, 1}, Date{2024, 2, 29}, "M202402"},
      {Date{2025, 2, 1}, Date{2025, 2, 28}, "M202502"},
      {Date{2024, 2, 28}, Date{2024, 3, 1}, "D20240228 OR D20240229 OR D20240301"},
      {Date{2024, 12, 30}, Date{2025, 2, 2}, "D20241230 OR D20241231 OR M202501 OR D20250201 OR D20250202"},
      {Date{2024, 11, 1}, Date{2025, 12, 31}, "M202411 OR M202412 OR Y2025"},
      {Date{2025, 5, 19}, Date{2025, 5, 19}, "D20250519"},
  };
  for (const auto& r : rows) {
    const std::string d = date_range_filter(db, r.from, r.to).get_description();
    INFO(d);
    // Within the index's dates: terms only, no value slot read; weightless.
    const std::string terms = r.terms;
    CHECK(d == "Query(0 * " + (terms.find(' ') == std::string::npos ? terms : "(" + terms + ")") + ")");
  }
}

TEST_CASE("Date-term filters match exactly what the value slot matches", "[date][query]") {
  test::TempDir dir;
  const Xapian::Database db = dated_index(dir.path() / "index");
  // Ends at and around every kind of boundary: the index's first and last dates and
  // beyond them, month and year ends, the leap day, and days with no article.
  std::vector<std::optional<Date>> ends = {std::nullopt};
  for (const Date& d : {Date{1999, 1, 1}, Date{2023, 11, 2}, Date{2023, 11, 3}, Date{2023, 11, 4}, Date{2023, 12, 31},
                        Date{2024, 1, 1}, Date{2024, 2, 28}, Date{2024, 2, 29}, Date{2024, 3, 1}, Date{2024, 6, 30},
                        Date{2024, 12, 31}, Date{2025, 1, 1}, Date{2025, 5, 19}, Date{2025, 12, 31}, Date{2026, 2, 1},
                        Date{2026, 2, 26}, Date{2026, 2, 27}, Date{2031, 7, 1}})
    ends.emplace_back(d);
  int empty = 0, partial = 0;  // ranges matching nothing, and some but not all dated articles
  for (const auto& from : ends) {
    for (const auto& to : ends) {
      if (!from && !to) continue;
      INFO((from ? format_iso(*from) : "open") << ".." << (to ? format_iso(*to) : "open"));
      const auto expected = matches(db, slot_range(from, to));
      CHECK(matches(db, date_range_filter(db, from, to)) == expected);
      if (expected.empty()) ++empty;
      if (!expected.empty() && expected.size() < db.get_doccount() - 1) ++partial;
    }
  }
  // The table reaches both kinds, not only ranges that hold everything.
  CHECK(empty > 0);
  CHECK(partial > 100);
  // The undated article is in no range.
  CHECK(matches(db, date_range_filter(db, std::nullopt, Date{2099, 1, 1})).size() == db.get_doccount() - 1);
}

TEST_CASE("A date filter built before a reopen finds the articles added since", "[date][query]") {
  test::TempDir dir;
  Xapian::WritableDatabase writer = dated_index(dir.path() / "index");
  Xapian::Database reader((dir.path() / "index").string());
  const Xapian::Query open_end = date_range_filter(reader, Date{2026, 1, 1}, std::nullopt);
  const Xapian::Query before = date_range_filter(reader, std::nullopt, Date{2023, 12, 31});
  const auto had = matches(reader, open_end).size();
  const auto had_before = matches(reader, before).size();

  DocumentBuilder builder;
  for (const Date& d : {Date{2027, 5, 5}, Date{2020, 1, 1}}) {
    Article a;
    a.url = "https://example.com/late-" + format_iso(d);
    a.published = d;
    a.body = "Later news.";
    writer.add_document(builder.build(a, document_id(a), content_fingerprint(a)));
  }
  writer.commit();
  reader.reopen();
  CHECK(matches(reader, open_end).size() == had + 1);
  CHECK(matches(reader, before).size() == had_before + 1);
}

TEST_CASE("An index without dates: date filters match nothing", "[date][query]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document doc;
  doc.add_term("ceasefire");
  db.add_document(doc);
  CHECK(matches(db, date_range_filter(db, Date{2025, 1, 1}, std::nullopt)).empty());
  CHECK(matches(db, date_range_filter(db, std::nullopt, Date{2025, 1, 1})).empty());
}
