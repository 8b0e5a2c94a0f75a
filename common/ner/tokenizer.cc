#include "common/ner/tokenizer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace morgue::ner {
namespace {

bool is_space_at(std::string_view s, std::size_t i, std::size_t* len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    *len = 1;
    return true;
  }
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {  // no-break space
    *len = 2;
    return true;
  }
  return false;
}

// Multi-byte punctuation that is always a token of its own.
constexpr std::array<std::string_view, 9> kUnicodePunct = {"\u201C", "\u201D", "\u2018", "\u2019", "\u00AB",
                                                           "\u00BB", "\u2026", "\u2014", "\u2013"};

// Length of the punctuation mark starting at s[i] that splits off a word's start.
std::size_t leading_punct(std::string_view s) {
  if (s.empty()) return 0;
  if (std::string_view("\"'`([{").find(s[0]) != std::string_view::npos) return 1;
  if (static_cast<unsigned char>(s[0]) < 0x80) return 0;  // every mark below is multi-byte
  for (auto p : kUnicodePunct)
    if (s.starts_with(p)) return p.size();
  return 0;
}

bool is_abbreviation(std::string_view body) {
  static constexpr std::array<std::string_view, 40> kAbbrev = {
      "mr",  "mrs", "ms",  "dr",  "st",  "jr",  "sr",   "inc",  "corp", "co",   "ltd", "plc",   "bros", "gen",
      "gov", "sen", "rep", "lt",  "col", "sgt", "capt", "prof", "rev",  "mt",   "ft",  "jan",   "feb",  "mar",
      "apr", "aug", "sep", "oct", "nov", "dec", "no",   "vs",   "etc",  "sept", "cos", "messrs"};
  if (body.empty()) return false;
  if (body.find('.') != std::string_view::npos) return true;                               // U.S., a.m.
  if (body.size() == 1 && std::isalpha(static_cast<unsigned char>(body[0]))) return true;  // J. Smith
  std::string lower(body);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::find(kAbbrev.begin(), kAbbrev.end(), lower) != kAbbrev.end();
}

// Length of the punctuation mark ending s that splits off a word's end (0: none).
std::size_t trailing_punct(std::string_view s) {
  if (s.empty()) return 0;
  if (static_cast<unsigned char>(s.back()) >= 0x80) {  // the multi-byte marks end in one too
    for (auto p : kUnicodePunct)
      if (s.ends_with(p)) return p.size();
  }
  const char c = s.back();
  if (std::string_view("\"'`)]},;:!?").find(c) != std::string_view::npos) return 1;
  if (c == '.') {
    if (s.ends_with("...")) return s.size() == 3 ? 0 : 3;
    return s.size() > 1 && !is_abbreviation(s.substr(0, s.size() - 1)) ? 1 : 0;
  }
  return 0;
}

// Length of a clitic ending `s` ("'s", "n't", ...), 0 when there is none.
std::size_t clitic(std::string_view s) {
  static constexpr std::array<std::string_view, 7> kClitics = {"'s", "'re", "'ve", "'ll", "'d", "'m", "n't"};
  // Every clitic has an apostrophe: most words need no lower-cased copy.
  if (s.find('\'') == std::string_view::npos && s.find("\u2019") == std::string_view::npos) return 0;
  std::string lower(s);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // The typographic apostrophe (U+2019) is three bytes: normalise it for the comparison.
  std::size_t extra = 0;
  if (auto pos = lower.rfind("\u2019"); pos != std::string::npos && pos + 5 >= lower.size()) {
    lower = lower.substr(0, pos) + "'" + lower.substr(pos + 3);
    extra = 2;
  }
  for (auto c : kClitics)
    if (lower.size() > c.size() && std::string_view(lower).ends_with(c)) return c.size() + extra;
  return 0;
}

bool is_bare_clitic(std::string_view s) {
  return s == "'s" || s == "'S" || s == "'re" || s == "'ve" || s == "'ll" || s == "'d" || s == "'m";
}

void add_chunk(std::string_view text, std::size_t b, std::size_t e, std::vector<Token>& out) {
  std::vector<Token> tail;
  auto view = [&](std::size_t x, std::size_t y) { return text.substr(x, y - x); };
  while (b < e) {
    const std::size_t n = leading_punct(view(b, e));
    if (n == 0 || n == e - b) break;
    if (text[b] == '\'' && is_bare_clitic(view(b, e))) break;  // "'s" after a split-off word
    out.push_back({view(b, b + n), b, b + n});
    b += n;
  }
  while (b < e) {
    const std::size_t n = trailing_punct(view(b, e));
    if (n == 0 || n == e - b) break;
    tail.push_back({view(e - n, e), e - n, e});
    e -= n;
  }
  if (b < e) {
    // Dashes inside a chunk ("peace--and", "war\u2014now") separate words.
    std::size_t start = b;
    for (std::size_t i = b; i < e;) {
      std::size_t dash = 0;
      if (text[i] == '-' && text.compare(i, 2, "--") == 0)
        dash = 2;
      else if (text[i] == '\xE2' && (text.compare(i, 3, "\u2014") == 0 || text.compare(i, 3, "\u2013") == 0))
        dash = 3;
      if (dash == 0 || i == b || i + dash >= e) {
        i += dash ? dash : 1;
        continue;
      }
      add_chunk(text, start, i, out);
      out.push_back({view(i, i + dash), i, i + dash});
      start = i + dash;
      i = start;
    }
    if (start != b) {
      add_chunk(text, start, e, out);
    } else if (const std::size_t c = clitic(view(b, e)); c > 0) {
      out.push_back({view(b, e - c), b, e - c});
      out.push_back({view(e - c, e), e - c, e});
    } else {
      out.push_back({view(b, e), b, e});
    }
  }
  out.insert(out.end(), tail.rbegin(), tail.rend());
}

bool starts_upper_or_digit(std::string_view t) {
  const auto c = static_cast<unsigned char>(t[0]);
  return std::isupper(c) || std::isdigit(c) || c >= 0x80 || leading_punct(t) > 0;
}

bool is_final(std::string_view t) { return t == "." || t == "!" || t == "?" || t == "..." || t == "\u2026"; }
bool is_closing(std::string_view t) { return t == "\"" || t == "'" || t == ")" || t == "\u201D" || t == "\u2019"; }

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t len = 0;
    if (is_space_at(text, i, &len)) {
      i += len;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && !is_space_at(text, j, &len)) ++j;
    add_chunk(text, i, j, out);
    i = j;
  }
  return out;
}

std::vector<SentenceRange> split_sentences(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<SentenceRange> out;
  std::size_t start = 0;
  std::size_t line_start = 0;  // byte offset where the current line begins
  for (std::size_t k = 1; k <= tokens.size(); ++k) {
    bool split = k == tokens.size();
    if (!split) {
      const std::string_view gap = text.substr(tokens[k - 1].end, tokens[k].begin - tokens[k - 1].end);
      const auto newlines = std::count(gap.begin(), gap.end(), '\n');
      const std::string_view prev = tokens[k - 1].text;
      if (newlines >= 2) {
        split = true;
      } else if (newlines == 1) {
        // A short line without final punctuation is a title or dateline, not a wrapped sentence.
        split = is_final(prev) || tokens[k - 1].end - line_start < 60;
      } else if (is_final(prev) || (is_closing(prev) && k >= 2 && is_final(tokens[k - 2].text) &&
                                    tokens[k - 2].end == tokens[k - 1].begin)) {
        const bool closing_follows = is_closing(tokens[k].text) && tokens[k].begin == tokens[k - 1].end;
        split = !closing_follows && starts_upper_or_digit(tokens[k].text);
      }
      if (newlines > 0) line_start = tokens[k].begin;
    }
    if (split) {
      out.push_back({start, k});
      start = k;
    }
  }
  return out;
}

}  // namespace morgue::ner
