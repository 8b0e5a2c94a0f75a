// Document identity: the canonical URL when there is one, else the source's own id,
// else a hash of the content. The same article indexed twice is one document.
#pragma once

#include <string>
#include <string_view>

#include "common/article.h"

namespace morgue {

// Lower-cases scheme and host, drops the fragment and a default port.
[[nodiscard]] std::string normalize_url(std::string_view url);

// The public document id: "u" + 16 hex digits of the normalised URL's hash for
// articles with a URL; the source id when it is short and URL-safe; otherwise
// "h" + a hash. Always usable in a path (/doc/{id}) and as a Xapian term.
[[nodiscard]] std::string document_id(const Article& article);

// The id a user means by `--delete X` / GET /doc/X: X itself when it looks like an
// id, the URL's id when X is a URL.
[[nodiscard]] std::string id_from_user(std::string_view id_or_url);

// Hash of everything that is indexed: equal fingerprints mean "unchanged".
[[nodiscard]] std::string content_fingerprint(const Article& article);

}  // namespace morgue
