// The trained model (models/ner-en.model) is compiled into the binaries, so that
// morgue-index tags entities without a data file beside it.
#pragma once

#include <string_view>

#include "common/ner/tagger.h"

namespace morgue::ner {

[[nodiscard]] std::string_view embedded_model_bytes();

// The tagger over the embedded model, loaded on first use (thread-safe).
[[nodiscard]] const EntityTagger& embedded_tagger();
// Its first pass only (EntityTagger::first_pass_only), loaded without the second
// pass's weights: what the indexer runs.
[[nodiscard]] const EntityTagger& embedded_first_pass_tagger();

}  // namespace morgue::ner
