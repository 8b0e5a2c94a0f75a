#include "bench/relevance/collections.h"

#include <array>
#include <fstream>
#include <ostream>
#include <sstream>

#include "bench/relevance/smart.h"
#include "common/errors.h"
#include "common/text_util.h"

namespace morgue::bench {
namespace {

// clang-format off
constexpr std::array kCollections = {
  Collection{"cranfield", "cranfield", "cran.all.1400", "cran.qry", "cranqrel", QrelsFormat::kCranfield, 1400, 225},
  Collection{"cisi",      "cisi",      "CISI.ALL",      "CISI.QRY", "CISI.REL", QrelsFormat::kCisi,      1460, 112},
  Collection{"medline",   "medline",   "MED.ALL",       "MED.QRY",  "MED.REL",  QrelsFormat::kMedline,   1033, 30},
};
// clang-format on

std::filesystem::path file_of(const Collection& c, const std::filesystem::path& root, const char* name) {
  return root / c.folder / name;
}

// SMART fields keep their line breaks; the text is one paragraph for our purposes.
std::string one_line(const std::string& text) { return collapse_spaces(text); }

void write_json_string(std::ostream& out, std::string_view s) {
  out << '"';
  for (const char c : s) {
    switch (c) {
      case '"':
        out << "\\\"";
        break;
      case '\\':
        out << "\\\\";
        break;
      case '\n':
        out << "\\n";
        break;
      case '\t':
        out << "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static const char* const kHex = "0123456789abcdef";
          out << "\\u00" << kHex[(c >> 4) & 0xf] << kHex[c & 0xf];
        } else {
          out << c;
        }
    }
  }
  out << '"';
}

}  // namespace

std::span<const Collection> collections() { return kCollections; }

std::vector<Document> load_documents(const Collection& c, const std::filesystem::path& root) {
  std::vector<Document> docs;
  for (const SmartRecord& r : read_smart(file_of(c, root, c.docs))) {
    docs.push_back(
        {r.id, one_line(r.field('T')), one_line(r.field('A')), one_line(r.field('B')), one_line(r.field('W'))});
  }
  return docs;
}

std::vector<Query> load_queries(const Collection& c, const std::filesystem::path& root) {
  std::vector<Query> queries;
  for (const SmartRecord& r : read_smart(file_of(c, root, c.queries))) {
    // cranqrel numbers the queries in file order; the others use the .I number.
    std::string id = c.format == QrelsFormat::kCranfield ? std::to_string(queries.size() + 1) : r.id;
    queries.push_back({std::move(id), one_line(r.field('W'))});
  }
  return queries;
}

Qrels load_qrels(const Collection& c, const std::filesystem::path& root) {
  const auto path = file_of(c, root, c.qrels);
  std::ifstream in(path);
  if (!in) throw InputError(path.string(), "cannot read the file");
  Qrels qrels;
  std::string line;
  for (std::size_t line_no = 1; std::getline(in, line); ++line_no) {
    if (trim(line).empty()) continue;
    std::istringstream fields(line);
    std::string query, docno, third;
    int grade = 1;
    bool ok = false;
    switch (c.format) {
      case QrelsFormat::kCranfield: {
        int code = 0;
        ok = static_cast<bool>(fields >> query >> docno >> code) && (code == -1 || (code >= 1 && code <= 4));
        grade = code == -1 ? 0 : 5 - code;
        break;
      }
      case QrelsFormat::kCisi:  // "1     28	0	0.000000": every pair listed is relevant
        ok = static_cast<bool>(fields >> query >> docno);
        break;
      case QrelsFormat::kMedline:  // "1 0 13 1"
        ok = static_cast<bool>(fields >> query >> third >> docno >> grade);
        break;
    }
    if (!ok) throw InputError(path.string() + ":" + std::to_string(line_no), "not a judgement: '" + line + "'");
    qrels[query][docno] = grade;
  }
  return qrels;
}

void write_jsonl(const std::vector<Document>& docs, std::ostream& out) {
  for (const Document& d : docs) {
    out << "{\"docno\":";
    write_json_string(out, d.docno);
    out << ",\"title\":";
    write_json_string(out, d.title);
    out << ",\"author\":";
    write_json_string(out, d.authors);
    out << ",\"biblio\":";
    write_json_string(out, d.biblio);
    out << ",\"text\":";
    write_json_string(out, d.text);
    // The collections are English: said, not left to detection (which reads Medline's
    // four French titles over English abstracts as French).
    out << ",\"lang\":\"en\"}\n";
  }
}

}  // namespace morgue::bench
