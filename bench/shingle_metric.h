// The article-extraction benchmark's metric (scrapinghub/article-extraction-benchmark,
// evaluate.py), shared by bench/extraction_quality.cc and tests/html_test.cc:
// text -> `\w+` tokens (Unicode letters, digits, '_') -> 4-token shingles counted as
// multisets; per page TP/FP/FN normalised by their sum; precision and recall averaged
// over pages; F1 is the harmonic mean of the two averages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace morgue::bench {

[[nodiscard]] std::vector<std::string> word_tokens(std::string_view utf8);

struct PageScore {
  double tp = 0, fp = 0, fn = 0;  // normalised: they sum to 1 (or are all 0)
};

[[nodiscard]] PageScore score_page(std::string_view truth, std::string_view predicted);

struct Summary {
  double precision = 0, recall = 0, f1 = 0;
  std::size_t pages = 0;
};

[[nodiscard]] Summary summarize(const std::vector<PageScore>& pages);

// One labelled page of the corpus: its id, the gzip file and the human-marked text.
struct LabelledPage {
  std::string id;
  std::string url;
  std::string html_gz_path;
  std::string truth;
};

// Reads dir/ground-truth.json; the pages are dir/html/<id>.html.gz. Throws
// std::runtime_error when the file cannot be read or parsed.
[[nodiscard]] std::vector<LabelledPage> load_labelled_pages(const std::string& dir);

// The whole file, gunzipped.
[[nodiscard]] std::string read_gzip_file(const std::string& path);

}  // namespace morgue::bench
