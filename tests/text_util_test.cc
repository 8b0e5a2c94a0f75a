#include <catch2/catch.hpp>

#include "common/text_util.h"

TEST_CASE("Case folding is Unicode-aware", "[text]") {
  CHECK(morgue::fold_case("Global News") == "global news");
  CHECK(morgue::fold_case("MICHEÁL Martin") == "micheál martin");
  CHECK(morgue::fold_case("Straße") == "strasse");
}

TEST_CASE("Latin-1 converts to UTF-8 and bad UTF-8 is repaired", "[text]") {
  CHECK(morgue::latin1_to_utf8("caf\xe9") == "café");
  CHECK(morgue::repair_utf8("ok caf\xc3\xa9") == "ok café");
  CHECK(morgue::repair_utf8("bad \xff byte") == "bad \xEF\xBF\xBD byte");
  CHECK(morgue::repair_utf8("cut \xc3") == "cut \xEF\xBF\xBD");
}

TEST_CASE("UTF-8 is valid only as the standard says", "[text]") {
  const std::pair<const char*, bool> rows[] = {
      {"plain ASCII", true},
      {"caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x93\xb0", true},
      {"\xff", false},              // never a UTF-8 byte
      {"cut \xc3", false},          // a sequence cut short
      {"\xc0\xaf", false},          // overlong '/'
      {"\xe0\x80\xaf", false},      // overlong '/', three bytes
      {"\xed\xa0\x80", false},      // a UTF-16 surrogate
      {"\xf4\x90\x80\x80", false},  // beyond U+10FFFF
  };
  for (const auto& [text, valid] : rows) {
    INFO(text);
    CHECK(morgue::is_valid_utf8(text) == valid);
    CHECK((morgue::repair_utf8(text) == text) == valid);
  }
}

TEST_CASE("Lines split on any line ending", "[text]") {
  CHECK(morgue::split_lines("a\nb\r\nc\rd") == std::vector<std::string>{"a", "b", "c", "d"});
  CHECK(morgue::split_lines("a\n\nb\n") == std::vector<std::string>{"a", "", "b"});
  CHECK(morgue::collapse_spaces("  a \t b\n") == "a b");
}

TEST_CASE("A headline is taken from the lede", "[text]") {
  const std::string lede =
      "Talks between Russia and the U.S. on ending the nearly four-year war in Ukraine were productive, but much "
      "work remains, Yuri Ushakov, a senior adviser to President Vladimir Putin, told reporters on Wednesday.";
  const std::string h = morgue::lede_headline(lede);
  CHECK(h.starts_with("Talks between Russia and the U.S. on ending the nearly four-year war"));
  CHECK(h.ends_with("…"));
  CHECK(morgue::utf8_length(h) <= 111);
  CHECK(morgue::lede_headline("Markets fell sharply on Monday. Traders blamed the Fed.") ==
        "Markets fell sharply on Monday");
}

TEST_CASE("repair_utf8_windows1252 reads the bytes that are not UTF-8 as windows-1252", "[text]") {
  const std::pair<const char*, const char*> rows[] = {
      {"caf\xC3\xA9", "caf\u00E9"},                          // UTF-8 stays
      {"Caf\xE9", "Caf\u00E9"},                              // Latin-1
      {"\x93quoted\x94 \x80 5", "\u201Cquoted\u201D \u20AC 5"},  // windows-1252's own
      {"a\x81z", "a\uFFFDz"},                                // undefined in windows-1252
      {"Na\xEFve caf\xC3\xA9", "Na\u00EFve caf\u00E9"},      // both in one value
      {"end \xC3", "end \u00C3"},                            // a cut sequence: its byte
  };
  for (const auto& [in, out] : rows) {
    INFO(in);
    CHECK(morgue::repair_utf8_windows1252(in) == out);
  }
}

TEST_CASE("decode_entities: the named ones text uses, numbers, and '&' that is no entity", "[text]") {
  const std::pair<const char*, const char*> rows[] = {
      {"Smith &amp; Sons", "Smith & Sons"},
      {"&lt;b&gt; &quot;q&quot; &apos;a&apos; &#39;b&#39;", "<b> \"q\" 'a' 'b'"},
      {"caf&#233; &#xE9;&#XE9; &#x201C;x&#x201D;", "caf\u00E9 \u00E9\u00E9 \u201Cx\u201D"},
      {"a&nbsp;b", "a\u00A0b"},
      {"AT&T; R&D & more &unknown; &#; &#x;", "AT&T; R&D & more &unknown; &#; &#x;"},
      {"ctrl&#2;codes&#3;", "ctrlcodes"},  // the wire's framing, not text
  };
  for (const auto& [in, out] : rows) {
    INFO(in);
    CHECK(morgue::decode_entities(in) == out);
  }
}
