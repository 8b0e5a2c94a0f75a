#include "indexer/readers/plain_text.h"

#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include "common/date.h"
#include "common/furniture.h"
#include "common/text_util.h"
#include "indexer/readers/html_charset.h"

namespace morgue::indexer {
namespace {

namespace fs = std::filesystem;

// Longer than this, a first line is a paragraph, not a headline.
constexpr std::size_t kMaxHeadline = 150;

std::optional<std::string> read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(ss).str();
}

bool headline_like(std::string_view line) {
  std::string_view s = line;
  while (!s.empty() && (s.back() == ' ' || s.back() == '"' || s.back() == '\'')) s.remove_suffix(1);
  return !s.empty() && s.back() != '.' && utf8_length(line) < kMaxHeadline;
}

std::string first_paragraph(const std::string& body) { return body.substr(0, body.find("\n\n")); }

// Manifest column names as users write them, mapped to ours.
const std::map<std::string, std::string>& column_aliases() {
  static const std::map<std::string, std::string> kAliases = {
      {"file", "file"},      {"outlet", "outlet"},     {"published", "published"},
      {"date", "published"}, {"headline", "headline"}, {"url", "url"},
      {"id", "id"},          {"authors", "authors"},   {"lang", "lang"}};
  return kAliases;
}

struct Manifest {
  std::map<std::string, std::size_t> columns;  // our name -> column index
  std::size_t width = 0;
};

std::string cell(const Manifest& manifest, const std::vector<std::string>& row, const std::string& name) {
  const auto it = manifest.columns.find(name);
  return it == manifest.columns.end() ? std::string() : trim(row[it->second]);
}

std::vector<std::string> split_authors(const std::string& text) {
  std::vector<std::string> authors;
  for (const std::string& part : split(text, ';')) {
    std::string name = collapse_spaces(part);
    if (!name.empty()) authors.push_back(std::move(name));
  }
  return authors;
}

// Fills an article from one manifest row; throws InputError for a bad row.
Article article_from_row(const fs::path& dir, const Manifest& manifest, const std::vector<std::string>& row,
                         const std::string& where) {
  if (row.size() != manifest.width) {
    throw InputError(where, "expected " + std::to_string(manifest.width) + " tab-separated columns, found " +
                                std::to_string(row.size()));
  }
  const std::string file = cell(manifest, row, "file");
  if (file.empty()) throw InputError(where, "empty file name");
  Article article;
  const std::string published = cell(manifest, row, "published");
  if (!published.empty()) {
    article.published = parse_iso_date(published);
    if (!article.published) throw InputError(where, "invalid date '" + published + "' (expected YYYY-MM-DD)");
  }
  const fs::path path = dir / file;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw InputError(where, "file not found: " + path.string());
  const auto bytes = read_bytes(path);
  if (!bytes) throw InputError(where, "cannot read " + path.string());

  auto [headline, body] = headline_and_body(decode_text(*bytes), repair_utf8(cell(manifest, row, "headline")));
  if (body.empty()) throw InputError(where, file + " has no article text once site furniture is removed");
  article.headline = std::move(headline);
  article.body = std::move(body);
  article.id = cell(manifest, row, "id");
  if (article.id.empty()) article.id = fs::path(file).stem().string();
  article.url = cell(manifest, row, "url");
  article.outlet = repair_utf8(cell(manifest, row, "outlet"));
  article.authors = split_authors(repair_utf8(cell(manifest, row, "authors")));
  article.lang = cell(manifest, row, "lang");
  if (article.lang.empty()) article.lang = "en";
  article.source = where;
  return article;
}

}  // namespace

HeadlineAndBody headline_and_body(std::string_view text, const std::string& headline) {
  const std::string given = collapse_spaces(headline);
  if (!given.empty()) return {given, strip_furniture(text, {given}).body};
  std::string body = strip_furniture(text).body;
  const std::string first = first_paragraph(body);
  // A first line is the headline only when text follows it: a one-paragraph
  // article's only line is its text.
  if (first.size() < body.size() && headline_like(first)) return {first, strip_furniture(text, {first}).body};
  return {lede_headline(body), std::move(body)};
}

std::set<std::string> read_manifest_dir(const fs::path& dir, const ReadSink& sink,
                                        const std::optional<std::string>& only) {
  const fs::path manifest_path = dir / kManifestName;
  std::set<std::string> listed;
  std::ifstream in(manifest_path, std::ios::binary);
  if (!in) {
    sink.error(InputError(manifest_path.string(), "cannot read the manifest"));
    return listed;
  }
  std::string line;
  std::size_t line_no = 0;
  Manifest manifest;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string where = manifest_path.string() + ":" + std::to_string(line_no);
    if (line_no == 1) {
      const std::vector<std::string> header = split(line, '\t');
      manifest.width = header.size();
      for (std::size_t i = 0; i < header.size(); ++i) {
        std::string name = fold_case(trim(header[i]));
        if (name.starts_with("\xEF\xBB\xBF")) name.erase(0, 3);  // a BOM from a spreadsheet
        const auto alias = column_aliases().find(name);
        if (alias != column_aliases().end()) manifest.columns.emplace(alias->second, i);
      }
      if (!manifest.columns.contains("file")) {
        sink.error(InputError(where, "the header names no 'file' column"));
        return listed;
      }
      continue;
    }
    if (trim(line).empty()) continue;
    const std::vector<std::string> row = split(line, '\t');
    const std::string file = row.size() > manifest.columns.at("file") ? trim(row[manifest.columns.at("file")]) : "";
    if (!file.empty()) listed.insert(file);
    if (only && file != *only) continue;
    try {
      sink.article(article_from_row(dir, manifest, row, where));
    } catch (const InputError& e) {
      sink.error(e);
    }
  }
  return listed;
}

void read_plain_text_file(const fs::path& file, const ReadSink& sink) {
  const auto bytes = read_bytes(file);
  if (!bytes) {
    sink.error(InputError(file.string(), "cannot read the file"));
    return;
  }
  auto [headline, body] = headline_and_body(decode_text(*bytes), "");
  if (body.empty()) {
    sink.error(InputError(file.string(), "no article text once site furniture is removed"));
    return;
  }
  Article article;
  article.id = file.stem().string();
  article.headline = std::move(headline);
  article.body = std::move(body);
  article.lang = "en";
  article.source = file.string();
  sink.article(std::move(article));
}

}  // namespace morgue::indexer
