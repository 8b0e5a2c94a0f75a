#include "common/ner/model_io.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "common/errors.h"

namespace morgue::ner {
namespace {

constexpr char kMagic[8] = {'M', 'O', 'R', 'G', 'N', 'E', 'R', '\0'};

static_assert(std::endian::native == std::endian::little, "the model file format is little-endian");

template <typename T>
void put(std::ofstream& out, const T& v) {
  out.write(reinterpret_cast<const char*>(&v), sizeof v);
}

class Reader {
 public:
  Reader(std::istream& in, std::string name) : name_(std::move(name)), in_(in) {}
  template <typename T>
  T get() {
    T v{};
    if (!in_.read(reinterpret_cast<char*>(&v), sizeof v)) fail("truncated NER model");
    return v;
  }
  [[noreturn]] void fail(const std::string& message) const { throw InputError(name_, message); }

 private:
  std::string name_;
  std::istream& in_;
};

void save_stage(std::ofstream& out, const StageModel& stage, const SaveOptions& options) {
  for (float v : stage.start) put(out, v);
  for (float v : stage.transitions) put(out, v);
  const WeightTable& weights = stage.weights;
  float max_weight = 0;
  std::vector<std::size_t> kept;
  for (std::size_t r = 0; r < weights.size(); ++r) {
    const WeightRow w = weights.row(r);
    bool keep = false;
    for (std::size_t t = 0; t < kNumTags; ++t) {
      max_weight = std::max(max_weight, std::fabs(w[t]));
      keep |= std::fabs(w[t]) >= options.prune_below && w[t] != 0;
    }
    if (keep) kept.push_back(r);
  }
  // Sorted, so that the same model always gives the same bytes.
  std::sort(kept.begin(), kept.end(), [&](auto a, auto b) { return weights.key(a) < weights.key(b); });
  const float scale = max_weight > 0 ? max_weight / 32767.0f : 1.0f;
  put(out, static_cast<std::uint64_t>(kept.size()));
  put(out, scale);
  std::vector<std::pair<std::uint8_t, std::int16_t>> entries;
  for (std::size_t r : kept) {
    const WeightRow w = weights.row(r);
    entries.clear();
    for (std::size_t t = 0; t < kNumTags; ++t) {
      const auto q = static_cast<std::int16_t>(std::lround(w[t] / scale));
      if (std::fabs(w[t]) >= options.prune_below && q != 0) entries.emplace_back(static_cast<std::uint8_t>(t), q);
    }
    put(out, weights.key(r));
    put(out, static_cast<std::uint8_t>(entries.size()));
    for (const auto& [t, q] : entries) {
      put(out, t);
      put(out, q);
    }
  }
}

StageModel load_stage(Reader& in) {
  StageModel stage;
  for (float& v : stage.start) v = in.get<float>();
  for (float& v : stage.transitions) v = in.get<float>();
  const auto rows = in.get<std::uint64_t>();
  const auto scale = in.get<float>();
  std::vector<std::pair<std::uint64_t, WeightRow>> table;
  table.reserve(rows);
  for (std::uint64_t r = 0; r < rows; ++r) {
    std::pair<std::uint64_t, WeightRow> row{in.get<std::uint64_t>(), {}};
    const auto n = in.get<std::uint8_t>();
    for (std::uint8_t k = 0; k < n; ++k) {
      const auto t = in.get<std::uint8_t>();
      const auto q = in.get<std::int16_t>();
      if (t >= kNumTags) in.fail("corrupt NER model (tag out of range)");
      row.second[t] = static_cast<float>(q) * scale;
    }
    table.push_back(row);
  }
  stage.weights.build(table);
  return stage;
}

}  // namespace

void WeightTable::build(const std::vector<std::pair<std::uint64_t, WeightRow>>& rows) {
  static std::atomic<std::uint64_t> builds{0};
  id_ = ++builds;
  float max_weight = 0;
  for (const auto& [key, w] : rows)
    for (float v : w) max_weight = std::max(max_weight, std::fabs(v));
  scale_ = max_weight > 0 ? max_weight / 32767.0f : 1.0f;
  std::size_t capacity = 16;
  while (capacity < rows.size() * 2) capacity *= 2;  // load factor <= 0.5
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  keys_.clear();
  row_slots_.clear();
  entries_.clear();
  keys_.reserve(rows.size());
  for (const auto& [raw_key, w] : rows) {
    const std::uint64_t key = raw_key == 0 ? 1 : raw_key;
    std::size_t i = key & mask_;
    while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask_;
    if (slots_[i].key == key) continue;  // duplicate: first one wins
    const auto begin = static_cast<std::uint32_t>(entries_.size());
    for (std::size_t t = 0; t < kNumTags; ++t) {
      const auto q = static_cast<std::int16_t>(std::lround(w[t] / scale_));
      if (q != 0) entries_.push_back({static_cast<std::uint8_t>(t), q});
    }
    if (entries_.size() == begin) continue;  // all zero: nothing to store
    slots_[i] = {key, begin, static_cast<std::uint32_t>(entries_.size())};
    keys_.push_back(key);
    row_slots_.push_back(static_cast<std::uint32_t>(i));
  }
}

WeightRow WeightTable::row(std::size_t row) const {
  WeightRow w{};
  const Slot& s = slots_[row_slots_[row]];
  for (std::uint32_t k = s.begin; k < s.end; ++k) w[entries_[k].tag] = entries_[k].weight * scale_;
  return w;
}

void save_model(const Model& model, const std::filesystem::path& path, const SaveOptions& options) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw InputError(path.string(), "cannot write NER model");
  out.write(kMagic, sizeof kMagic);
  put(out, kModelVersion);
  put(out, static_cast<std::uint32_t>(kNumTags));
  std::vector<std::pair<std::uint64_t, std::uint8_t>> gaz(model.gazetteer.entries().begin(),
                                                          model.gazetteer.entries().end());
  std::sort(gaz.begin(), gaz.end());
  put(out, static_cast<std::uint64_t>(gaz.size()));
  for (const auto& [key, types] : gaz) {
    put(out, key);
    put(out, types);
  }
  put(out, static_cast<std::uint32_t>(model.stages.size()));
  for (const auto& stage : model.stages) save_stage(out, stage, options);
  if (!out.flush()) throw InputError(path.string(), "error writing NER model");
}

namespace {

Model read_model(Reader& in, const LoadOptions& options) {
  char magic[sizeof kMagic];
  for (auto& c : magic) c = in.get<char>();
  if (std::memcmp(magic, kMagic, sizeof kMagic) != 0) in.fail("not a morgue NER model");
  if (const auto version = in.get<std::uint32_t>(); version != kModelVersion)
    in.fail("NER model version " + std::to_string(version) + ", this build reads version " +
            std::to_string(kModelVersion) + "; retrain it with morgue-ner-train");
  if (in.get<std::uint32_t>() != kNumTags) in.fail("NER model has another tag set");
  Model model;
  const auto gaz_count = in.get<std::uint64_t>();
  for (std::uint64_t i = 0; i < gaz_count; ++i) {
    const auto key = in.get<std::uint64_t>();
    model.gazetteer.add_key(key, in.get<std::uint8_t>());
  }
  const auto stages = in.get<std::uint32_t>();
  if (stages < 1 || stages > 2) in.fail("corrupt NER model (" + std::to_string(stages) + " stages)");
  const std::uint32_t wanted = options.first_pass_only ? 1 : stages;
  for (std::uint32_t s = 0; s < wanted; ++s) model.stages.push_back(load_stage(in));
  return model;
}

}  // namespace

Model load_model(const std::filesystem::path& path, const LoadOptions& options) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw InputError(path.string(), "cannot open NER model");
  Reader in(file, path.string());
  return read_model(in, options);
}

Model load_model_bytes(std::string_view bytes, const std::string& name, const LoadOptions& options) {
  std::istringstream stream{std::string(bytes)};
  Reader in(stream, name);
  return read_model(in, options);
}

}  // namespace morgue::ner
