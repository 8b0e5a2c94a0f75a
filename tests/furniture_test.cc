// Site furniture rules: the five seed pages of corpus/ (omindexcheck style: text that
// must go, text that must stay) and small synthetic pages, one rule each.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "common/furniture.h"
#include "common/text_util.h"
#include "tests/test_support.h"

namespace {

using morgue::FurnitureOptions;
using morgue::strip_furniture;

bool contains_ci(const std::string& haystack, const std::string& needle) {
  return morgue::fold_case(haystack).find(morgue::fold_case(needle)) != std::string::npos;
}

struct SeedCase {
  const char* file;
  const char* headline;  // as MANIFEST.tsv gives it ("" = none)
  std::vector<std::string> kept;
};

const std::vector<SeedCase> kSeeds = {
    {"000_42efc17f8a286118.txt",
     "Ukraine and Russia promise 'roadmap' to peace after talks",
     {"Putin and Poroshenko agree to work together", "EU negotiator Baroness Ashton",
      "The Kremlin has been accused of arming the rebels", "The Guardian reports"}},
    {"001_32db856e3cd92557.txt",
     "Russia and Ukraine meet for the first time in three years to discuss ceasefire",
     {"Russian and Ukrainian officials met in Istanbul", "Tammy Bruce",
      "This story was updated with a statement from a State Department spokesperson."}},
    {"002_303ff7fb558a9655.txt",
     "Russia, Ukraine to begin truce talks immediately: Trump after Putin call",
     {"the root causes of this crisis", "That was worth a try, but we\xE2\x80\x99re not doing any more."}},
    {"003_6e6beed36f0e0b2c.txt",
     "Putin, Trump Signal Progress Toward Ukraine Peace Talks",
     {"Russian President Vladimir Putin said on Monday", "we aim to address the root causes of this crisis",
      "While both Washington and Moscow now speak"}},
    {"004_31363c931ec8fce3.txt",
     "",
     {"Talks between Russia and the U.S. on ending the nearly four-year war",
      "Negotiators have indicated the framework has changed",
      "Coinciding with Witkoff\xE2\x80\x99s trip, Ukrainian President Volodymyr Zelenskyy went to Ireland",
      "On Tuesday, Putin accused Kyiv\xE2\x80\x99s European allies",
      "They worry that if Russia gets what it wants in Ukraine", "Zelenskyy said the Florida talks took as their cue",
      "High-stakes negotiations", "Ukraine\xE2\x80\x99s general staff on Tuesday also denied"}},
};

// Words of the sites, not of the stories, in any of the five pages.
const std::vector<std::string> kFurniture = {"G7",
                                             "GLP-1",
                                             "Dracula",
                                             "newsletter",
                                             "Subscribe",
                                             "Story continues below advertisement",
                                             "[post-views]",
                                             "Leave a Comment",
                                             "cupure logo",
                                             "trumptrumpstalks",
                                             "Similar News",
                                             "Trending Now",
                                             "Latest Videos",
                                             "Escape your echo chamber",
                                             "Speed Read",
                                             "delivered to your inbox",
                                             "Privacy Policy",
                                             "Required fields",
                                             "Zelenskyy looks for European support",
                                             "Russia says it will not surrender its interests",
                                             "Get daily National news",
                                             "More on World",
                                             "A free daily email",
                                             "Comments",
                                             "World news"};

}  // namespace

TEST_CASE("seed pages keep their stories and lose the sites' furniture", "[furniture]") {
  for (const SeedCase& seed : kSeeds) {
    SECTION(seed.file) {
      const std::string page = morgue::test::read_file(morgue::test::corpus_dir() / seed.file);
      REQUIRE_FALSE(page.empty());
      const auto stripped = strip_furniture(page, FurnitureOptions{seed.headline});
      for (const std::string& text : seed.kept) {
        INFO("must stay: " << text);
        CHECK(stripped.body.find(text) != std::string::npos);
      }
      for (const std::string& text : kFurniture) {
        INFO("must go: " << text);
        CHECK_FALSE(contains_ci(stripped.body, text));
      }
      for (const std::string& paragraph : morgue::split_lines(stripped.body)) {
        INFO(paragraph);
        CHECK_FALSE(paragraph == "2:01");
        CHECK_FALSE(paragraph == "2:28");
        if (*seed.headline) CHECK(paragraph != seed.headline);
      }
      CHECK(stripped.lines_removed > 0);
    }
  }
}

TEST_CASE("the 2:01 video and the last paragraph of 004 are told apart", "[furniture]") {
  const std::string page = morgue::test::read_file(morgue::test::corpus_dir() / "004_31363c931ec8fce3.txt");
  const std::string body = strip_furniture(page).body;
  const auto last = body.substr(body.rfind("\n\n") + 2);
  CHECK(last.starts_with("Ukraine\xE2\x80\x99s general staff on Tuesday also denied"));
  CHECK(last.ends_with("the Facebook post said."));
  CHECK(body.find("\n\nZelenskyy under pressure\n\n") != std::string::npos);  // the glued subheading
}

TEST_CASE("furniture phrases", "[furniture]") {
  struct Row {
    const char* sentence;
    bool furniture;
  };
  const std::vector<Row> rows = {
      {"Subscribe to The Week", true},
      {"Sign up for The Week's Free Newsletters", true},
      {"Get daily National news", true},
      {"Get the day's top news, delivered to your inbox once a day.", true},
      {"By providing your email address, you have read and agree to our Terms and Conditions and Privacy Policy.",
       true},
      {"Story continues below advertisement", true},
      {"ADVERTISEMENT", true},
      {"Leave a Comment", true},
      {"Your email address will not be published.", true},
      {"Required fields are marked *", true},
      {"[post-views]", true},
      {"cupure logo", true},
      {"Similar News", true},
      {"Trending Now", true},
      {"Latest Videos", true},
      {"Share this article:", true},
      {"Millions sign up for health insurance before the deadline", false},
      {"The hackers stole the email address of every customer.", false},
      {"Facebook changed its privacy policy after the ruling.", false},
      {"If the theory holds, investors will subscribe to the new bonds.", false},
      {"The talks were productive, but much work remains.", false},
      {"A pretty standard call for bipartisanship and for unity. [AUDIO PLAYBACK]", false},
      {"World", false},
      {"", false},
  };
  for (const Row& row : rows) {
    INFO(row.sentence);
    CHECK(morgue::is_furniture_phrase(row.sentence) == row.furniture);
  }
}

TEST_CASE("one rule at a time on synthetic pages", "[furniture]") {
  struct Row {
    const char* rule;
    std::string page;
    std::string headline;
    std::string expected;  // the whole body
  };
  const std::string a = "The council approved the budget on Monday.";
  const std::string b = "Opposition members said the cuts went too far.";
  const std::string c = "The vote was 7 to 2.";
  const std::vector<Row> rows = {
      {"nothing to strip", a + "\n" + b + "\n" + c, "", a + "\n\n" + b + "\n\n" + c},
      {"blank lines only separate", "\n\n" + a + "\n\n\n" + b + "\r\n" + c + "\n", "", a + "\n\n" + b + "\n\n" + c},
      {"headline repeated", "Council passes budget\n" + a + "\nCouncil passes budget\n" + b, "Council passes budget",
       a + "\n\n" + b},
      {"inline marker glued to text", a + "\nStory continues below advertisement" + b, "", a + "\n\n" + b},
      {"furniture sentence glued to text",
       a + "\nSign up for our newsletter. Enter your email address.Opposition members said the cuts went too far.", "",
       a + "\n\n" + b},
      {"promo block closed by a blank line", a + "\nSubscribe to The Daily\nThe news you need, every morning.\n\n" + b,
       "", a + "\n\n" + b},
      {"promo heading without a closing blank line keeps what follows", a + "\nGet daily local news\n" + b + "\n" + c,
       "", a + "\n\n" + b + "\n\n" + c},
      {"link list with two-line items and a last item without separator",
       a + "\n-\nStory one\nTeaser one\n-\nStory two\nTeaser two\n-\nStory three\nTeaser three\n" + b, "",
       a + "\n\n" + b},
      {"list heading glued to a separator", a + "\nTrending Now-\nStory one\n-\nStory two\n" + b, "", a + "\n\n" + b},
      {"video timestamp and its title", a + "\n3:15\nWatch the council debate the budget\n" + b, "", a + "\n\n" + b},
      {"tag cloud", "councilbudgetvotecityhallmayor\n" + a, "", a},
      {"aggregator logo", "newsnow logo\n" + a, "", a},
      {"duplicate lines", a + "\n" + b + "\n" + b + "\n" + c, "", a + "\n\n" + b + "\n\n" + c},
      {"trailing labels and headlines",
       a + "\n" + b + "\nComments\nMore from Politics\n- Mayor resigns in U.S.\n- Budget vote delayed\n", "",
       a + "\n\n" + b},
      {"a lone correction note ends a wire story", a + "\n- Corrects vote count in item of Feb 25.", "",
       a + "\n\n- Corrects vote count in item of Feb 25."},
      {"a text of short lines only is left alone", "Budget passes\nCouncil votes", "",
       "Budget passes\n\nCouncil votes"},
      {"mid-text subheadings stay", a + "\nWhat comes next\n" + b, "", a + "\n\nWhat comes next\n\n" + b},
  };
  for (const Row& row : rows) {
    SECTION(row.rule) { CHECK(strip_furniture(row.page, FurnitureOptions{row.headline}).body == row.expected); }
  }
}

// The last lines of AllSides articles (../shared/corpora/allsides-news-2019-2020) that
// end without a full stop: paragraphs of the story, and a correction, stay; what
// follows the story on the page goes.
TEST_CASE("a last paragraph without a full stop stays, what follows the story goes", "[furniture]") {
  const std::string story =
      "Eddie Gallagher was acquitted of murder on Tuesday.\nThe jury deliberated for about eight hours.";
  struct Row {
    const char* last;
    bool kept;
  };
  const Row rows[] = {
      // Two sentences, the second without its full stop.
      {"Gallagher has shared photos of herself with her husband throughout online. She also told fans about "
       "their 'date nights' while the trial was ongoing",
       true},
      {"CORRECTION: This story is updated to correct Rep. Lou Correa's home state,", true},
      {"(This story corrects to show Kashuv was a junior at the time of the shooting, not a senior, in "
       "paragraph two)",
       true},
      {"More:President Trump mocks CNN's Jim Acosta over Twitter video at border wall", false},
      {"More:How long do shutdowns last? Here are lessons from previous budget battles", false},
      {"Go deeper ... 2020 presidential election: Track every candidate's Q1 fundraising totals", false},
      {"Mueller says he will not testify before Congress", false},
      {"Corrections & Clarifications", false},
      {"Correction \xE2\x80\x94 An earlier version of this story misstated the jury's vote,", true},
      {"See things from another point of view. Sign up for the US opinion email.", false},
      {"Read the Supreme Court ruling here. Below, ReasonTV on the Matal v. Tam case and The Slants:", false},
      {"Like what you\xE2\x80\x99re reading? Download the USA TODAY app for more", false},
  };
  for (const Row& row : rows) {
    INFO(row.last);
    const std::string body = strip_furniture(story + "\n" + row.last).body;
    CHECK(body.starts_with("Eddie Gallagher was acquitted"));
    CHECK((body.find(row.last) != std::string::npos) == row.kept);
  }
}

TEST_CASE("an ordinary wire story loses no paragraph", "[furniture]") {
  // Reuters-21578 NEWID 2 (reut2-000.sgm), paragraphs as the Reuters reader joins them.
  const std::vector<std::string> paragraphs = {
      "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT",
      "CLEVELAND, Feb 26 - Standard Oil Co and BP North America Inc said they plan to form a venture to "
      "manage the money market borrowing and investment activities of both companies.",
      "BP North America is a subsidiary of British Petroleum Co Plc <BP>, which also owns a 55 pct interest in "
      "Standard Oil.",
      "The venture will be called BP/Standard Financial Trading and will be operated by Standard Oil under the "
      "oversight of a joint management committee.",
  };
  std::string page;
  for (std::size_t i = 1; i < paragraphs.size(); ++i) page += (page.empty() ? "" : "\n\n") + paragraphs[i];
  const auto stripped = strip_furniture(page, FurnitureOptions{paragraphs[0]});
  CHECK(stripped.body == page);
  CHECK(stripped.lines_removed == 0);
}
