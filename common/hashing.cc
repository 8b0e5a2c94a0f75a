#include "common/hashing.h"

#include <cstdio>

#include <xxhash.h>

namespace morgue {

std::uint64_t stable_hash64(std::string_view data) { return XXH3_64bits(data.data(), data.size()); }

std::string hex64(std::uint64_t value) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(value));
  return buf;
}

}  // namespace morgue
