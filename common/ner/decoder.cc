#include "common/ner/decoder.h"

#include <array>
#include <cassert>
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
  // Valid transitions, computed once: the pairs are fixed by the tag set.
  static const auto kAllowed = [] {
    std::array<bool, kNumTags * kNumTags> a{};
    for (int p = 0; p < T; ++p)
      for (int t = 0; t < T; ++t) a[static_cast<std::size_t>(p * T + t)] = can_follow(p, t);
    return a;
  }();
  std::vector<float> score(n * kNumTags);
  std::vector<int> back(n * kNumTags, 0);
  for (int t = 0; t < T; ++t)
    score[static_cast<std::size_t>(t)] =
        can_start(t) ? start[static_cast<std::size_t>(t)] + emissions[static_cast<std::size_t>(t)] : kImpossible;
  for (std::size_t i = 1; i < n; ++i) {
    const float* prev = &score[(i - 1) * kNumTags];
    for (int t = 0; t < T; ++t) {
      float best = kImpossible;
      int arg = 0;
      for (int p = 0; p < T; ++p) {
        const auto pt = static_cast<std::size_t>(p * T + t);
        if (!kAllowed[pt]) continue;
        const float s = prev[p] + transitions[pt];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * kNumTags + static_cast<std::size_t>(t)] = best + emissions[i * kNumTags + static_cast<std::size_t>(t)];
      back[i * kNumTags + static_cast<std::size_t>(t)] = arg;
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
