#include "common/furniture.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_set>
#include <vector>

#include "common/text_util.h"

namespace morgue {
namespace {

// Bounds that separate page elements (headings, list items, labels) from article
// paragraphs. Real paragraphs end with sentence punctuation; page elements rarely do.
constexpr std::size_t kShortLine = 160;     // code points: a heading or a list item
constexpr std::size_t kListItemLine = 250;  // an item with its teaser
constexpr std::size_t kMaxItemLines = 3;    // lines per link-list item
constexpr std::size_t kPromoWords = 8;      // a promo heading is a few words
constexpr std::size_t kProseWords = 12;     // a paragraph that lost its full stop, at least

struct Line {
  std::string text;
  bool blank_before = false;  // the page had an empty line before this one
  bool kept = true;
};

bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// ASCII lower case with curly apostrophes made straight, so that phrase lists can be
// written once in plain ASCII.
std::string match_key(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\xE2\x80\x99") == 0 || s.compare(i, 3, "\xE2\x80\x98") == 0) {
      out += '\'';
      i += 2;
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
    }
  }
  return collapse_spaces(out);
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

bool starts_with_word(std::string_view s, std::string_view word) {
  return s.starts_with(word) && (s.size() == word.size() || !std::isalpha(static_cast<unsigned char>(s[word.size()])));
}

bool has_word(std::string_view s, std::string_view word) {
  for (std::size_t pos = s.find(word); pos != std::string_view::npos; pos = s.find(word, pos + 1)) {
    const bool left = pos == 0 || !std::isalpha(static_cast<unsigned char>(s[pos - 1]));
    const std::size_t end = pos + word.size();
    const bool right = end == s.size() || !std::isalpha(static_cast<unsigned char>(s[end]));
    if (left && right) return true;
  }
  return false;
}

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// Drops closing quotes and brackets, which follow the full stop in news style ("... end.”).
std::string_view without_closers(std::string_view s) {
  while (!s.empty()) {
    const char c = s.back();
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ') {
      s.remove_suffix(1);
    } else if (s.ends_with("\xE2\x80\x9D") || s.ends_with("\xE2\x80\x99")) {  // ” ’
      s.remove_suffix(3);
    } else if (s.ends_with("\xC2\xBB")) {  // »
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

bool ends_sentence(std::string_view line) {
  const std::string_view s = without_closers(line);
  if (s.empty()) return false;
  return s.back() == '.' || s.back() == '!' || s.back() == '?' || s.ends_with("\xE2\x80\xA6");  // …
}

// Page elements that are furniture whatever the site: exact labels, compared after
// trailing ':' / '-' are dropped.
constexpr std::array<std::string_view, 34> kLabels = {"advertisement",
                                                      "advertising",
                                                      "sponsored",
                                                      "sponsored content",
                                                      "comments",
                                                      "comment",
                                                      "leave a comment",
                                                      "leave a reply",
                                                      "share",
                                                      "share this",
                                                      "share this article",
                                                      "similar news",
                                                      "related news",
                                                      "related stories",
                                                      "related articles",
                                                      "related",
                                                      "trending now",
                                                      "trending",
                                                      "latest videos",
                                                      "latest news",
                                                      "more videos",
                                                      "most read",
                                                      "most popular",
                                                      "read more",
                                                      "sign up",
                                                      "subscribe",
                                                      "subscribe now",
                                                      "log in",
                                                      "sign in",
                                                      "skip to content",
                                                      "continue reading",
                                                      "you may also like",
                                                      "recommended",
                                                      "recommended for you"};

// Phrases no article sentence contains except as the site's own boilerplate.
constexpr std::array<std::string_view, 10> kBoilerplate = {"continues below advertisement",
                                                           "article continues below",
                                                           "continue reading below",
                                                           "required fields are marked",
                                                           "will not be published",
                                                           "leave a comment",
                                                           "leave a reply",
                                                           "all rights reserved",
                                                           "click here to",
                                                           "share on facebook"};

// Topics of a call to action; they make a sentence furniture only when it also
// addresses the reader (see is_furniture_phrase), so reporting *about* a privacy
// policy or an email address is kept.
constexpr std::array<std::string_view, 15> kCallTopics = {"newsletter",
                                                          "inbox",
                                                          "email address",
                                                          "e-mail address",
                                                          "privacy policy",
                                                          "cookie policy",
                                                          "terms and conditions",
                                                          "terms of use",
                                                          "terms of service",
                                                          "unsubscribe",
                                                          "subscribe",
                                                          "subscription",
                                                          "sign up",
                                                          "sign-up",
                                                          "accept cookies"};

constexpr std::array<std::string_view, 13> kImperatives = {"subscribe",  "sign up",    "sign-up",  "get",      "join",
                                                           "click",      "follow",     "download", "register", "enter",
                                                           "don't miss", "never miss", "create"};

// WordPress shortcodes are lower case; "[AUDIO PLAYBACK]" in a transcript is text.
bool is_shortcode(std::string_view s) {  // "[post-views]", "[caption id=1]"
  if (s.size() < 3 || s.front() != '[' || s.back() != ']') return false;
  return std::all_of(s.begin() + 1, s.end() - 1, [](char c) {
    return is_ascii_lower(c) || is_ascii_digit(c) || c == '-' || c == '_' || c == ' ' || c == '=' || c == '"';
  });
}

bool is_promo_heading(std::string_view line) {
  if (ends_sentence(line) || word_count(line) > kPromoWords || !is_furniture_phrase(line)) return false;
  const std::string key = match_key(line);
  return std::any_of(kImperatives.begin(), kImperatives.end(),
                     [&](std::string_view verb) { return starts_with_word(key, verb); }) ||
         contains(key, "newsletter");
}

bool is_timestamp(std::string_view s) {  // a video's running time: "2:01", "1:02:03"
  if (s.size() < 4 || s.size() > 8) return false;
  std::size_t digits = 0, colons = 0;
  for (char c : s) {
    if (is_ascii_digit(c)) {
      ++digits;
    } else if (c == ':') {
      ++colons;
    } else {
      return false;
    }
  }
  return colons >= 1 && colons <= 2 && is_ascii_digit(s.front()) && is_ascii_digit(s.back()) && s[s.size() - 3] == ':';
}

bool is_tag_cloud(std::string_view s) {  // tags run together: "trumptalksukrainegaza"
  return s.size() >= 20 &&
         std::all_of(s.begin(), s.end(), [](char c) { return is_ascii_lower(c) || is_ascii_digit(c); });
}

bool is_separator(std::string_view s) {
  return s == "-" || s == "\xE2\x80\x93" || s == "\xE2\x80\x94" || s == "\xE2\x80\xA2" || s == "|";
}

// "Trending Now-": a list heading with the first separator glued on.
bool is_list_heading(std::string_view s) {
  return s.size() >= 3 && s.back() == '-' && s[s.size() - 2] != ' ' && s[s.size() - 2] != '-' && word_count(s) <= 5 &&
         utf8_length(s) <= 50;
}

bool is_short_teaser(std::string_view s, std::size_t limit) { return utf8_length(s) <= limit && !ends_sentence(s); }

// Splits before each sentence, keeping every byte, so that removing furniture
// sentences leaves the rest of the line exactly as it was. A full stop glued to the
// next capital ("Privacy Policy.Coinciding") is a boundary too: pages lose the space
// where two elements meet.
std::vector<std::string_view> split_sentences(std::string_view line) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c != '.' && c != '!' && c != '?') continue;
    std::size_t j = i + 1;
    while (j < line.size()) {  // closing quotes belong to the sentence
      if (line[j] == '"' || line[j] == '\'' || line[j] == ')') {
        ++j;
      } else if (line.compare(j, 3, "\xE2\x80\x9D") == 0 || line.compare(j, 3, "\xE2\x80\x99") == 0) {
        j += 3;
      } else {
        break;
      }
    }
    if (j >= line.size()) break;
    std::size_t next = j;
    if (line[j] == ' ') {
      while (next < line.size() && line[next] == ' ') ++next;
    } else if (!(is_ascii_upper(line[j]) && i > 0 && is_ascii_lower(line[i - 1]))) {
      continue;
    }
    parts.push_back(line.substr(start, next - start));
    start = next;
    i = next - 1;
  }
  if (start < line.size()) parts.push_back(line.substr(start));
  return parts;
}

// A correction note ("CORRECTION: ...", "(This story corrects ...)"): the story's,
// wherever it stands. Not a page's "Corrections & Clarifications" link.
bool is_correction(std::string_view line) {
  const std::string start = match_key(line.substr(0, 24));
  return start.starts_with("correction:") || start.starts_with("correction -") ||
         start.starts_with("correction \xE2\x80\x94") || start.starts_with("(this story corrects") ||
         start.starts_with("(corrects");
}

// A text's last line that is a paragraph which lost its full stop: two sentences or
// more, none of them a page's phrase, not ending with the ':' that introduces what the
// page shows next. Only the last line: a list of headlines after the story has some of
// two sentences too ("... the victim of India's 'propaganda machine.' Now he's suing").
bool is_last_paragraph(std::string_view line) {
  if (without_closers(line).ends_with(':') || word_count(line) < kProseWords) return false;
  // A link after a label: "More:How long do shutdowns last? Here are lessons ...",
  // "Go deeper ... 2020 presidential election: Track every candidate's ...".
  const std::string start = match_key(line.substr(0, 24));
  const std::size_t colon = start.find(':');
  if (colon != std::string::npos && colon + 1 < start.size() && start[colon + 1] != ' ' &&
      word_count(start.substr(0, colon)) <= 3) {
    return false;
  }
  if (start.starts_with("go deeper") || start.starts_with("**")) return false;
  const std::vector<std::string_view> sentences = split_sentences(line);
  return sentences.size() >= 2 && std::none_of(sentences.begin(), sentences.end(), is_furniture_phrase);
}

std::size_t find_ascii_ci(std::string_view text, std::string_view needle) {
  if (needle.size() > text.size()) return std::string_view::npos;
  for (std::size_t i = 0; i + needle.size() <= text.size(); ++i) {
    if (starts_with_ci(text.substr(i), needle)) return i;
  }
  return std::string_view::npos;
}

// Inline markers are cut out wherever they are, even glued to the next paragraph:
// "Story continues below advertisementOn Tuesday, Putin ...".
std::string remove_inline_markers(std::string text) {
  static constexpr std::array<std::string_view, 4> kMarkers = {"story continues below advertisement",
                                                               "article continues below advertisement",
                                                               "story continues below", "article continues below"};
  for (std::string_view marker : kMarkers) {
    for (auto pos = find_ascii_ci(text, marker); pos != std::string_view::npos; pos = find_ascii_ci(text, marker)) {
      text.erase(pos, marker.size());
      text = trim(text);
    }
  }
  return text;
}

std::string remove_furniture_sentences(const std::string& line) {
  std::string out;
  bool removed = false;
  for (std::string_view sentence : split_sentences(line)) {
    if (is_furniture_phrase(sentence)) {
      removed = true;
    } else {
      out += sentence;
    }
  }
  if (!removed) return line;
  out = trim(out);
  // What is left of a line of boilerplate may be a stray mark.
  return std::any_of(out.begin(), out.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); })
             ? out
             : std::string();
}

class Stripper {
 public:
  Stripper(std::string_view text, const FurnitureOptions& options) : headline_key_(match_key(options.headline)) {
    bool blank = false;
    for (const std::string& raw : split_lines(text)) {
      std::string t = trim(raw);
      if (t.empty()) {
        blank = true;
        continue;
      }
      t = remove_inline_markers(std::move(t));
      if (t.empty()) {
        ++marker_lines_;
        continue;
      }
      lines_.push_back({std::move(t), blank, true});
      blank = false;
    }
  }

  StrippedText run() {
    const std::size_t total = lines_.size() + marker_lines_;
    drop_headline_and_page_elements();
    drop_promo_blocks();
    drop_separator_lists();
    drop_sentences_and_duplicates();
    drop_trailing_run();
    StrippedText result;
    for (const Line& line : lines_) {
      if (!line.kept) continue;
      if (!result.body.empty()) result.body += "\n\n";
      result.body += line.text;
    }
    result.lines_removed = total - static_cast<std::size_t>(std::count_if(lines_.begin(), lines_.end(),
                                                                          [](const Line& l) { return l.kept; }));
    return result;
  }

 private:
  void drop_headline_and_page_elements() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      Line& line = lines_[i];
      if ((!headline_key_.empty() && match_key(line.text) == headline_key_) || is_tag_cloud(line.text)) {
        line.kept = false;
      } else if (is_timestamp(line.text)) {
        line.kept = false;  // ... and the video's title under it
        if (i + 1 < lines_.size() && !lines_[i + 1].blank_before && is_short_teaser(lines_[i + 1].text, kShortLine)) {
          lines_[++i].kept = false;
        }
      }
    }
  }

  // "Subscribe to X" / "Get daily X news" and its pitch, up to the empty line that
  // closes the block. Without that closing line (the end of the text is not one) the
  // next lines may be the article.
  void drop_promo_blocks() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (!lines_[i].kept || !is_promo_heading(lines_[i].text)) continue;
      lines_[i].kept = false;
      std::size_t end = i;
      while (end + 1 < lines_.size() && end - i < 2 && !lines_[end + 1].blank_before &&
             utf8_length(lines_[end + 1].text) <= kShortLine) {
        ++end;
      }
      if (end > i && end + 1 < lines_.size() && lines_[end + 1].blank_before) {
        for (std::size_t j = i + 1; j <= end; ++j) lines_[j].kept = false;
        i = end;
      }
    }
  }

  // Related-story lists: items between lines that are only "-", each item the same
  // number of lines, so the last item (with no separator after it) is as long as the
  // others and the article text after the list survives.
  void drop_separator_lists() {
    std::vector<std::size_t> seps;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (!lines_[i].kept) continue;
      const bool sep = is_separator(lines_[i].text);
      if (sep || is_list_heading(lines_[i].text)) {
        if (!seps.empty() && (is_list_heading(lines_[i].text) || !same_gap(seps, i))) flush_list(seps);
        seps.push_back(i);
      }
    }
    flush_list(seps);
  }

  bool same_gap(const std::vector<std::size_t>& seps, std::size_t next) const {
    const std::size_t gap = next - seps.back() - 1;
    if (gap == 0 || gap > kMaxItemLines) return false;
    for (std::size_t j = seps.back() + 1; j < next; ++j) {
      if (utf8_length(lines_[j].text) > kListItemLine) return false;
    }
    return seps.size() < 2 || gap == seps[1] - seps[0] - 1;
  }

  void flush_list(std::vector<std::size_t>& seps) {
    if (seps.empty()) return;
    const std::size_t k = seps.size() >= 2 ? seps[1] - seps[0] - 1 : 1;
    const std::size_t first = seps.front(), last = seps.back();
    const bool real_list = seps.size() >= 2 || is_list_heading(lines_[first].text);
    std::size_t end = last;  // the last item: k short lines with no separator after it
    if (real_list) {
      for (std::size_t j = last + 1; j < lines_.size() && j <= last + k; ++j) {
        if (lines_[j].blank_before || !is_short_teaser(lines_[j].text, kListItemLine)) break;
        end = j;
      }
      if (end - last != k) end = last;
    }
    const std::size_t from = real_list ? first : last;
    for (std::size_t j = from; j <= end; ++j) lines_[j].kept = false;
    seps.clear();
  }

  void drop_sentences_and_duplicates() {
    std::unordered_set<std::string> seen;
    for (Line& line : lines_) {
      if (!line.kept) continue;
      line.text = remove_furniture_sentences(line.text);
      if (line.text.empty() || !seen.insert(match_key(line.text)).second) line.kept = false;
    }
  }

  // After the last paragraph pages put section labels, comment prompts and lists of
  // headlines: short lines that are not sentences (but not a correction, nor a last
  // paragraph that lost its full stop). "- Item" lines in a list of two or
  // more go too even when one ends like a sentence ("... in U.S."); a lone one is a
  // wire story's correction note. Only a run after a real sentence goes, so a text
  // that is all short lines is left to the caller to judge.
  void drop_trailing_run() {
    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].kept) kept.push_back(i);
    }
    auto dash_item = [&](std::size_t j) {
      const std::string& text = lines_[kept[j]].text;
      return text.starts_with("- ") && utf8_length(text) <= kShortLine;
    };
    std::size_t n = kept.size();
    while (n > 0) {
      const std::size_t j = n - 1;
      const bool listed = dash_item(j) && ((j > 0 && dash_item(j - 1)) || (j + 1 < kept.size() && dash_item(j + 1)));
      const std::string& text = lines_[kept[j]].text;
      const bool story = is_correction(text) || (j + 1 == kept.size() && is_last_paragraph(text));
      if (!listed && (!is_short_teaser(text, kShortLine) || story)) break;
      --n;
    }
    if (n == 0) return;
    for (std::size_t j = n; j < kept.size(); ++j) lines_[kept[j]].kept = false;
  }

  std::string headline_key_;
  std::vector<Line> lines_;
  std::size_t marker_lines_ = 0;  // lines that were nothing but an inline marker
};

}  // namespace

bool is_furniture_phrase(std::string_view sentence) {
  std::string key = match_key(sentence);
  while (!key.empty() && (key.back() == ':' || key.back() == '-' || key.back() == '.' || key.back() == ' ')) {
    key.pop_back();
  }
  if (key.empty()) return false;
  if (is_shortcode(trim(sentence))) return true;
  if (std::find(kLabels.begin(), kLabels.end(), key) != kLabels.end()) return true;
  const std::size_t words = word_count(key);
  if (words <= 4 && key.ends_with(" logo")) return true;  // an aggregator's "cupure logo"
  if (std::any_of(kBoilerplate.begin(), kBoilerplate.end(), [&](std::string_view p) { return contains(key, p); })) {
    return true;
  }
  // "Get daily National news", "Get the latest headlines"
  if (words <= kPromoWords && (key.starts_with("get daily ") || key.starts_with("get weekly ") ||
                               key.starts_with("get the latest ") || key.starts_with("get breaking "))) {
    return true;
  }
  if (std::none_of(kCallTopics.begin(), kCallTopics.end(), [&](std::string_view t) { return contains(key, t); })) {
    return false;
  }
  const bool addresses_reader = has_word(key, "you") || has_word(key, "your") ||
                                std::any_of(kImperatives.begin(), kImperatives.end(),
                                            [&](std::string_view v) { return starts_with_word(key, v); });
  return addresses_reader || words <= 4;
}

StrippedText strip_furniture(std::string_view text, const FurnitureOptions& options) {
  return Stripper(text, options).run();
}

}  // namespace morgue
