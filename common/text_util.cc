#include "common/text_util.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <utility>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace morgue {
namespace {

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::string fold_case(std::string_view utf8) {
  if (is_ascii(utf8)) {
    std::string out(utf8);
    // Not std::tolower, a call a byte: 750 of the 24,000 instructions that building
    // CISI's four-word "testing automated information systems" took (callgrind).
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())))
      .foldCase()
      .toUTF8String(out);
  return out;
}

std::string strip_diacritics(std::string_view utf8) {
  if (is_ascii(utf8)) return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);  // a shared, thread-safe singleton
  if (U_FAILURE(status)) return std::string(utf8);
  const icu::UnicodeString decomposed = nfd->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size()))), status);
  if (U_FAILURE(status)) return std::string(utf8);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) kept.append(c);
    i += U16_LENGTH(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

std::string trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (char c : s) {
    if (is_space(c)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out += ' ';
      pending_space = false;
      out += c;
    }
  }
  return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto pos = s.find(sep, start);
    parts.emplace_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return parts;
}

std::vector<std::string> split_lines(std::string_view s) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n' || s[i] == '\r') {
      lines.emplace_back(s.substr(start, i - start));
      if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  if (start < s.size()) lines.emplace_back(s.substr(start));
  return lines;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

std::string latin1_to_utf8(std::string_view latin1) {
  std::string out;
  icu::UnicodeString(latin1.data(), static_cast<int32_t>(latin1.size()), "ISO-8859-1").toUTF8String(out);
  return out;
}

bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(p, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

namespace {

// windows-1252's 0x80-0x9F (0xA0-0xFF are Latin-1's, the same code points); 0 where
// it defines none. A table rather than an ICU converter: only the bytes that are not
// UTF-8 are converted, one by one, amid UTF-8 that stays as it is.
constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_windows1252(std::string& out, unsigned char byte) {
  const UChar32 c = byte < 0xA0 ? kWindows1252High[byte - 0x80] : byte;
  if (c == 0) {
    out += "\xEF\xBF\xBD";  // U+FFFD
    return;
  }
  char buffer[4];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buffer, n, c);
  out.append(buffer, static_cast<std::size_t>(n));
}

std::string repair(std::string_view bytes, bool windows1252) {
  if (is_valid_utf8(bytes)) return std::string(bytes);  // the common case, as is
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  std::string out;
  out.reserve(bytes.size() + 16);
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0) {
      out.append(bytes.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    } else if (windows1252) {
      append_windows1252(out, s[start]);  // one byte, then UTF-8 again from the next
      i = start + 1;
    } else {
      out += "\xEF\xBF\xBD";  // U+FFFD for the ill-formed sequence
    }
  }
  return out;
}

}  // namespace

std::string decode_entities(std::string_view s) {
  static constexpr std::pair<std::string_view, UChar32> kNamed[] = {
      {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto semi = s[i] == '&' ? s.find(';', i) : std::string_view::npos;
    if (semi == std::string_view::npos || semi - i > 10) {
      out += s[i];
      continue;
    }
    const std::string_view name = s.substr(i + 1, semi - i - 1);
    UChar32 cp = -1;
    for (const auto& [entity, c] : kNamed) {
      if (name == entity) cp = c;
    }
    if (cp < 0 && name.size() >= 2 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      unsigned long value = 0;
      const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
      if (!digits.empty() && ec == std::errc() && end == digits.data() + digits.size() && value <= 0x10FFFF &&
          !(value >= 0xD800 && value <= 0xDFFF)) {
        cp = static_cast<UChar32>(value);
      }
    }
    if (cp < 0) {
      out += '&';
      continue;
    }
    if (cp >= 0x20 && cp != 0x7F) {
      char buffer[4];
      int32_t n = 0;
      U8_APPEND_UNSAFE(buffer, n, cp);
      out.append(buffer, static_cast<std::size_t>(n));
    } else if (cp == '\n' || cp == '\t') {
      out += static_cast<char>(cp);
    }
    i = semi;
  }
  return out;
}

std::string repair_utf8(std::string_view bytes) { return repair(bytes, false); }

std::string repair_utf8_windows1252(std::string_view bytes) { return repair(bytes, true); }

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string lede_headline(std::string_view text, std::size_t max_chars) {
  std::string lede = collapse_spaces(text.substr(0, std::min<std::size_t>(text.size(), 4 * max_chars)));
  // First sentence: ends at ". X" / "? X" / "! X" with X a capital, unless the word
  // before the period is an abbreviation ("U.S.", "Mr.", "Feb.").
  for (std::size_t i = 1; i + 2 < lede.size(); ++i) {
    const char c = lede[i];
    if ((c != '.' && c != '?' && c != '!') || lede[i + 1] != ' ' ||
        !std::isupper(static_cast<unsigned char>(lede[i + 2]))) {
      continue;
    }
    if (c == '.') {
      const auto word_start = lede.rfind(' ', i);
      const std::string_view word =
          std::string_view(lede).substr(word_start == std::string::npos ? 0 : word_start + 1,
                                        i - (word_start == std::string::npos ? 0 : word_start + 1));
      const bool abbreviation =
          word.find('.') != std::string_view::npos ||
          (word.size() <= 3 && !word.empty() && std::isupper(static_cast<unsigned char>(word[0])));
      if (abbreviation) continue;
    }
    lede.resize(c == '.' ? i : i + 1);
    break;
  }
  if (lede.size() <= max_chars) return lede;
  std::size_t cut = lede.rfind(' ', max_chars);
  if (cut == std::string::npos || cut < max_chars / 2) {
    cut = max_chars;
    while (cut > 0 && (static_cast<unsigned char>(lede[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  }
  lede.resize(cut);
  while (!lede.empty() && (lede.back() == ',' || lede.back() == ' ' || lede.back() == ';')) lede.pop_back();
  return lede + "…";
}

}  // namespace morgue
