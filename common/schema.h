// The index schema: every field declared once. Indexing (document_builder) and
// query parsing (query_builder) are both set up from this table, so they cannot
// drift apart. Prefixes follow Xapian Omega's conventions (docs/termprefixes.rst).
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <xapian.h>

namespace morgue {

// Bump when terms, slots or stored data change meaning; an index of another
// version is refused with a message saying to rebuild it.
inline constexpr int kSchemaVersion = 3;  // 2: slot 3 (language); 3: entities (XE, slot 4)
inline constexpr const char* kSchemaVersionKey = "morgue.schema_version";

// Value slots. Never renumber a slot: add a new one and bump kSchemaVersion.
enum ValueSlot : Xapian::valueno {
  kSlotDate = 0,         // publication date "YYYYMMDD" (sorts as a string); empty when unknown
  kSlotOutlet = 1,       // outlet display name as the source spells it
  kSlotFingerprint = 2,  // content fingerprint, 16 hex digits (identity.h)
  kSlotLang = 3,         // ISO 639-1 language code ("en"); empty when unknown
  kSlotEntities = 4,     // the article's entities, "type\tCanonical Name" lines, most mentioned first
};

enum class FieldId {
  kText,      // headline + body, unprefixed: what a bare word searches
  kHeadline,  // headline alone
  kAuthor,
  kOutlet,
  kSite,  // host of the URL
  kLang,
  kEntity,  // canonical entity name (common/entities/)
  kDay,     // date terms at three precisions
  kMonth,
  kYear,
  kId,
  kUrl,
};

enum class FieldKind { kFreeText, kBoolean };

struct Field {
  FieldId id;
  std::array<std::string_view, 2> names;  // what users type before ':' ("" = none)
  std::string_view prefix;                // Xapian term prefix
  FieldKind kind;
  std::optional<ValueSlot> slot;
  unsigned weight;  // wdf multiplier for free text (headline above body)
  std::string_view about;
};

[[nodiscard]] std::span<const Field> schema_fields();
[[nodiscard]] const Field& field(FieldId id);
[[nodiscard]] const Field* field_by_name(std::string_view user_name);

// Boolean term for a value of a boolean field. Values are case-folded where the
// field is case-insensitive (outlet, site, lang) and hashed when too long for a term.
// Entity names are compared as alias_key() does (case, diacritics, periods).
[[nodiscard]] std::string boolean_term(FieldId id, std::string_view value);

}  // namespace morgue
