// Pages arrive in any charset; everything inside the index is UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace morgue::indexer {

struct DecodedPage {
  std::string utf8;
  std::string charset;  // what the bytes were read as ("UTF-8", "windows-1252", "Shift_JIS" ...)
};

// Order (docs/html-extraction.md): a byte-order mark; bytes that are valid UTF-8 are
// UTF-8 (servers and pages often declare Latin-1 and send UTF-8; Latin-1 text that is
// valid UTF-8 by accident is all but impossible); the charset declared by the
// transport (HTTP Content-Type, `declared`); <meta charset> / <meta http-equiv=
// Content-Type>; uchardet's guess; windows-1252.
// A charset ICU does not know falls through to the next step. Never throws;
// undecodable bytes become U+FFFD.
[[nodiscard]] DecodedPage decode_html(std::string_view bytes, std::string_view declared = {});

// A text file's bytes as UTF-8, by the same steps without a transport's charset: its
// byte-order mark (dropped), UTF-8, uchardet's guess, windows-1252.
[[nodiscard]] std::string decode_text(std::string_view bytes);

// The charset named in a Content-Type value: "text/html; charset=ISO-8859-1" -> "ISO-8859-1".
[[nodiscard]] std::string charset_from_content_type(std::string_view content_type);

}  // namespace morgue::indexer
