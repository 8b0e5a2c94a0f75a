// Where an index lives on disk, and how a new one is swapped in atomically.
//
// Layout of `--db DIR`:
//   DIR/XAPIANDB      Xapian stub file naming the live generation ("glass gen-000002")
//   DIR/gen-000002/   the live database
//   DIR/gen-000001/   the previous one, kept until the next swap for readers still on it
// Readers open DIR (Xapian follows the stub, so delve/quest work on DIR too); a
// rebuild writes gen-N+1 beside the live one, then renames a new stub over the old.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <xapian.h>

namespace morgue {

namespace fs = std::filesystem;

// The directory of the live generation, nullopt when DIR holds no index yet.
// A plain Xapian database directory (no stub) is its own live generation.
[[nodiscard]] std::optional<fs::path> live_generation(const fs::path& db_dir);

// A fresh, empty, not yet live generation directory inside db_dir.
[[nodiscard]] fs::path make_next_generation(const fs::path& db_dir);

// Makes `generation` (inside db_dir) the live one in one atomic rename, then removes
// generations older than the one it replaced.
void publish_generation(const fs::path& db_dir, const fs::path& generation);

// Opens the live index for searching; throws IndexUnavailable with a message a
// user can act on when there is none or its schema version differs.
[[nodiscard]] Xapian::Database open_index(const fs::path& db_dir);

// Throws IndexUnavailable unless db is empty or carries our schema version.
void check_schema_version(const Xapian::Database& db, const fs::path& where);

// Throws IndexUnavailable when db_dir itself holds a Xapian database with documents
// and no schema version: another program's, which morgue-index neither updates nor
// rebuilds beside (a stub there would not be what Xapian's own tools open).
void refuse_foreign_database(const fs::path& db_dir);

// A label for the live generation that changes whenever new data is committed or
// swapped in: "gen-000002:17" (directory and Xapian revision).
[[nodiscard]] std::string generation_label(const fs::path& db_dir, const Xapian::Database& db);

}  // namespace morgue
