// Stable content hashes (xxHash's XXH3, from Debian's libxxhash): the same input
// gives the same value on every machine and release, so hashes can live in the index.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace morgue {

[[nodiscard]] std::uint64_t stable_hash64(std::string_view data);
[[nodiscard]] std::string hex64(std::uint64_t value);  // 16 lower-case hex digits

}  // namespace morgue
