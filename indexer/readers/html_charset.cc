#include "indexer/readers/html_charset.h"

#include <memory>
#include <optional>

#include <uchardet.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "common/text_util.h"
#include "indexer/readers/html_dom.h"

namespace morgue::indexer {
namespace {

constexpr std::size_t kDetectBytes = 64 * 1024;  // enough for uchardet to be sure

// WHATWG treats these labels as windows-1252, and so do browsers: pages labelled
// Latin-1 use the C1 range for curly quotes.
std::string normalize_label(std::string_view label) {
  std::string l = ascii_lower(trim(label));
  while (!l.empty() && (l.back() == '"' || l.back() == '\'' || l.back() == ';')) l.pop_back();
  while (!l.empty() && (l.front() == '"' || l.front() == '\'')) l.erase(0, 1);
  if (l == "iso-8859-1" || l == "iso8859-1" || l == "latin1" || l == "latin-1" || l == "us-ascii" || l == "ascii" ||
      l == "cp1252") {
    return "windows-1252";
  }
  if (l == "utf8") return "utf-8";
  return l;
}

bool is_utf8_label(std::string_view l) { return l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8"; }

// Converts with ICU; nullopt when ICU does not know the charset.
std::optional<std::string> convert(std::string_view bytes, const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* probe = ucnv_open(charset.c_str(), &status);
  if (U_FAILURE(status) || probe == nullptr) return std::nullopt;
  ucnv_close(probe);
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), charset.c_str());
  if (text.isBogus()) return std::nullopt;
  std::string out;
  text.toUTF8String(out);
  return out;
}

// <meta charset=...> or <meta http-equiv="Content-Type" content="...; charset=...">,
// read from a parse of the bytes as they are: the markup that names the charset is
// ASCII in every charset a web page uses.
std::string meta_charset(std::string_view bytes) {
  const HtmlTree tree(repair_utf8(bytes.substr(0, std::min<std::size_t>(bytes.size(), kDetectBytes))));
  std::string found;
  for_each_element(tree.root(), [&](const GumboNode* node) {
    if (!found.empty() || !is_tag(node, GUMBO_TAG_META)) return;
    if (const auto cs = attribute(node, "charset"); !cs.empty()) {
      found = std::string(cs);
    } else if (attribute_lower(node, "http-equiv") == "content-type") {
      found = charset_from_content_type(attribute(node, "content"));
    }
  });
  return found;
}

std::string detect_charset(std::string_view bytes) {
  const std::unique_ptr<uchardet, decltype(&uchardet_delete)> detector(uchardet_new(), &uchardet_delete);
  const std::string_view sample = bytes.substr(0, std::min<std::size_t>(bytes.size(), kDetectBytes));
  if (uchardet_handle_data(detector.get(), sample.data(), sample.size()) != 0) return {};
  uchardet_data_end(detector.get());
  const char* name = uchardet_get_charset(detector.get());
  return name ? std::string(name) : std::string();
}

}  // namespace

std::string charset_from_content_type(std::string_view content_type) {
  const std::string lower = ascii_lower(content_type);
  const auto pos = lower.find("charset=");
  if (pos == std::string::npos) return {};
  std::string_view value = std::string_view(content_type).substr(pos + 8);
  const auto end = value.find_first_of("; \t");
  return trim(value.substr(0, end));
}

DecodedPage decode_html(std::string_view bytes, std::string_view declared) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return {repair_utf8(bytes.substr(3)), "UTF-8"};
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    const std::string label = bytes.starts_with("\xFF\xFE") ? "UTF-16LE" : "UTF-16BE";
    if (auto text = convert(bytes.substr(2), label)) return {std::move(*text), label};
  }
  if (is_valid_utf8(bytes)) return {std::string(bytes), "UTF-8"};
  const std::string candidates[] = {normalize_label(declared), normalize_label(meta_charset(bytes)),
                                    normalize_label(detect_charset(bytes))};
  for (const std::string& label : candidates) {
    if (label.empty() || is_utf8_label(label)) continue;  // not valid UTF-8, so not that
    if (auto text = convert(bytes, label)) return {std::move(*text), label};
  }
  if (auto text = convert(bytes, "windows-1252")) return {std::move(*text), "windows-1252"};
  return {repair_utf8(bytes), "UTF-8"};
}

// A text file holds no <meta charset> and no transport label: decode_html's other
// steps are the text's.
std::string decode_text(std::string_view bytes) { return decode_html(bytes).utf8; }

}  // namespace morgue::indexer
