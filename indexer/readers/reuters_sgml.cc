// A hand-written scanner: Debian packages no SGML parser we could link (OpenSP is
// a validating toolkit, far too heavy for one fixed DTD), and the collection's
// markup is regular: known tags, never nested in themselves, with '<' in text
// always escaped as "&lt;". So each record is cut out with plain string searches,
// no regular expressions, and the whole collection is read in well under a second.
#include "indexer/readers/reuters_sgml.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>

#include "common/date.h"
#include "common/text_util.h"

namespace morgue::indexer {
namespace {

namespace fs = std::filesystem;

// Text between <tag...> and </tag> inside `record`, searching from `from`;
// nullopt when the element is absent.
std::optional<std::string_view> element(std::string_view record, std::string_view tag, std::size_t from = 0) {
  const std::string open = "<" + std::string(tag);
  std::size_t pos = record.find(open, from);
  while (pos != std::string_view::npos) {
    const char after = pos + open.size() < record.size() ? record[pos + open.size()] : '\0';
    if (after == '>' || after == ' ') break;  // not a longer tag name sharing the prefix
    pos = record.find(open, pos + 1);
  }
  if (pos == std::string_view::npos) return std::nullopt;
  const auto start = record.find('>', pos);
  if (start == std::string_view::npos) return std::nullopt;
  const auto end = record.find("</" + std::string(tag) + ">", start);
  if (end == std::string_view::npos) return std::nullopt;
  return record.substr(start + 1, end - start - 1);
}

// Attribute value in an opening tag: NEWID="12" -> "12".
std::string_view attribute(std::string_view tag, std::string_view name) {
  const std::string key = " " + std::string(name) + "=\"";
  const auto pos = tag.find(key);
  if (pos == std::string_view::npos) return {};
  const auto start = pos + key.size();
  const auto end = tag.find('"', start);
  return end == std::string_view::npos ? std::string_view() : tag.substr(start, end - start);
}

// Single-line text such as a title: entities decoded, white space collapsed.
std::string clean_line(std::string_view raw) { return collapse_spaces(decode_entities(raw)); }

// Story text: a line indented by the wire service starts a paragraph; other line
// breaks are only where the 1987 terminal wrapped. Paragraphs are joined by "\n\n".
std::string paragraphs(std::string_view raw) {
  std::string out;
  std::string para;
  auto flush = [&] {
    std::string p = collapse_spaces(para);
    if (!p.empty()) out += (out.empty() ? "" : "\n\n") + p;
    para.clear();
  };
  for (const std::string& line : split_lines(decode_entities(raw))) {
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) flush();
    para += ' ';
    para += line;
  }
  flush();
  return out;
}

// The closing " Reuter" is the wire's sign-off, not text; also "REUTER", "reuter",
// "REUTER..." and "REUTER^M" (a carriage return written out), sometimes twice. A
// "Reuters" ends the text only after a sentence ("... the company said. REUTERS"),
// not as its last word ("... they told Reuters.").
void drop_signature(std::string& body) {
  std::string_view view = body;
  auto trimmed = [](std::string_view v) {
    while (!v.empty() && (v.back() == ' ' || v.back() == '\n' || v.back() == '\r')) v.remove_suffix(1);
    return v;
  };
  for (view = trimmed(view);;) {
    const auto space = view.find_last_of(" \n");
    const std::string_view word = view.substr(space == std::string_view::npos ? 0 : space + 1);
    std::string_view core = word;
    while (core.ends_with("^M")) core.remove_suffix(2);
    while (core.ends_with('.')) core.remove_suffix(1);
    std::string lower(core);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string_view before = trimmed(view.substr(0, view.size() - word.size()));
    const bool after_sentence =
        before.empty() || std::string_view(".\"')>").find(before.back()) != std::string_view::npos;
    if (lower != "reuter" && !(lower == "reuters" && after_sentence)) break;
    view = before;
  }
  body.resize(view.size());
}

void add_entities(std::string_view record, std::string_view tag, const char* type, Article& article) {
  const auto list = element(record, tag);
  if (!list) return;
  for (std::size_t pos = 0;;) {
    const auto value = element(*list, "D", pos);
    if (!value) break;
    std::string name = clean_line(*value);
    if (!name.empty()) article.gold_entities.push_back({type, std::move(name)});
    pos = static_cast<std::size_t>(value->data() - list->data()) + value->size();
  }
}

// "    By Cal Mankowski, Reuters" -> "Cal Mankowski".
std::string author_of(std::string_view raw) {
  std::string name = clean_line(raw);
  if (starts_with_ci(name, "by ")) name.erase(0, 3);
  const auto comma = name.rfind(", ");
  if (comma != std::string::npos && starts_with_ci(std::string_view(name).substr(comma + 2), "reuter")) {
    name.resize(comma);
  }
  return trim(name);
}

Article parse_record(std::string_view record, const std::string& where) {
  const std::string_view open_tag = record.substr(0, record.find('>'));
  const std::string_view newid = attribute(open_tag, "NEWID");
  if (newid.empty()) throw InputError(where, "record without a NEWID attribute");
  Article article;
  article.id = "reuters-" + std::string(newid);
  article.outlet = "Reuters";
  article.lang = "en";
  article.source = where;
  if (const auto date = element(record, "DATE")) {
    article.published = parse_dmy_month_name(*date);
    if (!article.published) throw InputError(where, "unreadable <DATE> '" + clean_line(*date) + "'");
  }
  add_entities(record, "PLACES", "place", article);
  add_entities(record, "PEOPLE", "person", article);
  add_entities(record, "ORGS", "org", article);

  const auto text = element(record, "TEXT");
  if (!text) throw InputError(where, "record without <TEXT>");
  const auto text_tag_end = record.find('>', record.find("<TEXT"));
  const std::string_view type = attribute(record.substr(0, text_tag_end), "TYPE");
  if (type == "UNPROC") {
    article.body = paragraphs(*text);
    drop_signature(article.body);
    article.headline = lede_headline(article.body);
  } else {
    if (const auto title = element(*text, "TITLE")) article.headline = clean_line(*title);
    if (const auto author = element(*text, "AUTHOR")) {
      std::string name = author_of(*author);
      if (!name.empty()) article.authors.push_back(std::move(name));
    }
    // A BRIEF is a headline flash; its only text is the placeholder "Blah blah blah."
    if (type != "BRIEF") {
      std::string body = paragraphs(element(*text, "BODY").value_or(std::string_view()));
      drop_signature(body);
      const std::string dateline = clean_line(element(*text, "DATELINE").value_or(std::string_view()));
      article.body = dateline.empty() ? body : body.empty() ? dateline : dateline + " " + body;
    }
  }
  // A record may be empty (NEWID 12793 is an UNPROC with no text); it is still a
  // well-formed record of the collection, findable by id and date, so it comes out.
  return article;
}

}  // namespace

void read_reuters_sgml_text(std::string_view latin1, const std::string& name, const ReadSink& sink) {
  const std::string text = latin1_to_utf8(latin1);
  const std::string_view all = text;
  std::size_t line = 1;
  std::size_t counted_to = 0;  // line numbers are counted incrementally, once per byte
  std::size_t start = all.find("<REUTERS");
  // Not a Reuters-21578 file (a binary, a truncated download): without this it would
  // be read as no articles and no failures, a silent success.
  if (start == std::string_view::npos && !latin1.empty()) {
    sink.error(InputError(name, "no Reuters-21578 records found"));
    return;
  }
  while (start != std::string_view::npos) {
    line += static_cast<std::size_t>(std::count(all.begin() + static_cast<std::ptrdiff_t>(counted_to),
                                                all.begin() + static_cast<std::ptrdiff_t>(start), '\n'));
    counted_to = start;
    const std::string where = name + ":" + std::to_string(line);
    const std::size_t next = all.find("<REUTERS", start + 1);
    const std::size_t close = all.find("</REUTERS>", start);
    if (close == std::string_view::npos || close > next) {
      // Lose only this record: the next one starts a new scan.
      sink.error(InputError(where, "record without </REUTERS>"));
      start = next;
      continue;
    }
    try {
      sink.article(parse_record(all.substr(start, close - start), where));
    } catch (const InputError& e) {
      sink.error(e);
    }
    start = next;
  }
}

void read_reuters_sgml(const fs::path& file, const ReadSink& sink) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    sink.error(InputError(file.string(), "cannot open the file"));
    return;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  read_reuters_sgml_text(ss.str(), file.string(), sink);
}

}  // namespace morgue::indexer
