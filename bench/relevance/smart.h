// The SMART format of the classic test collections (Cranfield, CISI, Medline): a
// record starts with ".I n"; ".T" (title), ".A" (authors), ".B" (bibliographic
// notes), ".W" (text), ".X" (cross-references) and the like start fields, whose text
// is the lines up to the next marker. The files are as they were circulated, damage
// included: Cranfield 240, 576 and 578 have lines of other records spliced in, with
// a second ".A"/".B"/".W" marker; a repeated marker appends to its field, as
// ir_datasets reads them.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace morgue::bench {

struct SmartRecord {
  std::string id;                      // the number after .I as written: "001" in cran.qry, "1" elsewhere
  std::map<char, std::string> fields;  // 'T' -> title, ...: the lines joined by '\n'
  std::size_t line = 0;                // of ".I", 1-based, for messages

  // The field's text, "" when the record has none.
  [[nodiscard]] const std::string& field(char marker) const;
};

// Every record of `file`. Throws InputError ("file:line") when the file cannot be
// read or has text before its first ".I".
[[nodiscard]] std::vector<SmartRecord> read_smart(const std::filesystem::path& file);

}  // namespace morgue::bench
