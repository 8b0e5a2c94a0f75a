#include "indexer/readers/jsonl.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <memory>
#include <utility>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <zlib.h>

#include "common/date.h"
#include "common/errors.h"
#include "common/text_util.h"
#include "indexer/readers/language.h"

namespace morgue::indexer {
namespace {

namespace fs = std::filesystem;

// Text given to language detection: enough for CLD2 to be sure.
constexpr std::size_t kDetectBytes = 2048;

constexpr unsigned kReadBufferBytes = 1u << 18;  // also zlib's buffer size

// The morgue field names users may map, and where each lives in FieldMapping.
constexpr std::array<std::pair<std::string_view, std::string FieldMapping::*>, 8> kFields = {{
    {"id", &FieldMapping::id},
    {"url", &FieldMapping::url},
    {"outlet", &FieldMapping::outlet},
    {"published", &FieldMapping::published},
    {"headline", &FieldMapping::headline},
    {"body", &FieldMapping::body},
    {"authors", &FieldMapping::authors},
    {"lang", &FieldMapping::lang},
}};

std::string field_names() {
  std::string names;
  for (const auto& [name, member] : kFields) names += (names.empty() ? "" : ", ") + std::string(name);
  return names;
}

// Applies one "field=key" pair; returns an error message, empty when fine.
std::string apply_pair(FieldMapping& mapping, std::string_view pair) {
  const auto eq = pair.find('=');
  if (eq == std::string_view::npos) return "expected field=key, got '" + std::string(pair) + "'";
  const std::string field = trim(pair.substr(0, eq));
  const std::string key = trim(pair.substr(eq + 1));
  for (const auto& [name, member] : kFields) {
    if (name != field) continue;
    if (key.empty()) return "no source key for field '" + field + "'";
    mapping.*member = key;
    return {};
  }
  return "unknown field '" + field + "' (fields: " + field_names() + ")";
}

// Lines of a plain or gzip-compressed file. gzread passes plain files through, so
// one path serves both; lines are cut from large blocks rather than read per byte.
class LineReader {
 public:
  explicit LineReader(const fs::path& path) : file_(gzopen(path.c_str(), "rb"), &gzclose) {
    if (file_) gzbuffer(file_.get(), kReadBufferBytes);
  }
  bool is_open() const { return file_ != nullptr; }

  // False at the end; throws InputError for a corrupt compressed stream.
  bool next(std::string& line, const std::string& where) {
    line.clear();
    for (;;) {
      const auto nl = buffer_.find('\n', pos_);
      if (nl != std::string::npos) {
        line.append(buffer_, pos_, nl - pos_);
        pos_ = nl + 1;
        return true;
      }
      line.append(buffer_, pos_, std::string::npos);
      buffer_.resize(kReadBufferBytes);
      pos_ = 0;
      const int n = gzread(file_.get(), buffer_.data(), kReadBufferBytes);
      if (n < 0) {
        int code = 0;
        throw InputError(where, std::string("cannot decompress: ") + gzerror(file_.get(), &code));
      }
      buffer_.resize(static_cast<std::size_t>(n));
      if (n == 0) return !line.empty();
    }
  }

 private:
  std::unique_ptr<gzFile_s, decltype(&gzclose)> file_;
  std::string buffer_;
  std::size_t pos_ = 0;
};

// The text of a string-valued key ("" when absent or null). Numbers are accepted as
// text because ids often are numbers.
std::string text_of(const rapidjson::Value& object, const std::string& key, const std::string& where) {
  const auto it = object.FindMember(rapidjson::StringRef(key.data(), key.size()));
  if (it == object.MemberEnd() || it->value.IsNull()) return {};
  const rapidjson::Value& v = it->value;
  if (v.IsString()) {
    std::string text = repair_utf8_windows1252(std::string_view(v.GetString(), v.GetStringLength()));
    // Control characters (a NUL, an escape) are not text; tab and line breaks are.
    std::erase_if(text, [](char c) {
      const auto u = static_cast<unsigned char>(c);
      return (u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7F;
    });
    return text;
  }
  if (v.IsInt64()) return std::to_string(v.GetInt64());
  if (v.IsUint64()) return std::to_string(v.GetUint64());
  throw InputError(where, "\"" + key + "\" is not a string");
}

std::vector<std::string> authors_of(const rapidjson::Value& object, const std::string& key, const std::string& where) {
  std::vector<std::string> authors;
  const auto it = object.FindMember(rapidjson::StringRef(key.data(), key.size()));
  if (it == object.MemberEnd() || it->value.IsNull()) return authors;
  auto add = [&](std::string_view name) {
    std::string clean = collapse_spaces(repair_utf8(name));
    if (!clean.empty()) authors.push_back(std::move(clean));
  };
  if (it->value.IsString()) {
    for (const std::string& name : split(std::string_view(it->value.GetString(), it->value.GetStringLength()), ',')) {
      add(name);
    }
  } else if (it->value.IsArray()) {
    for (const auto& name : it->value.GetArray()) {
      if (!name.IsString()) throw InputError(where, "\"" + key + "\" holds a value that is not a string");
      add(std::string_view(name.GetString(), name.GetStringLength()));
    }
  } else {
    throw InputError(where, "\"" + key + "\" is neither a string nor an array of strings");
  }
  return authors;
}

// For a record with neither of the mapping's text keys (a feed of other field names,
// read without a mapping): the keys it has with text, and a mapping that would read it,
// the longest text as the body and a "title" as the headline.
std::string other_text_keys(const rapidjson::Value& object, const FieldMapping& mapping) {
  std::string keys, body, headline;
  rapidjson::SizeType longest = 0;
  for (const auto& member : object.GetObject()) {
    if (!member.value.IsString()) continue;
    const std::string key(member.name.GetString(), member.name.GetStringLength());
    keys += (keys.empty() ? "\"" : ", \"") + key + "\"";
    if (member.value.GetStringLength() > longest) {
      longest = member.value.GetStringLength();
      body = key;
    }
    if (key == "title") headline = key;
  }
  std::string out = "the record has no \"" + mapping.headline + "\" or \"" + mapping.body + "\"";
  if (body.empty()) return out;
  out += ", but " + keys + ": map them (morgue-index --map ";
  if (!headline.empty() && headline != body) out += "headline=" + headline + ",";
  return out + "body=" + body + ")";
}

// The value of the 4-hex-digit escape ("backslash u XXXX") at `at`, or -1.
long escape_value(std::string_view line, std::size_t at) {
  if (at + 6 > line.size() || line[at] != '\\' || line[at + 1] != 'u') return -1;
  long value = 0;
  for (std::size_t i = at + 2; i < at + 6; ++i) {
    const char c = line[i];
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

// JSON's escapes of UTF-16 surrogates (D800-DFFF) come in pairs; a lone one (text cut
// by a tool that counts UTF-16 units) makes RapidJSON refuse the whole line. Each
// becomes the escape of U+FFFD.
std::string pair_surrogates(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (std::size_t i = 0; i < line.size();) {
    if (line[i] != '\\' || i + 1 >= line.size()) {
      out += line[i++];
      continue;
    }
    const long v = escape_value(line, i);
    if (v >= 0xD800 && v <= 0xDBFF) {
      const long low = escape_value(line, i + 6);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        out.append(line.substr(i, 12));
        i += 12;
        continue;
      }
    }
    if (v >= 0xD800 && v <= 0xDFFF) {
      out += "\\ufffd";
      i += 6;
      continue;
    }
    out.append(line.substr(i, 2));  // any other escape, an escaped backslash too
    i += 2;
  }
  return out;
}

Article parse_line(const std::string& raw, const FieldMapping& mapping, const std::string& where) {
  const std::string paired = raw.find("\\u") == std::string::npos ? std::string() : pair_surrogates(raw);
  const std::string& line = paired.empty() ? raw : paired;
  rapidjson::Document doc;
  doc.Parse(line.data(), line.size());
  if (doc.HasParseError()) {
    throw InputError(where, std::string("not valid JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()) +
                                " at byte " + std::to_string(doc.GetErrorOffset() + 1));
  }
  if (!doc.IsObject()) throw InputError(where, "not a JSON object");
  Article article;
  article.id = trim(text_of(doc, mapping.id, where));
  article.url = trim(text_of(doc, mapping.url, where));
  article.outlet = collapse_spaces(text_of(doc, mapping.outlet, where));
  const std::string published = trim(text_of(doc, mapping.published, where));
  if (!published.empty()) {
    article.published = parse_iso_date(published);
    if (!article.published) {
      throw InputError(where, "\"" + mapping.published + "\" is not a date: '" + published + "'");
    }
  }
  article.headline = collapse_spaces(text_of(doc, mapping.headline, where));
  article.body = trim(text_of(doc, mapping.body, where));
  if (article.body.empty() && article.headline.empty()) {
    if (!doc.HasMember(mapping.headline.c_str()) && !doc.HasMember(mapping.body.c_str())) {
      throw InputError(where, "no text: " + other_text_keys(doc, mapping));
    }
    throw InputError(where, "no text: \"" + mapping.headline + "\" and \"" + mapping.body + "\" are empty");
  }
  if (article.headline.empty()) article.headline = lede_headline(article.body);
  article.authors = authors_of(doc, mapping.authors, where);
  article.lang = trim(text_of(doc, mapping.lang, where));
  // A feed's own lang is kept; without one, the text's (CLD2), as for HTML pages, so
  // that lang: and the lang facet find the article and it is stemmed in its language.
  // The start of the text is enough to be sure, and CLD2 over all of it was 84% of
  // reading AllSides (3 s for 55 MB).
  if (article.lang.empty()) {
    std::size_t cut = std::min(article.body.size(), kDetectBytes);
    while (cut > 0 && cut < article.body.size() && (static_cast<unsigned char>(article.body[cut]) & 0xC0) == 0x80)
      --cut;  // not inside a character: CLD2 gives up on broken UTF-8
    article.lang = detect_language(article.headline + "\n\n" + article.body.substr(0, cut)).code;
  }
  article.source = where;
  return article;
}

}  // namespace

FieldMapping parse_field_mapping(std::string_view spec) {
  FieldMapping mapping;
  for (const std::string& pair : split(spec, ',')) {
    if (trim(pair).empty()) continue;
    const std::string problem = apply_pair(mapping, pair);
    if (!problem.empty()) throw Error("field mapping: " + problem);
  }
  return mapping;
}

FieldMapping load_field_mapping_file(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path.string(), "cannot read the field mapping file");
  FieldMapping mapping;
  std::string line;
  for (std::size_t line_no = 1; std::getline(in, line); ++line_no) {
    const std::string content = trim(std::string_view(line).substr(0, line.find('#')));
    if (content.empty()) continue;
    const std::string problem = apply_pair(mapping, content);
    if (!problem.empty()) throw InputError(path.string() + ":" + std::to_string(line_no), problem);
  }
  return mapping;
}

void read_jsonl(const fs::path& file, const FieldMapping& mapping, const ReadSink& sink) {
  LineReader reader(file);
  if (!reader.is_open()) {
    sink.error(InputError(file.string(), "cannot open the file"));
    return;
  }
  const std::string name = file.string();
  std::string line;
  std::size_t line_no = 0;
  try {
    while (reader.next(line, name + ":" + std::to_string(line_no + 1))) {
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      const std::string where = name + ":" + std::to_string(line_no);
      try {
        sink.article(parse_line(line, mapping, where));
      } catch (const InputError& e) {
        sink.error(e);
      }
    }
  } catch (const InputError& e) {  // a broken stream: nothing more can be read
    sink.error(e);
  }
}

}  // namespace morgue::indexer
