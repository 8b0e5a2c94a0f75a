#include "bench/shingle_metric.h"

#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>

#include <rapidjson/document.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <zlib.h>

namespace morgue::bench {
namespace {

constexpr std::size_t kShingle = 4;

// Python's \w: letters (L*), numbers (N*) and the underscore.
bool is_word_char(UChar32 c) {
  if (c == '_') return true;
  const int8_t type = u_charType(c);
  switch (type) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return true;
    default:
      return false;
  }
}

std::map<std::string, double> shingles(std::string_view text) {
  const std::vector<std::string> tokens = word_tokens(text);
  std::map<std::string, double> out;
  const std::size_t n = tokens.size() >= kShingle ? tokens.size() - kShingle + 1 : 1;
  for (std::size_t i = 0; i < n && i < tokens.size(); ++i) {
    std::string key;
    for (std::size_t k = i; k < std::min(tokens.size(), i + kShingle); ++k) {
      key += tokens[k];
      key += '\x1F';
    }
    out[key] += 1;
  }
  return out;
}

}  // namespace

std::vector<std::string> word_tokens(std::string_view s) {
  std::vector<std::string> tokens;
  std::string current;
  int32_t i = 0;
  const auto length = static_cast<int32_t>(s.size());
  while (i < length) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s.data(), i, length, c);
    if (c >= 0 && is_word_char(c)) {
      current.append(s.data() + start, static_cast<std::size_t>(i - start));
    } else if (!current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

PageScore score_page(std::string_view truth, std::string_view predicted) {
  const auto t = shingles(truth);
  const auto p = shingles(predicted);
  PageScore s;
  for (const auto& [key, count] : t) {
    const auto it = p.find(key);
    const double pc = it == p.end() ? 0 : it->second;
    s.tp += std::min(count, pc);
    s.fn += std::max(0.0, count - pc);
  }
  for (const auto& [key, count] : p) {
    const auto it = t.find(key);
    s.fp += std::max(0.0, count - (it == t.end() ? 0 : it->second));
  }
  if (const double sum = s.tp + s.fp + s.fn; sum > 0) {
    s.tp /= sum;
    s.fp /= sum;
    s.fn /= sum;
  }
  return s;
}

Summary summarize(const std::vector<PageScore>& pages) {
  double p_sum = 0, r_sum = 0;
  std::size_t p_n = 0, r_n = 0;
  for (const PageScore& s : pages) {
    const bool perfect = s.fp == 0 && s.fn == 0;
    if (s.tp + s.fp > 0) {
      p_sum += perfect ? 1.0 : s.tp / (s.tp + s.fp);
      ++p_n;
    }
    if (s.tp + s.fn > 0) {
      r_sum += perfect ? 1.0 : s.tp / (s.tp + s.fn);
      ++r_n;
    }
  }
  Summary out;
  out.pages = pages.size();
  out.precision = p_n ? p_sum / static_cast<double>(p_n) : 0;
  out.recall = r_n ? r_sum / static_cast<double>(r_n) : 0;
  const double denom = out.precision + out.recall;
  out.f1 = denom > 0 ? 2 * out.precision * out.recall / denom : 0;
  return out;
}

std::vector<LabelledPage> load_labelled_pages(const std::string& dir) {
  std::ifstream in(dir + "/ground-truth.json", std::ios::binary);
  if (!in) throw std::runtime_error(dir + "/ground-truth.json: cannot read");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string json = ss.str();
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError() || !doc.IsObject()) throw std::runtime_error(dir + "/ground-truth.json: not a JSON object");
  std::vector<LabelledPage> pages;
  for (const auto& m : doc.GetObject()) {
    if (!m.value.IsObject()) continue;
    LabelledPage page;
    page.id = m.name.GetString();
    const auto body = m.value.FindMember("articleBody");
    if (body != m.value.MemberEnd() && body->value.IsString()) page.truth = body->value.GetString();
    const auto url = m.value.FindMember("url");
    if (url != m.value.MemberEnd() && url->value.IsString()) page.url = url->value.GetString();
    page.html_gz_path = dir + "/html/" + page.id + ".html.gz";
    pages.push_back(std::move(page));
  }
  return pages;
}

std::string read_gzip_file(const std::string& path) {
  const std::unique_ptr<gzFile_s, decltype(&gzclose)> file(gzopen(path.c_str(), "rb"), &gzclose);
  if (!file) throw std::runtime_error(path + ": cannot open");
  std::string out;
  char buffer[1 << 16];
  for (int n; (n = gzread(file.get(), buffer, sizeof buffer)) > 0;) out.append(buffer, static_cast<std::size_t>(n));
  return out;
}

}  // namespace morgue::bench
