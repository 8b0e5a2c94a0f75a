#include "common/ner/decoder.h"

#include <array>
#include <cassert>
#include <cstdint>
#include <limits>

#include "common/ner/features.h"

namespace morgue::ner {
namespace {

int part(int tag) { return tag == 0 ? -1 : (tag - 1) % 4; }
int type(int tag) { return tag == 0 ? -1 : (tag - 1) / 4; }

}  // namespace

std::string tag_name(int tag) {
  if (tag == 0) return "O";
  return std::string(1, "BILU"[part(tag)]) + "-" + std::string(kEntityTypes[static_cast<std::size_t>(type(tag))]);
}

bool can_start(int tag) { return tag == 0 || part(tag) == kBegin || part(tag) == kUnit; }
bool can_end(int tag) { return tag == 0 || part(tag) == kLast || part(tag) == kUnit; }

bool can_follow(int prev, int tag) {
  if (prev == 0 || part(prev) == kLast || part(prev) == kUnit) return can_start(tag);
  return (part(tag) == kInside || part(tag) == kLast) && type(tag) == type(prev);
}

std::vector<int> tags_from_spans(const std::vector<Span>& spans, std::size_t n) {
  std::vector<int> tags(n, 0);
  for (const auto& s : spans) {
    const int t = entity_type_index(s.type);
    if (t < 0 || s.end <= s.begin || s.end > n) continue;
    const int base = 1 + 4 * t;
    if (s.end - s.begin == 1) {
      tags[s.begin] = base + kUnit;
      continue;
    }
    tags[s.begin] = base + kBegin;
    for (std::size_t i = s.begin + 1; i + 1 < s.end; ++i) tags[i] = base + kInside;
    tags[s.end - 1] = base + kLast;
  }
  return tags;
}

std::vector<Span> spans_from_tag_ids(const std::vector<int>& tags) {
  std::vector<std::string> names;
  names.reserve(tags.size());
  for (int t : tags) names.push_back(tag_name(t));
  return spans_from_tags(names);
}

std::vector<int> viterbi(std::span<const float> emissions, std::span<const float> transitions,
                         std::span<const float> start) {
  constexpr int T = static_cast<int>(kNumTags);
  const std::size_t n = emissions.size() / kNumTags;
  assert(transitions.size() == kNumTags * kNumTags && start.size() == kNumTags);
  if (n == 0) return {};
  constexpr float kImpossible = -std::numeric_limits<float>::infinity();
  // Each tag's valid predecessors, in increasing order (ties go to the first), computed
  // once: 97 of the 289 pairs are valid BILOU transitions.
  struct Predecessors {
    std::array<std::uint8_t, kNumTags> count{};
    std::array<std::array<std::uint8_t, kNumTags>, kNumTags> tags{};
  };
  static const Predecessors kValid = [] {
    Predecessors v;
    for (int t = 0; t < T; ++t)
      for (int p = 0; p < T; ++p)
        if (can_follow(p, t))
          v.tags[static_cast<std::size_t>(t)][v.count[static_cast<std::size_t>(t)]++] = static_cast<std::uint8_t>(p);
    return v;
  }();
  thread_local std::vector<float> score;
  thread_local std::vector<std::uint8_t> back;
  score.resize(n * kNumTags);
  back.resize(n * kNumTags);
  for (int t = 0; t < T; ++t)
    score[static_cast<std::size_t>(t)] =
        can_start(t) ? start[static_cast<std::size_t>(t)] + emissions[static_cast<std::size_t>(t)] : kImpossible;
  for (std::size_t i = 1; i < n; ++i) {
    const float* prev = &score[(i - 1) * kNumTags];
    for (std::size_t t = 0; t < kNumTags; ++t) {
      float best = kImpossible;
      std::uint8_t arg = 0;
      for (std::size_t k = 0; k < kValid.count[t]; ++k) {
        const std::uint8_t p = kValid.tags[t][k];
        const float s = prev[p] + transitions[p * kNumTags + t];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * kNumTags + t] = best + emissions[i * kNumTags + t];
      back[i * kNumTags + t] = arg;
    }
  }
  std::vector<int> tags(n);
  float best = kImpossible;
  for (int t = 0; t < T; ++t) {
    const float s = score[(n - 1) * kNumTags + static_cast<std::size_t>(t)];
    if (can_end(t) && s > best) {
      best = s;
      tags[n - 1] = t;
    }
  }
  for (std::size_t i = n - 1; i > 0; --i) tags[i - 1] = back[i * kNumTags + static_cast<std::size_t>(tags[i])];
  return tags;
}

}  // namespace morgue::ner
