// Small text helpers on UTF-8 strings (ICU does the Unicode work).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace morgue {

[[nodiscard]] std::string fold_case(std::string_view utf8);  // Unicode case folding
// Removes combining marks after canonical decomposition: "Zelenskyy" stays, "Côte" -> "Cote".
[[nodiscard]] std::string strip_diacritics(std::string_view utf8);
[[nodiscard]] std::string trim(std::string_view s);
[[nodiscard]] std::string collapse_spaces(std::string_view s);  // runs of white space -> one ' ', trimmed
[[nodiscard]] std::vector<std::string> split(std::string_view s, char sep);
[[nodiscard]] std::vector<std::string> split_lines(std::string_view s);          // \n, \r\n or \r
[[nodiscard]] bool starts_with_ci(std::string_view s, std::string_view prefix);  // ASCII case-insensitive

// Converts Latin-1 (ISO-8859-1) bytes to UTF-8.
[[nodiscard]] std::string latin1_to_utf8(std::string_view latin1);
// Whether `s` is well-formed UTF-8 (no overlong forms, nothing past U+10FFFF's lead bytes).
[[nodiscard]] bool is_valid_utf8(std::string_view s);
// Replaces invalid UTF-8 sequences with U+FFFD so that everything in the index is UTF-8.
[[nodiscard]] std::string repair_utf8(std::string_view bytes);
// The same, but each byte that is not part of UTF-8 is read as windows-1252, as old
// exports mix it in ("Caf\xE9 \x93smart\x94"); the five bytes windows-1252 leaves
// undefined become U+FFFD.
[[nodiscard]] std::string repair_utf8_windows1252(std::string_view bytes);

// Character references -> UTF-8: &amp; &lt; &gt; &quot; &apos; &nbsp;, &#233; and &#xE9;.
// Control characters other than tab and newline are dropped (Reuters' &#2; &#3; are
// the wire's framing); an '&' that starts no such reference stays as it is. For SGML and
// for text that HTML-escapes inside JSON (JSON-LD): gumbo decodes the HTML it parses
// but has no call for a string of its own.
[[nodiscard]] std::string decode_entities(std::string_view s);

// The first sentence of `text`, cut at a word boundary to at most `max_chars`
// bytes with an ellipsis: a headline for articles that have none.
[[nodiscard]] std::string lede_headline(std::string_view text, std::size_t max_chars = 110);

// Number of Unicode code points (for bounds users reason about).
[[nodiscard]] std::size_t utf8_length(std::string_view s);

}  // namespace morgue
