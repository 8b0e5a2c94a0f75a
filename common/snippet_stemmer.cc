#include "common/snippet_stemmer.h"

#include <bitset>
#include <string>

namespace morgue {
namespace {

class PrefilteredStem : public Xapian::StemImplementation {
 public:
  PrefilteredStem(Xapian::Stem inner, std::bitset<256> first_bytes)
      : inner_(std::move(inner)), first_bytes_(first_bytes) {}

  std::string operator()(const std::string& word) override {
    if (word.empty() || first_bytes_.test(static_cast<unsigned char>(word[0]))) return inner_(word);
    return word;
  }

  std::string get_description() const override { return "prefiltered " + inner_.get_description(); }

 private:
  Xapian::Stem inner_;
  std::bitset<256> first_bytes_;  // of the query's stems
};

}  // namespace

Xapian::Stem snippet_stemmer(const Xapian::Stem& inner, const Xapian::Query& query, std::string_view language) {
  if (language != "en" || inner.is_none()) return inner;
  std::bitset<256> first_bytes;
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
    const std::string& term = *it;
    // "Zstem": a stemmed word of free text with no field prefix (those are capitals).
    if (term.size() >= 2 && term[0] == 'Z' && !(term[1] >= 'A' && term[1] <= 'Z'))
      first_bytes.set(static_cast<unsigned char>(term[1]));
  }
  return Xapian::Stem(new PrefilteredStem(inner, first_bytes));
}

}  // namespace morgue
