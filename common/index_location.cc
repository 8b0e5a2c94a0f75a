#include "common/index_location.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

#include "common/errors.h"
#include "common/schema.h"

namespace morgue {
namespace {

constexpr const char* kStubName = "XAPIANDB";
constexpr const char* kGenerationPrefix = "gen-";

std::optional<int> generation_number(const fs::path& p) {
  const std::string name = p.filename().string();
  if (!name.starts_with(kGenerationPrefix)) return std::nullopt;
  try {
    std::size_t used = 0;
    const int n = std::stoi(name.substr(4), &used);
    if (used == name.size() - 4) return n;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

std::string generation_name(int n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%06d", kGenerationPrefix, n);
  return buf;
}

void fsync_path(const fs::path& p, int flags) {
  const int fd = ::open(p.c_str(), flags);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace

std::optional<fs::path> live_generation(const fs::path& db_dir) {
  std::error_code ec;
  const fs::path stub = db_dir / kStubName;
  if (fs::exists(stub, ec)) {
    std::ifstream in(stub);
    std::string backend, name;
    in >> backend >> name;
    if (name.empty()) return std::nullopt;
    return db_dir / name;
  }
  if (fs::exists(db_dir / "iamglass", ec) || fs::exists(db_dir / "iamchert", ec)) return db_dir;
  return std::nullopt;
}

fs::path make_next_generation(const fs::path& db_dir) {
  fs::create_directories(db_dir);
  int highest = 0;
  for (const auto& entry : fs::directory_iterator(db_dir)) {
    if (auto n = generation_number(entry.path())) highest = std::max(highest, *n);
  }
  const fs::path next = db_dir / generation_name(highest + 1);
  fs::create_directory(next);
  return next;
}

void publish_generation(const fs::path& db_dir, const fs::path& generation) {
  const auto previous = live_generation(db_dir);
  const fs::path tmp = db_dir / (std::string(kStubName) + ".tmp");
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << "auto " << generation.filename().string() << "\n";
    out.flush();
    if (!out) throw IndexUnavailable("cannot write " + tmp.string());
  }
  fsync_path(tmp, O_RDONLY);
  fs::rename(tmp, db_dir / kStubName);  // the atomic switch
  fsync_path(db_dir, O_RDONLY | O_DIRECTORY);

  // Keep the generation just replaced (readers may still be on it); older ones go.
  const auto keep = previous ? generation_number(*previous) : std::nullopt;
  const auto live = generation_number(generation);
  for (const auto& entry : fs::directory_iterator(db_dir)) {
    const auto n = generation_number(entry.path());
    if (n && n != keep && n != live && (!live || *n < *live)) {
      std::error_code ec;
      fs::remove_all(entry.path(), ec);
    }
  }
}

namespace {

// Documents and no schema version: another program's.
bool is_foreign(const Xapian::Database& db) {
  return db.get_doccount() > 0 && db.get_metadata(kSchemaVersionKey).empty();
}

IndexUnavailable foreign_database(const fs::path& where) {
  return IndexUnavailable("the folder " + where.string() +
                          " holds a Xapian database that is not a morgue index (it has no schema version); "
                          "morgue leaves it alone: give --db a folder of its own");
}

}  // namespace

void check_schema_version(const Xapian::Database& db, const fs::path& where) {
  if (is_foreign(db)) throw foreign_database(where);
  const std::string stored = db.get_metadata(kSchemaVersionKey);
  if (stored.empty()) return;  // empty: a new index
  if (stored != std::to_string(kSchemaVersion)) {
    throw IndexUnavailable("the index at " + where.string() + " has schema version " + stored +
                           ", this morgue reads version " + std::to_string(kSchemaVersion) +
                           "; rebuild it with: morgue-index --rebuild --db " + where.string() + " <inputs>");
  }
}

void refuse_foreign_database(const fs::path& db_dir) {
  // morgue's own layout has a stub naming its generation; another program's database
  // sits in the folder itself.
  if (const auto live = live_generation(db_dir); !live || *live != db_dir) return;
  Xapian::Database db;
  try {
    db = Xapian::Database(db_dir.string());
  } catch (const Xapian::Error& e) {
    throw IndexUnavailable("cannot open the database at " + db_dir.string() + ": " + e.get_description());
  }
  if (is_foreign(db)) throw foreign_database(db_dir);
}

Xapian::Database open_index(const fs::path& db_dir) {
  const auto live = live_generation(db_dir);
  if (!live) {
    throw IndexUnavailable("no index at " + db_dir.string() + "; create one with: morgue-index --db " +
                           db_dir.string() + " <inputs>");
  }
  try {
    Xapian::Database db(live->string());
    check_schema_version(db, db_dir);
    return db;
  } catch (const Xapian::Error& e) {
    throw IndexUnavailable("cannot open the index at " + db_dir.string() + ": " + e.get_description());
  }
}

std::string generation_label(const fs::path& db_dir, const Xapian::Database& db) {
  const auto live = live_generation(db_dir);
  const std::string name = live && *live != db_dir ? live->filename().string() : std::string("gen-0");
  return name + ":" + std::to_string(db.get_revision());
}

}  // namespace morgue
