// Language of an article's text (CLD2), as an ISO 639-1 code.
#pragma once

#include <string>
#include <string_view>

namespace morgue::indexer {

struct DetectedLanguage {
  std::string code;       // ISO 639-1 ("en", "de", "ja"), "" when unknown
  bool reliable = false;  // CLD2 is sure: enough text, a clear winner
};

// `text` is plain UTF-8 text (invalid bytes are tolerated).
[[nodiscard]] DetectedLanguage detect_language(std::string_view text);

// "en-GB", "EN_us", "zh-Hant" -> "en", "en", "zh"; "" for what is not a two-letter
// primary tag. Also maps CLD2's old codes (iw -> he, jw -> jv).
[[nodiscard]] std::string iso639_1(std::string_view tag);

}  // namespace morgue::indexer
