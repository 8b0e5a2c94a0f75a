// Snippets (common/snippet.h) on the demo archive: the rule their word filter rests on,
// the passage, the marks, the cuts.
#include <catch2/catch.hpp>

#include <random>
#include <set>

#include <xapian.h>

#include "common/index_location.h"
#include "common/query_builder.h"
#include "common/searcher.h"
#include "common/snippet.h"
#include "common/text_util.h"
#include "tests/corpus_index.h"
#include "tests/test_support.h"

namespace {

using namespace morgue;

using test::corpus_index;

// The marked spans of a snippet, and its text without the marks.
struct Marked {
  std::vector<std::string> marks;
  std::string text;
};

Marked unmark(const std::string& snippet) {
  Marked m;
  std::size_t at = 0;
  while (true) {
    const auto open = snippet.find("<mark>", at);
    m.text += snippet.substr(at, open == std::string::npos ? std::string::npos : open - at);
    if (open == std::string::npos) break;
    const auto close = snippet.find("</mark>", open);
    REQUIRE(close != std::string::npos);
    m.marks.push_back(snippet.substr(open + 6, close - open - 6));
    m.text += m.marks.back();
    at = close + 7;
  }
  return m;
}

// What the snippets of `query` mark (match=any), or nullopt where Xapian's are used.
std::optional<Snippets> snippets_for(const std::string& query) {
  Xapian::Database db = open_index(corpus_index());
  QueryBuilder builder(db, kDefaultRanking);
  SearchRequest r;
  r.query = query;
  r.match_any = true;
  const Xapian::Query q = builder.build(r);
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  return Snippets::for_query(q, enquire.get_mset(0, 10), builder.stemmer(), builder.stem_language(),
                             builder.kept_terms());
}

// The distinct words of some text as Xapian's TermGenerator sees them (lower-cased).
void add_words(const std::string& text, std::set<std::string>& words) {
  Xapian::Document doc;
  Xapian::TermGenerator termgen;
  termgen.set_document(doc);
  termgen.index_text(text);
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) words.insert(*it);
}

// The snippets of a query's hits on corpus/, through Searcher as morgue-search and morgued do.
std::vector<std::string> snippets(const std::string& query) {
  Searcher searcher(corpus_index());
  SearchRequest r;
  r.query = query;
  r.match_any = true;
  std::vector<std::string> out;
  for (const Hit& h : searcher.search(r).hits) out.push_back(h.snippet);
  return out;
}

}  // namespace

TEST_CASE("Snowball English stems start with the word's first byte, and second (y as i)", "[stem][snippet]") {
  std::set<std::string> words;
  for (const auto& entry : std::filesystem::directory_iterator(test::corpus_dir()))
    if (entry.path().extension() == ".txt") add_words(test::read_file(entry.path()), words);
  MORGUE_REQUIRE_CORPUS(reuters, "reuters21578");
  for (const char* file : {"reut2-000.sgm", "reut2-007.sgm", "reut2-014.sgm", "reut2-021.sgm"})
    add_words(test::read_file(reuters / file), words);
  REQUIRE(words.size() > 20000);
  const Xapian::Stem english("en");
  std::size_t changed = 0;
  for (const std::string& w : words) {
    const std::string stem = english(w);
    if (stem != w) ++changed;
    INFO(w << " -> " << stem);
    REQUIRE(!stem.empty());
    REQUIRE(stem[0] == w[0]);
    // And the second, reading 'y' as 'i' ("dying" -> "die"): common/snippet.cc relies on it.
    auto second = [](const std::string& s) { return s.size() < 2 ? '\0' : s[1] == 'y' ? 'i' : s[1]; };
    if (stem.size() >= 2) REQUIRE(second(stem) == second(w));
  }
  CHECK(changed > words.size() / 4);  // the words were stemmed, not merely copied
}

TEST_CASE("Snippets mark the query's words in every form, within the length, as valid HTML text", "[snippet]") {
  struct Row {
    const char* query;
    std::vector<std::string> stems;  // every mark, lower-cased and stemmed, is one of these
  };
  const Row rows[] = {
      {"ceasefire", {"ceasefir"}},
      {"talks", {"talk"}},
      {"negotiating", {"negoti"}},
      {"Zelenskyy", {"zelenskyy", "zelenski", "zelenskiy"}},  // and the name's other spellings
      {"Medinsky", {"medinski"}},
      {"Russia Ukraine", {"russia", "ukrain"}},
      {"drones airfields", {"drone", "airfield"}},
      {"U.S. officials", {"us", "offici"}},
  };
  const Xapian::Stem english("en");
  for (const Row& row : rows) {
    CAPTURE(row.query);
    const auto all = snippets(row.query);
    REQUIRE(!all.empty());
    for (const std::string& s : all) {
      CAPTURE(s);
      CHECK(is_valid_utf8(s));
      const Marked m = unmark(s);
      CHECK(m.text.size() <= 240 + 2 * std::string("…").size() + 4);
      CHECK(m.text.find('<') == std::string::npos);  // the text's own '<' would be &lt;
      CHECK(!m.marks.empty());
      for (const std::string& mark : m.marks) {
        std::string word = Xapian::Unicode::tolower(mark);
        std::erase(word, '.');  // "U.S."
        if (auto apostrophe = word.find("\xE2\x80\x99"); apostrophe != std::string::npos)
          word = word.substr(0, apostrophe) + "'" + word.substr(apostrophe + 3);
        CHECK(std::find(row.stems.begin(), row.stems.end(), english(word)) != row.stems.end());
      }
    }
  }
}

TEST_CASE("A phrase is marked where its words stand together, as one mark", "[snippet]") {
  const auto all = snippets("\"root causes\"");
  REQUIRE(all.size() == 2);
  for (const std::string& s : all) {
    CAPTURE(s);
    const Marked m = unmark(s);
    REQUIRE(!m.marks.empty());
    for (const std::string& mark : m.marks) CHECK(Xapian::Unicode::tolower(mark) == "root causes");
  }
}

TEST_CASE("A word as typed weighs in the passage, from the query or kept in memory", "[snippet]") {
  // "talk" and "strike" in the first sentence, "talks" in the third: a passage of 90
  // bytes holds the first with "talk" or one with "strike" and "talks".
  const std::string text =
      "They talk of a strike at the port. The owners have said nothing at all for days. They held talks on "
      "the strike in the port office until late in the evening, and met again at dawn.";
  test::TextIndex index;
  index.add(text);
  const Xapian::Query words(Xapian::Query::OP_OR, Xapian::Query("Ztalk"), Xapian::Query("Zstrike"));
  Xapian::Enquire enquire(index.db());
  enquire.set_query(words);
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  REQUIRE(mset.size() == 1);
  const Xapian::Stem english("english");
  const auto marks = [&](const std::optional<Snippets>& s) {
    REQUIRE(s);
    return unmark(s->make(text, 90)).marks;
  };
  // The stems alone: the first passage with both.
  CHECK(marks(Snippets::for_query(words, mset, english, "en")) == std::vector<std::string>{"talk", "strike"});
  // "talks" as typed weighs more: the passage with it, as a term of the query or kept
  // in memory (QueryBuilder::kept_terms).
  const Xapian::Query with_term(Xapian::Query::OP_AND_MAYBE, words,
                                Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query("talks"), 4.0));
  enquire.set_query(with_term);
  const auto as_term = marks(Snippets::for_query(with_term, enquire.get_mset(0, 10), english, "en"));
  CHECK(as_term == std::vector<std::string>{"strike", "talks"});
  const std::vector<std::pair<std::string, double>> typed = {{"talks", 1.0}};
  CHECK(marks(Snippets::for_query(words, mset, english, "en", typed)) == as_term);
}

TEST_CASE("A word's stem searched from memory with its form is marked in every form", "[snippet]") {
  // On corpus/ these stems are in few articles: the query searches each combined with
  // the form typed (ExactBoost::combined), not as a term, and the snippets still mark
  // the word in all its forms.
  const Xapian::Stem english("english");
  for (const char* word : {"talks", "claims", "delegations", "details"}) {
    const auto all = snippets(word);
    CAPTURE(word);
    REQUIRE(!all.empty());
    for (const std::string& s : all) {
      CAPTURE(s);
      const Marked m = unmark(s);
      CHECK(!m.marks.empty());
      for (const std::string& mark : m.marks) CHECK(english(Xapian::Unicode::tolower(mark)) == english(word));
    }
  }
}

TEST_CASE("ADJ and NEAR mark their words one by one, as a phrase with a window does not stand together",
          "[snippet]") {
  // Xapian reads "a ADJ/20 b" as a PHRASE with a window of 20: its words need not be adjacent.
  for (const char* q : {"memorandum ADJ/20 sochi", "memorandum NEAR/20 sochi"}) {
    const auto all = snippets(q);
    REQUIRE(all.size() == 2);
    for (const std::string& s : all) {
      CAPTURE(q, s);
      const Marked m = unmark(s);
      REQUIRE(!m.marks.empty());
      for (const std::string& mark : m.marks) {
        const std::string word = Xapian::Unicode::tolower(mark);
        CHECK((word.starts_with("memorand") || word == "sochi"));
      }
    }
  }
}

TEST_CASE("Snippets start at a sentence when one starts close enough, else with an ellipsis", "[snippet]") {
  for (const std::string& s : snippets("ceasefire")) {
    CAPTURE(s);
    const bool ellipsis = s.starts_with("…");
    const bool capital = !ellipsis && (std::isupper(static_cast<unsigned char>(s[0])) || s.starts_with("<mark>") ||
                                       s.starts_with("“") || s.starts_with("\""));
    CHECK((ellipsis || capital));
    CHECK((s.ends_with("…") || s.ends_with(".") || s.ends_with("”") || s.ends_with("\"") || s.ends_with("?")));
  }
}

TEST_CASE("Snippets escape the text's own markup and cut no character in two", "[snippet]") {
  const auto snippets = snippets_for("rifles");
  REQUIRE(snippets);
  struct Row {
    const char* text;
    std::size_t bytes;
    const char* expected;
  };
  const Row rows[] = {
      {"Smith & Wesson <b>rifles</b> sold out.", 240, "Smith &amp; Wesson &lt;b&gt;<mark>rifles</mark>&lt;/b&gt; sold out."},
      {"No match here, just text that goes on and on.", 20, "No match here, just…"},
      {"Ça coûte — “rifles” à Zürich, naïve café crème brûlée.", 30, "Ça coûte — “<mark>rifles</mark>” à…"},
      {"", 240, ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    const std::string s = snippets->make(row.text, row.bytes);
    CHECK(s == row.expected);
    CHECK(is_valid_utf8(s));
  }
}

TEST_CASE("A wildcard query leaves snippets to Xapian, and they still mark its words", "[snippet]") {
  CHECK_FALSE(snippets_for("Zelensk*").has_value());
  for (const std::string& s : snippets("Zelensk*")) {
    CAPTURE(s);
    CHECK(s.find("<mark>Zelensk") != std::string::npos);
  }
}

TEST_CASE("Snippets survive damaged text: cut characters, stray bytes, no spaces", "[snippet]") {
  // The demo articles, damaged at random (a fixed seed): the output stays balanced and,
  // when the text is valid UTF-8, valid UTF-8; under the sanitizer build, no bad access.
  std::vector<Snippets> makers;
  for (const char* q : {"ceasefire talks", "\"root causes\" putin", "U.S. Kyiv", "a"}) {
    auto s = snippets_for(q);
    REQUIRE(s);
    makers.push_back(std::move(*s));
  }
  std::mt19937 random(20261126);
  std::size_t checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::corpus_dir())) {
    if (entry.path().extension() != ".txt") continue;
    const std::string original = test::read_file(entry.path());
    for (int round = 0; round < 200; ++round) {
      std::string text = original.substr(0, random() % (original.size() + 1));
      for (int k = random() % 8; k > 0 && !text.empty(); --k) {
        const std::size_t at = random() % text.size();
        switch (random() % 4) {
          case 0: text[at] = static_cast<char>(random() % 256); break;        // a stray byte
          case 1: text.insert(at, "\xE2\x80"); break;                           // a cut character
          case 2: text[at] = text[at] == ' ' ? 'x' : text[at]; break;           // words run together
          default: text.insert(at, std::string(random() % 300, 'w')); break;   // a very long word
        }
      }
      const std::size_t bytes = 1 + random() % 400;
      for (const Snippets& s : makers) {
        const std::string out = s.make(text, bytes);
        CAPTURE(text, bytes, out);
        // Every <mark> is closed (unmark requires it), and the text's own '<' is escaped.
        REQUIRE(unmark(out).text.find('<') == std::string::npos);
        if (is_valid_utf8(text)) REQUIRE(is_valid_utf8(out));
        ++checked;
      }
    }
  }
  CHECK(checked == 5 * 200 * 4);
}
