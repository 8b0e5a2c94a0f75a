#include "indexer/readers/outlets.h"

#include <unordered_map>

#include "common/text_util.h"
#include "indexer/readers/html_dom.h"

namespace morgue::indexer {

extern const char* const kOutletsTsv;  // outlets_table.cc, generated from outlets.tsv

namespace {

using OutletTable = std::unordered_map<std::string, std::string>;

OutletTable load_table() {
  OutletTable table;
  for (const std::string& line : split_lines(kOutletsTsv)) {
    if (line.empty() || line.starts_with('#')) continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    table.emplace(ascii_lower(trim(line.substr(0, tab))), trim(line.substr(tab + 1)));
  }
  return table;
}

}  // namespace

std::string url_host(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  rest = rest.substr(0, rest.find(':'));
  std::string host = ascii_lower(rest);
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

std::optional<std::string> outlet_for_host(std::string_view host_in) {
  static const OutletTable table = load_table();
  std::string host = ascii_lower(host_in);
  if (host.starts_with("www.")) host.erase(0, 4);
  std::string_view h = host;
  while (h.find('.') != std::string_view::npos) {
    if (const auto it = table.find(std::string(h)); it != table.end()) return it->second;
    h.remove_prefix(h.find('.') + 1);
  }
  return std::nullopt;
}

}  // namespace morgue::indexer
