// The stemmer a search's snippets use. Xapian's snippet generator stems every word of
// a hit's text to compare "Z" + stem with the query's terms; most words cannot match,
// and leaving them unstemmed saves up to a quarter of a snippet's time (bench/README.md).
#pragma once

#include <string_view>

#include <xapian.h>

namespace morgue {

// `inner` for the words whose stem could be one of `query`'s stemmed terms, and every
// other word as it is (which cannot match either). So the snippets are the same as with
// `inner`, as long as they are made without Xapian's background model
// (MSet::SNIPPET_BACKGROUND_MODEL weighs every word by its stem's frequency).
// The test is Snowball English's: a stem starts with the word's first byte (not always
// its first two: "dying" -> "die"). For any other language (`language` is the query's
// ISO code) `inner` itself: German's, for one, folds "ä" to "a".
[[nodiscard]] Xapian::Stem snippet_stemmer(const Xapian::Stem& inner, const Xapian::Query& query,
                                           std::string_view language);

}  // namespace morgue
