// Plain-text articles, one file each, with their metadata in a MANIFEST.tsv beside
// them (docs/input-formats.md):
//
//   file<TAB>outlet<TAB>published<TAB>headline[<TAB>url][<TAB>id][<TAB>authors][<TAB>lang]...
//
// The first line names the columns; their order is free, "date" may stand for
// "published", authors are ';'-separated and unknown columns (notes) are ignored.
// Text is crawled page text: site furniture is stripped (common/furniture.h).
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "indexer/readers/reader.h"

namespace morgue::indexer {

inline constexpr const char* kManifestName = "MANIFEST.tsv";

// Reads the articles listed by dir/MANIFEST.tsv, or only the row for `only` (a file
// name in dir) when given. Returns the file names the manifest lists, so that a
// directory walk does not read them again as unlisted text files.
std::set<std::string> read_manifest_dir(const std::filesystem::path& dir, const ReadSink& sink,
                                        const std::optional<std::string>& only = std::nullopt);

// A .txt file no manifest describes: headline from its first line when that looks
// like one, else from the lede; id = the file name without extension.
void read_plain_text_file(const std::filesystem::path& file, const ReadSink& sink);

// Splits crawled text into a headline and a furniture-free body. `headline` is kept
// when given; otherwise it is the first line when headline-like, else the lede.
// Exposed for tests.
struct HeadlineAndBody {
  std::string headline;
  std::string body;
};
[[nodiscard]] HeadlineAndBody headline_and_body(std::string_view text, const std::string& headline);

}  // namespace morgue::indexer
