// Entities: the alias table, mention clean-up, resolution with in-document
// coreference, spellings, and the extractor over the shipped model on real text.
#include <catch2/catch.hpp>

#include <algorithm>

#include "common/entities/alias_table.h"
#include "common/entities/extractor.h"
#include "common/entities/resolver.h"
#include "common/entities/spellings.h"
#include "common/entity_facet.h"
#include "common/errors.h"
#include "common/text_util.h"
#include "tests/test_support.h"

namespace {

using namespace morgue;
using namespace morgue::entities;

ner::Mention mention(const std::string& text, const std::string& type) { return {text, type, 0, 0}; }

const ArticleEntity* find_entity(const std::vector<ArticleEntity>& entities, const std::string& name) {
  for (const auto& e : entities)
    if (e.name == name) return &e;
  return nullptr;
}

}  // namespace

TEST_CASE("alias_key compares names as news writes them", "[entities]") {
  const std::pair<const char*, const char*> rows[] = {
      {"U.S.", "us"},
      {"US", "us"},
      {"Nato", "nato"},
      {"NATO", "nato"},
      {"Kim Jong-un", "kim jong un"},
      {"Kim Jong Un", "kim jong un"},
      {"Côte d\u2019Ivoire", "cote d'ivoire"},
      {"The  Hague", "hague"},
      {"Raúl Alfonsín", "raul alfonsin"},
  };
  for (const auto& [name, key] : rows) {
    INFO(name);
    CHECK(alias_key(name) == key);
  }
}

TEST_CASE("the shipped alias table resolves the spellings of the issue", "[entities]") {
  const AliasTable& table = default_alias_table();
  const std::pair<const char*, const char*> rows[] = {
      {"Putin", "Vladimir Putin"},
      {"Vladimir Putin", "Vladimir Putin"},
      {"Zelensky", "Volodymyr Zelenskyy"},
      {"Zelenskiy", "Volodymyr Zelenskyy"},
      {"Zelenskyy", "Volodymyr Zelenskyy"},
      {"Kiev", "Kyiv"},
      {"Kyiv", "Kyiv"},
      {"Nato", "NATO"},
      {"U.S.", "United States"},
      {"US", "United States"},
  };
  for (const auto& [alias, canonical] : rows) {
    INFO(alias);
    const EntityEntry* e = table.find(alias);
    REQUIRE(e != nullptr);
    CHECK(e->name == canonical);
  }
  CHECK(table.find("Kiev")->type == EntityType::kPlace);
  CHECK(table.find("Nato")->type == EntityType::kOrganization);
  CHECK(table.find("Nobody In Particular") == nullptr);
}

TEST_CASE("every Reuters-21578 category code maps to an entity of its type", "[entities][corpus]") {
  MORGUE_REQUIRE_CORPUS(reuters, "reuters21578");
  const AliasTable& table = default_alias_table();
  const std::pair<const char*, EntityType> lists[] = {{"all-people-strings.lc.txt", EntityType::kPerson},
                                                      {"all-places-strings.lc.txt", EntityType::kPlace}};
  for (const auto& [file, type] : lists) {
    std::size_t codes = 0;
    for (const auto& code : split_lines(test::read_file(reuters / file))) {
      if (trim(code).empty()) continue;
      ++codes;
      INFO(code);
      const EntityEntry* e = table.find_code(trim(code));
      REQUIRE(e != nullptr);
      CHECK(e->type == type);
    }
    CHECK(codes > 100);
  }
  REQUIRE(table.find_code("west-germany") != nullptr);
  CHECK(table.find_code("west-germany")->name == "West Germany");
}

TEST_CASE("a malformed alias table names the line", "[entities][errors]") {
  CHECK_THROWS_WITH(AliasTable::parse("# c\nKyiv\tplace\nOdesa\tcity\n", "t.tsv"), Catch::Contains("t.tsv:3"));
  CHECK_THROWS_WITH(AliasTable::parse("Kyiv\n", "t.tsv"), Catch::Contains("t.tsv:1"));
  const AliasTable ok = AliasTable::parse("Kyiv\tplace\tKiev\nGeorgia\tplace\nGeorgia\tperson\n", "t.tsv");
  CHECK(ok.find("kiev")->name == "Kyiv");
  CHECK(ok.find("Georgia", EntityType::kPerson)->type == EntityType::kPerson);
}

TEST_CASE("clean_mention drops titles, possessives and quotes", "[entities]") {
  const std::pair<const char*, const char*> rows[] = {
      {"President Vladimir Putin", "Vladimir Putin"},
      {"Prime Minister Keir Starmer", "Keir Starmer"},
      {"Mr. Poroshenko", "Poroshenko"},
      {"Putin's", "Putin"},
      {"\"Kremlin\"", "Kremlin"},
      {"President", "President"},  // nothing would be left: kept
      {"1987", ""},                // no letters
  };
  for (const auto& [text, clean] : rows) {
    INFO(text);
    CHECK(clean_mention(text) == clean);
  }
}

TEST_CASE("resolution gives each entity one name, surnames join the full name", "[entities]") {
  const AliasTable& table = default_alias_table();
  SECTION("the alias table and a title") {
    const auto e = resolve_entities({mention("President Vladimir Putin", "PER"), mention("Putin", "PER"),
                                     mention("Kiev", "LOC"), mention("Kyiv", "PER"), mention("Nato", "ORG"),
                                     mention("NATO", "ORG"), mention("U.S.", "LOC"), mention("US", "LOC")},
                                    table);
    REQUIRE(e.size() == 4);
    CHECK(e[0] == ArticleEntity{"Vladimir Putin", EntityType::kPerson, 2});
    // The table's type wins over the tagger's mistake ("Kyiv" tagged PER).
    CHECK(*find_entity(e, "Kyiv") == ArticleEntity{"Kyiv", EntityType::kPlace, 2});
    CHECK(*find_entity(e, "NATO") == ArticleEntity{"NATO", EntityType::kOrganization, 2});
    CHECK(*find_entity(e, "United States") == ArticleEntity{"United States", EntityType::kPlace, 2});
  }
  SECTION("a surname before or after the full name joins it") {
    const auto e = resolve_entities({mention("Zorya", "PER"), mention("Olena Zorya", "PER"), mention("Zorya", "PER"),
                                     mention("Mykola Hrin", "PER")},
                                    table);
    REQUIRE(e.size() == 2);
    CHECK(e[0] == ArticleEntity{"Olena Zorya", EntityType::kPerson, 3});
    CHECK(e[1] == ArticleEntity{"Mykola Hrin", EntityType::kPerson, 1});
  }
  SECTION("a month the tagger took into a name is dropped") {
    const auto e = resolve_entities({mention("June Poroshenko", "PER"), mention("Petro Poroshenko", "PER")}, table);
    REQUIRE(e.size() == 1);
    CHECK(e[0] == ArticleEntity{"Petro Poroshenko", EntityType::kPerson, 2});
    // Only for people, and only when a name is left.
    CHECK(resolve_entities({mention("June", "PER")}, table)[0].name == "June");
    CHECK(resolve_entities({mention("May Day Parade", "MISC")}, table)[0].name == "May Day Parade");
  }
  SECTION("an ambiguous surname stays on its own") {
    const auto e =
        resolve_entities({mention("Anna Bily", "PER"), mention("Petro Bily", "PER"), mention("Bily", "PER")}, table);
    CHECK(e.size() == 3);
    CHECK(find_entity(e, "Bily") != nullptr);
  }
  SECTION("capitals from a headline give way to the body's spelling") {
    const auto e = resolve_entities({mention("BUNDESBANK", "ORG"), mention("Bundesbank", "ORG")}, table);
    REQUIRE(e.size() == 1);
    CHECK(e[0].name == "Bundesbank");
  }
}

TEST_CASE("spellings group one-word names, never acronyms that are words", "[entities]") {
  const Spellings& s = default_spellings();
  REQUIRE(s.find("kiev") != nullptr);
  CHECK(s.find("kiev")->entity == "Kyiv");
  CHECK(s.find("kyiv") == s.find("kiev"));
  REQUIRE(s.find("zelensky") != nullptr);
  const auto& z = s.find("zelensky")->spellings;
  CHECK(std::find(z.begin(), z.end(), "zelenskyy") != z.end());
  CHECK(s.find("us") == nullptr);     // "US" is the United States, "us" a pronoun
  CHECK(s.find("putin") == nullptr);  // one spelling only
}

TEST_CASE("the entity list of the value slot reads back", "[entities]") {
  const std::vector<ArticleEntity> list = {{"Vladimir Putin", EntityType::kPerson, 3}, {"Kyiv", EntityType::kPlace, 1}};
  const auto parsed = parse_entity_list_value(entity_list_value(list));
  REQUIRE(parsed.size() == 2);
  CHECK(parsed[0] == std::pair{EntityType::kPerson, std::string("Vladimir Putin")});
  CHECK(parsed[1] == std::pair{EntityType::kPlace, std::string("Kyiv")});
}

TEST_CASE("the extractor finds the 2014 article's people under their canonical names", "[entities]") {
  Article a;
  a.headline = "Ukraine and Russia promise 'roadmap' to peace after talks";
  a.body = test::read_file(test::corpus_dir() / "000_42efc17f8a286118.txt");
  const auto e = EntityExtractor::embedded().extract(a);
  REQUIRE(find_entity(e, "Vladimir Putin") != nullptr);
  CHECK(find_entity(e, "Vladimir Putin")->type == EntityType::kPerson);
  REQUIRE(find_entity(e, "Petro Poroshenko") != nullptr);
  CHECK(find_entity(e, "Poroshenko") == nullptr);  // joined the full name
  CHECK(find_entity(e, "Kyiv") != nullptr);        // written "Kiev"
  a.lang = "de";
  CHECK(EntityExtractor::embedded().extract(a).empty());
}

TEST_CASE("a title-case headline does not turn into names", "[entities]") {
  Article a;
  a.headline = "Putin, Trump Signal Progress Toward Ukraine Peace Talks";
  a.body = "Russian President Vladimir Putin and U.S. President Donald Trump spoke by phone on Monday.";
  const auto e = EntityExtractor::embedded().extract(a);
  CHECK(find_entity(e, "Vladimir Putin") != nullptr);
  CHECK(find_entity(e, "Donald Trump") != nullptr);
  for (const auto& entity : e) CHECK(entity.name.find("Signal") == std::string::npos);
}
