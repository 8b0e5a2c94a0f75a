#include "indexer/sources.h"

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <system_error>

#include "indexer/readers/html.h"  // HTML pages
#include "indexer/readers/plain_text.h"
#include "indexer/readers/reuters_sgml.h"
#include "indexer/readers/warc_articles.h"

namespace morgue::indexer {
namespace {

namespace fs = std::filesystem;

enum class Format { kUnsupported, kJsonl, kReutersSgml, kPlainText, kWarc, kHtml };

// File name endings -> reader. A new reader (.html, .warc, .warc.gz) is one row
// here and one case in read_file() below.
constexpr std::array<std::pair<std::string_view, Format>, 12> kSuffixes = {{
    {".jsonl", Format::kJsonl},
    {".ndjson", Format::kJsonl},
    {".jsonl.gz", Format::kJsonl},
    {".ndjson.gz", Format::kJsonl},
    {".sgm", Format::kReutersSgml},
    {".sgml", Format::kReutersSgml},
    {".txt", Format::kPlainText},
    {".warc", Format::kWarc},  // WARC crawls: readers/warc_articles.h
    {".warc.gz", Format::kWarc},
    {".html", Format::kHtml},  // HTML pages: readers/html.h
    {".htm", Format::kHtml},
    {".html.gz", Format::kHtml},
}};

Format format_of(const fs::path& path) {
  std::string name = path.filename().string();
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
  for (const auto& [suffix, format] : kSuffixes) {
    if (name.size() > suffix.size() && name.ends_with(suffix)) return format;
  }
  return Format::kUnsupported;
}

class Walker {
 public:
  Walker(const SourceOptions& options, const ReadSink& sink) : options_(options), sink_(sink) {}

  void input(const fs::path& path) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      sink_.error(InputError(path.string(), "cannot read: " + (ec ? ec.message() : "no such file or directory")));
    } else if (fs::is_directory(status)) {
      directory(path);
    } else {
      given_file(path);
    }
  }

 private:
  // A file named on the command line: a listed .txt still gets its manifest row.
  void given_file(const fs::path& path) {
    std::error_code ec;
    const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    if (path.filename() == kManifestName) {
      (void)read_manifest_dir(dir, sink_);
      return;
    }
    if (format_of(path) == Format::kPlainText && path.filename() != kManifestName &&
        fs::exists(dir / kManifestName, ec)) {
      const std::string name = path.filename().string();
      if (read_manifest_dir(dir, sink_, name).contains(name)) return;
    }
    file(path);
  }

  void file(const fs::path& path) {
    read_file(path);
    if (sink_.file_done) {
      std::error_code ec;
      const auto size = fs::file_size(path, ec);
      sink_.file_done(ec ? 0 : size);
    }
  }

  void read_file(const fs::path& path) {
    switch (format_of(path)) {
      case Format::kJsonl:
        read_jsonl(path, options_.mapping, sink_);
        return;
      case Format::kReutersSgml:
        read_reuters_sgml(path, sink_);
        return;
      case Format::kPlainText:
        read_plain_text_file(path, sink_);
        return;
      case Format::kWarc:
        read_warc(path, sink_);
        return;
      case Format::kHtml:  // HTML pages
        read_html_file(path, sink_);
        return;
      case Format::kUnsupported:
        sink_.skipped(path.string(), "unsupported-type");
        return;
    }
  }

  void directory(const fs::path& dir) {
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
    if (ec) {
      sink_.error(InputError(dir.string(), "cannot read: " + ec.message()));
      return;
    }
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path() < b.path(); });
    std::set<std::string> listed;
    const bool has_manifest = fs::exists(dir / kManifestName, ec);
    if (has_manifest) listed = read_manifest_dir(dir, sink_);
    for (const fs::directory_entry& entry : entries) {
      const std::string name = entry.path().filename().string();
      // Hidden files are editors' and tools' state (.git, .DS_Store), never input.
      if (name.starts_with('.') || name == kManifestName || listed.contains(name)) continue;
      // Symlinked directories are not followed inside a walk: they can loop.
      if (entry.is_directory(ec) && !entry.is_symlink(ec)) {
        directory(entry.path());
      } else if (entry.is_regular_file(ec)) {
        // Inside a walk, .txt files are articles only in a folder with a manifest:
        // archives ship READMEs and lists as .txt (Reuters-21578 has seven).
        if (format_of(entry.path()) == Format::kPlainText && !has_manifest) {
          sink_.skipped(entry.path().string(), "txt-without-manifest");
          continue;
        }
        file(entry.path());
      } else if (entry.is_symlink(ec) && !entry.exists(ec)) {
        sink_.error(InputError(entry.path().string(), "cannot read: a symbolic link to nothing"));
      } else if (!entry.is_directory(ec)) {
        sink_.skipped(entry.path().string(), "unsupported-type");
      }
    }
  }

  const SourceOptions& options_;
  const ReadSink& sink_;
};

}  // namespace

void read_inputs(const std::vector<fs::path>& inputs, const SourceOptions& options, const ReadSink& sink) {
  Walker walker(options, sink);
  for (const fs::path& input : inputs) walker.input(input);
}

}  // namespace morgue::indexer
