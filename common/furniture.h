// Site furniture: the parts of a crawled page that are the site, not the story —
// newsletter prompts, "Subscribe", "Story continues below advertisement", lists of
// related or trending stories, video timestamps, comment forms, aggregator logos and
// tag clouds. The rules are general (line shape, link-list runs, known phrases), never
// per site; the HTML extractor shares the phrase rules.
#pragma once

#include <string>
#include <string_view>

namespace morgue {

struct FurnitureOptions {
  // Lines equal to the headline are the page repeating it, not article text.
  std::string headline;
};

struct StrippedText {
  std::string body;  // kept paragraphs joined by "\n\n"
  // Non-blank input lines dropped whole; a line that only lost a furniture sentence
  // or an inline marker ("Story continues below advertisement") is not counted.
  std::size_t lines_removed = 0;
};

// Plain text of a crawled page, one paragraph (or page element) per line; blank
// lines only separate. Every kept line is one paragraph of the result.
[[nodiscard]] StrippedText strip_furniture(std::string_view text, const FurnitureOptions& options = {});

// True for a sentence or short line that is a site's call to action or boilerplate
// ("Sign up for our newsletter", "Leave a Comment", "Story continues below advertisement").
[[nodiscard]] bool is_furniture_phrase(std::string_view sentence);

}  // namespace morgue
