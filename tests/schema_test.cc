#include <set>

#include <catch2/catch.hpp>

#include "common/schema.h"

TEST_CASE("Every field has a unique prefix, name and value slot", "[schema]") {
  std::set<std::string_view> prefixes, names;
  std::set<Xapian::valueno> slots;
  for (const auto& f : morgue::schema_fields()) {
    INFO(f.about);
    if (f.id != morgue::FieldId::kText) CHECK(prefixes.insert(f.prefix).second);
    for (auto n : f.names) {
      if (!n.empty()) CHECK(names.insert(n).second);
    }
    if (f.slot && f.kind == morgue::FieldKind::kBoolean) CHECK(slots.insert(*f.slot).second);
  }
  // No prefix may be a prefix of another user-visible prefix + capital letter clash:
  // Omega's rule is that X-prefixes are X + capitals, single letters are reserved.
  for (auto p : prefixes) {
    CHECK(p.size() >= 1);
    if (p.size() > 1) CHECK(p[0] == 'X');
  }
}

TEST_CASE("Boolean terms fold case and mark capitals with a colon", "[schema]") {
  using morgue::FieldId;
  CHECK(morgue::boolean_term(FieldId::kOutlet, "Global News") == "XOglobal news");
  CHECK(morgue::boolean_term(FieldId::kOutlet, "  Global   News ") == "XOglobal news");
  CHECK(morgue::boolean_term(FieldId::kDay, "20250519") == "D20250519");
  CHECK(morgue::boolean_term(FieldId::kId, "GC79DNu8") == "Q:GC79DNu8");
  CHECK(morgue::boolean_term(FieldId::kId, "reuters-1") == "Qreuters-1");
  const std::string long_url = "https://example.com/" + std::string(400, 'a');
  const std::string t = morgue::boolean_term(FieldId::kUrl, long_url);
  CHECK(t.size() < 245);
  CHECK(t != morgue::boolean_term(FieldId::kUrl, long_url + "b"));
}

TEST_CASE("Field lookup by the names users type", "[schema]") {
  REQUIRE(morgue::field_by_name("title") != nullptr);
  CHECK(morgue::field_by_name("title")->prefix == "S");
  CHECK(morgue::field_by_name("headline") == morgue::field_by_name("title"));
  CHECK(morgue::field_by_name("outlet")->kind == morgue::FieldKind::kBoolean);
  CHECK(morgue::field_by_name("nosuchfield") == nullptr);
  CHECK(morgue::field_by_name("") == nullptr);
}
