// Things read from one revision of an index (facet columns, the entity lexicon) and
// shared: built by the first that asks for that index and revision, handed to whoever
// asks after, forgotten when nobody holds them any more.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace morgue {

// `key`: the index's UUID and revision (facet_columns_key). `build()` returns a
// std::shared_ptr<const T>; it runs under the registry's lock, so that callers who need
// the same revision wait for one build rather than run their own.
template <class T, class Build>
[[nodiscard]] std::shared_ptr<const T> shared_per_revision(const std::string& key, Build&& build) {
  struct Registry {
    std::mutex mutex;
    std::map<std::string, std::weak_ptr<const T>> built;
  };
  // Never destroyed: a daemon's connection threads may still search while the
  // program's statics are destroyed at exit (ThreadSanitizer saw exactly that race).
  static Registry& registry = *new Registry;
  const std::lock_guard lock(registry.mutex);
  if (auto existing = registry.built[key].lock()) return existing;
  std::erase_if(registry.built, [](const auto& entry) { return entry.second.expired(); });
  std::shared_ptr<const T> made = build();
  registry.built[key] = made;
  return made;
}

}  // namespace morgue
