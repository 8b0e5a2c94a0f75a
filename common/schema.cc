#include "common/schema.h"

#include <cassert>

#include "common/entities/alias_table.h"
#include "common/hashing.h"
#include "common/text_util.h"

namespace morgue {
namespace {

// clang-format off
constexpr std::array kFields = {
  Field{FieldId::kText,     {"", ""},             "",   FieldKind::kFreeText, std::nullopt,   1, "headline and body"},
  Field{FieldId::kHeadline, {"title", "headline"}, "S",  FieldKind::kFreeText, std::nullopt,   3, "headline"},
  Field{FieldId::kAuthor,   {"author", ""},       "A",  FieldKind::kFreeText, std::nullopt,   1, "author names"},
  Field{FieldId::kOutlet,   {"outlet", "source"}, "XO", FieldKind::kBoolean,  kSlotOutlet,    0, "outlet, case-insensitive"},
  Field{FieldId::kSite,     {"site", "host"},     "H",  FieldKind::kBoolean,  std::nullopt,   0, "host name of the URL"},
  Field{FieldId::kLang,     {"lang", "language"}, "L",  FieldKind::kBoolean,  kSlotLang,      0, "ISO 639-1 language code"},
  Field{FieldId::kEntity,   {"entity", ""},       "XE", FieldKind::kBoolean,  kSlotEntities,  0, "canonical entity name"},
  Field{FieldId::kDay,      {"date", ""},         "D",  FieldKind::kBoolean,  kSlotDate,      0, "YYYYMMDD"},
  Field{FieldId::kMonth,    {"", ""},             "M",  FieldKind::kBoolean,  std::nullopt,   0, "YYYYMM"},
  Field{FieldId::kYear,     {"year", ""},         "Y",  FieldKind::kBoolean,  std::nullopt,   0, "YYYY"},
  Field{FieldId::kId,       {"id", ""},           "Q",  FieldKind::kBoolean,  std::nullopt,   0, "document id (unique)"},
  Field{FieldId::kUrl,      {"url", ""},          "U",  FieldKind::kBoolean,  std::nullopt,   0, "normalised URL"},
};
// clang-format on

// Xapian terms are limited to 245 bytes; Omega hashes long URLs the same way.
constexpr std::size_t kMaxTermValue = 200;

}  // namespace

std::span<const Field> schema_fields() { return kFields; }

const Field& field(FieldId id) {
  for (const Field& f : kFields) {
    if (f.id == id) return f;
  }
  assert(false && "every FieldId is in the table");
  return kFields[0];
}

const Field* field_by_name(std::string_view user_name) {
  if (user_name.empty()) return nullptr;
  for (const Field& f : kFields) {
    for (std::string_view n : f.names) {
      if (n == user_name) return &f;
    }
  }
  return nullptr;
}

std::string boolean_term(FieldId id, std::string_view value) {
  const Field& f = field(id);
  assert(f.kind == FieldKind::kBoolean);
  std::string v = (id == FieldId::kUrl || id == FieldId::kId) ? std::string(value)
                  : id == FieldId::kEntity                    ? entities::alias_key(value)
                                                              : fold_case(collapse_spaces(value));
  if (v.size() > kMaxTermValue) v = v.substr(0, kMaxTermValue - 17) + "#" + hex64(stable_hash64(v));
  std::string term(f.prefix);
  // Omega's rule: a ':' separates the prefix when the value starts with a capital.
  if (!v.empty() && v[0] >= 'A' && v[0] <= 'Z') term += ':';
  term += v;
  return term;
}

}  // namespace morgue
