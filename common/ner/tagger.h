// Named-entity tagging of raw English news text with a trained model
// (models/ner-en.model; docs/ner.md says how it is trained and how well it does).
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/ner/model_io.h"

namespace morgue::ner {

struct Mention {
  std::string text;  // the input bytes [begin, end)
  std::string type;  // "PER", "ORG", "LOC" or "MISC"
  std::size_t begin = 0;
  std::size_t end = 0;  // byte offsets in the input
};

// One pass of Viterbi decoding over a document's token information.
[[nodiscard]] std::vector<std::vector<int>> decode_document(const StageModel& model,
                                                            const std::vector<std::vector<TokenInfo>>& document,
                                                            Stage stage);

// Read-only after construction: tag() may be called from many threads at once, and
// copies share the model.
class EntityTagger {
 public:
  // Throws InputError when the model cannot be read.
  [[nodiscard]] static EntityTagger load(const std::filesystem::path& path);
  explicit EntityTagger(Model model);

  // The entities in `text`, one document (an article), in text order.
  [[nodiscard]] std::vector<Mention> tag(std::string_view text) const;

  // Tag ids (decoder.h) for the tokens of one pre-tokenised document.
  [[nodiscard]] std::vector<std::vector<int>> tag_sentences(
      const std::vector<std::vector<std::string_view>>& document) const;

  [[nodiscard]] const Model& model() const { return *model_; }

  // The same model decoding its first pass only, without the document-consistency
  // pass: 2.6x faster for 0.35 less F1 on eng.testa (91.29 against 91.64). The
  // indexer uses it (docs/entities.md), so that tagging does not dominate indexing.
  [[nodiscard]] EntityTagger first_pass_only() const;

 private:
  std::shared_ptr<const Model> model_;
  bool all_passes_ = true;
};

}  // namespace morgue::ner
