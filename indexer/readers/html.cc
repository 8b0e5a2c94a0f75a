#include "indexer/readers/html.h"

#include <memory>

#include <zlib.h>

#include "common/errors.h"
#include "common/text_util.h"
#include "indexer/readers/html_charset.h"
#include "indexer/readers/html_dom.h"
#include "indexer/readers/html_metadata.h"
#include "indexer/readers/html_text.h"
#include "indexer/readers/language.h"

namespace morgue::indexer {
namespace {

namespace fs = std::filesystem;

constexpr unsigned kReadBufferBytes = 1u << 18;
// CLD2 is reliable on this much text; below it a page's lang attribute is trusted.
constexpr std::size_t kReliableLanguageBytes = 200;

// The whole file, gunzipped when it is gzip (gzread passes plain files through).
std::string read_maybe_gzip(const fs::path& path) {
  const std::unique_ptr<gzFile_s, decltype(&gzclose)> file(gzopen(path.c_str(), "rb"), &gzclose);
  if (!file) throw InputError(path.string(), "cannot open");
  std::string out;
  std::string buffer(kReadBufferBytes, '\0');
  for (;;) {
    const int n = gzread(file.get(), buffer.data(), kReadBufferBytes);
    if (n < 0) {
      int code = 0;
      throw InputError(path.string(), std::string("cannot read: ") + gzerror(file.get(), &code));
    }
    if (n == 0) break;
    out.append(buffer, 0, static_cast<std::size_t>(n));
  }
  return out;
}

// <html lang> says what the site's template is in; CLD2 says what the text is in.
// A reliable detection over enough text wins, because templates ship lang="en".
std::string article_language(const std::string& declared, const std::string& body) {
  const DetectedLanguage detected = detect_language(body);
  if (detected.code.empty()) return declared;
  if (declared.empty() || (detected.reliable && body.size() >= kReliableLanguageBytes)) return detected.code;
  return declared;
}

// JSON-LD articleBody as Article.body: its lines are the paragraphs. Pages rendered
// by script carry their text only there, so it stands in when the markup has less.
std::string json_ld_paragraphs(const std::string& text) {
  std::string out;
  for (const std::string& line : split_lines(text)) {
    std::string paragraph = collapse_spaces(line);
    if (paragraph.empty()) continue;
    if (!out.empty()) out += "\n\n";
    out += paragraph;
  }
  return out;
}

}  // namespace

std::optional<Article> extract_html_article(std::string_view html_bytes, const HtmlSource& src) {
  const DecodedPage page = decode_html(html_bytes, src.declared_charset);
  const HtmlTree tree(page.utf8);
  PageMetadata meta = extract_metadata(tree.root(), src);
  std::string body = extract_main_text(tree.root(), {.headline = meta.headline});
  if (body.size() * 2 < meta.json_ld_body.size()) body = json_ld_paragraphs(meta.json_ld_body);
  if (body.empty()) return std::nullopt;

  Article article;
  article.url = std::move(meta.canonical_url);
  article.outlet = std::move(meta.outlet);
  article.published = meta.published;
  article.headline = meta.headline.empty() ? lede_headline(body) : std::move(meta.headline);
  article.lang = article_language(meta.lang, body);
  article.body = std::move(body);
  article.authors = std::move(meta.authors);
  article.source = src.where;
  return article;
}

void read_html_file(const fs::path& file, const ReadSink& sink) {
  std::string bytes;
  try {
    bytes = read_maybe_gzip(file);
  } catch (const InputError& e) {
    sink.error(e);
    return;
  }
  HtmlSource src;
  src.where = file.string();
  if (auto article = extract_html_article(bytes, src)) {
    sink.article(std::move(*article));
  } else {
    sink.skipped(src.where, "html-without-article");
  }
}

}  // namespace morgue::indexer
