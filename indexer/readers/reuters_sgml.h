// The Reuters-21578 collection (reut2-NNN.sgm, Latin-1 SGML, 1,000 stories a file).
// Each <REUTERS ... NEWID="n"> record becomes an Article with id "reuters-n",
// outlet "Reuters", the date of <DATE>, the <TITLE> as headline, the DATELINE and
// BODY as text, and PLACES / PEOPLE / ORGS as gold entities.
#pragma once

#include <filesystem>
#include <string_view>

#include "indexer/readers/reader.h"

namespace morgue::indexer {

void read_reuters_sgml(const std::filesystem::path& file, const ReadSink& sink);

// The same on text already in memory (Latin-1); `name` is used in "name:line".
void read_reuters_sgml_text(std::string_view latin1, const std::string& name, const ReadSink& sink);

}  // namespace morgue::indexer
