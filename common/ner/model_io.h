// The trained tagger model: feature weights in an open-addressing hash table,
// tag transition weights and the gazetteer; saved as a small binary file.
//
// File format (little-endian):
//   "MORGNER\0", u32 version (kModelVersion), u32 number of tags (kNumTags),
//   u64 gazetteer entries, then per entry: u64 key, u8 type mask,
//   u32 stages, then per stage: f32 start[tags], f32 transitions[tags * tags],
//   u64 feature rows, f32 scale, then per row: u64 feature id, u8 n, n * (u8 tag, i16 weight / scale).
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/ner/decoder.h"
#include "common/ner/features.h"

namespace morgue::ner {

// Bump when features, hashing or the file layout change: old models are refused.
inline constexpr std::uint32_t kModelVersion = 2;

using WeightRow = std::array<float, kNumTags>;

// One non-zero weight of a feature: weight * WeightTable::scale() is its value.
struct WeightEntry {
  std::uint8_t tag = 0;
  std::int16_t weight = 0;
};

// Feature id -> its non-zero per-tag weights, int16-quantised (as the model file
// stores them) and sparse: most features weigh on two or three of the 17 tags, and
// lookups are memory-bound, so a smaller table tags faster (about a third of the
// memory of float rows). Read-only after build(), so lookups are thread-safe.
class WeightTable {
 public:
  void build(const std::vector<std::pair<std::uint64_t, WeightRow>>& rows);
  // Empty when the feature has no weights.
  [[nodiscard]] std::span<const WeightEntry> find(std::uint64_t key) const {
    if (key == 0) key = 1;  // 0 marks empty slots
    for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == key) return {entries_.data() + s.begin, s.end - s.begin};
      if (s.key == 0) return {};
    }
  }
  [[nodiscard]] float scale() const { return scale_; }
  // Different for every build(): caches of sums over a table (word_sums.h) know it by this.
  [[nodiscard]] std::uint64_t id() const { return id_; }
  // Lookups are memory-bound: callers prefetch a batch of keys before finding them.
  void prefetch(std::uint64_t key) const { __builtin_prefetch(&slots_[(key == 0 ? 1 : key) & mask_]); }
  [[nodiscard]] std::size_t size() const { return keys_.size(); }
  [[nodiscard]] std::uint64_t key(std::size_t row) const { return keys_[row]; }
  [[nodiscard]] WeightRow row(std::size_t row) const;  // the weights of the row-th feature

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t begin = 0;  // its entries_
    std::uint32_t end = 0;
  };
  std::vector<Slot> slots_{1};
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> row_slots_;  // row -> slot
  std::vector<WeightEntry> entries_;
  float scale_ = 1.0f;
  std::size_t mask_ = 0;
  std::uint64_t id_ = 0;
};

// The weights of one tagging pass.
struct StageModel {
  WeightTable weights;
  std::array<float, kNumTags * kNumTags> transitions{};
  std::array<float, kNumTags> start{};
};

struct Model {
  // One or two passes: the second sees the first's tags (features.h, Stage::kSecond).
  std::vector<StageModel> stages;
  Gazetteer gazetteer;
};

struct SaveOptions {
  float prune_below = 0.0f;  // drop weights with a smaller magnitude
};

struct LoadOptions {
  // Read the first pass's weights only, for a tagger that decodes nothing else
  // (EntityTagger::first_pass_only): half the loading and the memory.
  bool first_pass_only = false;
};

// Both throw InputError when the file cannot be written or read, or is not a model
// of this version.
void save_model(const Model& model, const std::filesystem::path& path, const SaveOptions& options = {});
[[nodiscard]] Model load_model(const std::filesystem::path& path, const LoadOptions& options = {});
// The same from the bytes of a model file; `name` is what errors call it.
[[nodiscard]] Model load_model_bytes(std::string_view bytes, const std::string& name, const LoadOptions& options = {});

}  // namespace morgue::ner
