#include "common/ner/embedded_model.h"

// The model file's bytes, placed in .rodata by the assembler: a 3 MB array literal
// would cost the compiler far more. MORGUE_NER_MODEL_PATH is set by common/CMakeLists.txt.
__asm__(
    ".pushsection .rodata.morgue_ner_model, \"a\"\n"
    ".balign 16\n"
    ".globl morgue_ner_model_begin\n"
    "morgue_ner_model_begin:\n"
    ".incbin \"" MORGUE_NER_MODEL_PATH
    "\"\n"
    ".globl morgue_ner_model_end\n"
    "morgue_ner_model_end:\n"
    ".popsection\n");

extern "C" const char morgue_ner_model_begin[];
extern "C" const char morgue_ner_model_end[];

namespace morgue::ner {

std::string_view embedded_model_bytes() {
  return {morgue_ner_model_begin, static_cast<std::size_t>(morgue_ner_model_end - morgue_ner_model_begin)};
}

const EntityTagger& embedded_tagger() {
  static const EntityTagger tagger(load_model_bytes(embedded_model_bytes(), "embedded models/ner-en.model"));
  return tagger;
}

const EntityTagger& embedded_first_pass_tagger() {
  static const EntityTagger tagger =
      EntityTagger(load_model_bytes(embedded_model_bytes(), "embedded models/ner-en.model", {.first_pass_only = true}))
          .first_pass_only();
  return tagger;
}

}  // namespace morgue::ner
