// The BILOU tag set over PER, ORG, LOC, MISC and Viterbi decoding restricted to
// valid BILOU sequences, so that every decoded sequence reads as whole entities.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "common/ner/conll.h"

namespace morgue::ner {

// Tag 0 is O; tag 1 + 4 * type + k is B, I, L, U (k = 0..3) of kEntityTypes[type].
inline constexpr std::size_t kNumTags = 17;
enum TagPart { kBegin = 0, kInside = 1, kLast = 2, kUnit = 3 };

[[nodiscard]] std::string tag_name(int tag);  // "O", "B-PER", "U-LOC", ...
[[nodiscard]] bool can_start(int tag);
[[nodiscard]] bool can_end(int tag);
[[nodiscard]] bool can_follow(int prev, int tag);

// BILOU tag ids for spans over n tokens (the spans must not overlap).
[[nodiscard]] std::vector<int> tags_from_spans(const std::vector<Span>& spans, std::size_t n);
[[nodiscard]] std::vector<Span> spans_from_tag_ids(const std::vector<int>& tags);

// The best valid tag sequence. emissions: n * kNumTags scores, row by row;
// transitions: kNumTags * kNumTags (from * kNumTags + to); start: kNumTags.
[[nodiscard]] std::vector<int> viterbi(std::span<const float> emissions, std::span<const float> transitions,
                                       std::span<const float> start);

}  // namespace morgue::ner
