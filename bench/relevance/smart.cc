#include "bench/relevance/smart.h"

#include <fstream>

#include "common/errors.h"
#include "common/text_util.h"

namespace morgue::bench {

const std::string& SmartRecord::field(char marker) const {
  static const std::string kNone;
  const auto it = fields.find(marker);
  return it == fields.end() ? kNone : it->second;
}

std::vector<SmartRecord> read_smart(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw InputError(file.string(), "cannot read the file");
  std::vector<SmartRecord> records;
  char current = 0;  // the field being read; 0 before the first marker of a record
  std::string line;
  for (std::size_t line_no = 1; std::getline(in, line); ++line_no) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // A marker is '.', a capital letter, then nothing but an argument: CISI writes
    // ".T " with a trailing space. A text line never starts that way.
    const bool marker = line.size() >= 2 && line[0] == '.' && line[1] >= 'A' && line[1] <= 'Z' &&
                        (line.size() == 2 || line[2] == ' ' || line[2] == '\t');
    if (marker && line[1] == 'I') {
      SmartRecord r;
      r.id = trim(std::string_view(line).substr(2));
      r.line = line_no;
      if (r.id.empty()) throw InputError(file.string() + ":" + std::to_string(line_no), ".I without a number");
      records.push_back(std::move(r));
      current = 0;
    } else if (marker) {
      if (records.empty()) throw InputError(file.string() + ":" + std::to_string(line_no), "a field before any .I");
      current = line[1];
      records.back().fields[current];  // present, even when empty
    } else if (current != 0) {
      std::string& text = records.back().fields[current];
      if (!text.empty()) text += '\n';
      text += line;
    } else if (!trim(line).empty()) {
      throw InputError(file.string() + ":" + std::to_string(line_no), "text outside any field");
    }
  }
  return records;
}

}  // namespace morgue::bench
