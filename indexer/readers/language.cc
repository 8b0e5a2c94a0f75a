#include "indexer/readers/language.h"

#include <algorithm>
#include <cctype>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "indexer/readers/html_dom.h"

namespace morgue::indexer {
namespace {

// CLD2 needs a few hundred bytes to be sure; beyond this it learns nothing more.
constexpr std::size_t kMaxDetectBytes = 64 * 1024;

}  // namespace

std::string iso639_1(std::string_view tag) {
  const auto end = tag.find_first_of("-_");
  std::string primary = ascii_lower(tag.substr(0, end));
  if (primary.size() != 2 || !std::isalpha(static_cast<unsigned char>(primary[0])) ||
      !std::isalpha(static_cast<unsigned char>(primary[1]))) {
    return {};
  }
  if (primary == "iw") return "he";
  if (primary == "jw") return "jv";
  if (primary == "in") return "id";
  return primary;
}

DetectedLanguage detect_language(std::string_view text) {
  text = text.substr(0, std::min(text.size(), kMaxDetectBytes));
  if (text.empty()) return {};
  CLD2::Language top3[3];
  int percent3[3];
  double scores3[3];
  int text_bytes = 0;
  int valid_prefix_bytes = 0;
  bool reliable = false;
  const CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  const CLD2::Language lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, &hints, /*flags=*/0, top3, percent3, scores3,
      /*resultchunkvector=*/nullptr, &text_bytes, &reliable, &valid_prefix_bytes);
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return {};
  return {iso639_1(CLD2::LanguageCode(lang)), reliable};
}

}  // namespace morgue::indexer
