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
#include <vector>

#include "common/ner/decoder.h"
#include "common/ner/features.h"

namespace morgue::ner {

// Bump when features, hashing or the file layout change: old models are refused.
inline constexpr std::uint32_t kModelVersion = 2;

using WeightRow = std::array<float, kNumTags>;

// Feature id -> per-tag weights. Read-only after build(), so lookups are thread-safe.
class WeightTable {
 public:
  void build(const std::vector<std::pair<std::uint64_t, WeightRow>>& rows);
  [[nodiscard]] const float* find(std::uint64_t key) const {
    if (key == 0) key = 1;  // 0 marks empty slots
    for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == key) return &weights_[std::size_t{s.row} * kNumTags];
      if (s.key == 0) return nullptr;
    }
  }
  // Lookups are memory-bound: callers prefetch a batch of keys before finding them.
  void prefetch(std::uint64_t key) const { __builtin_prefetch(&slots_[(key == 0 ? 1 : key) & mask_]); }
  [[nodiscard]] std::size_t size() const { return keys_.size(); }
  [[nodiscard]] std::uint64_t key(std::size_t row) const { return keys_[row]; }
  [[nodiscard]] const float* row(std::size_t row) const { return &weights_[row * kNumTags]; }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t row = 0;
  };
  std::vector<Slot> slots_{1};
  std::vector<std::uint64_t> keys_;
  std::vector<float> weights_;
  std::size_t mask_ = 0;
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

// Both throw InputError when the file cannot be written or read, or is not a model
// of this version.
void save_model(const Model& model, const std::filesystem::path& path, const SaveOptions& options = {});
[[nodiscard]] Model load_model(const std::filesystem::path& path);

}  // namespace morgue::ner
