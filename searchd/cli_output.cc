#include "searchd/cli_output.h"

#include <algorithm>
#include <cstdio>

namespace morgue {
namespace {

struct Entity {
  std::string_view escaped;
  std::string_view plain;
};
constexpr Entity kEntities[] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}};

}  // namespace

std::string render_snippet(const std::string& s, Highlight highlight) {
  const std::string_view on = highlight == Highlight::kAnsi ? "\033[1;33m" : "*";
  const std::string_view off = highlight == Highlight::kAnsi ? "\033[0m" : "*";
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, 6, "<mark>") == 0) {
      out += on;
      i += 6;
      continue;
    }
    if (s.compare(i, 7, "</mark>") == 0) {
      out += off;
      i += 7;
      continue;
    }
    bool replaced = false;
    if (s[i] == '&') {
      for (const auto& e : kEntities) {
        if (s.compare(i, e.escaped.size(), e.escaped) == 0) {
          out += e.plain;
          i += e.escaped.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += s[i++];
  }
  return out;
}

std::string format_human(const SearchResponse& r, Highlight highlight) {
  std::string out;
  char buf[256];
  std::snprintf(buf, sizeof buf, "%s%lu matches (%.1f ms)%s\n", r.total_exact ? "" : "about ", r.total, r.took_ms,
                r.partial ? " — partial: the time limit cut the search" : "");
  out += buf;
  for (const Hit& h : r.hits) {
    out += "\n";
    std::snprintf(buf, sizeof buf, "%u. ", h.rank);
    out += buf;
    out += h.date.empty() ? "(undated)" : h.date;
    out += "  ";
    out += h.outlet.empty() ? "(outlet unknown)" : h.outlet;
    out += "  [" + h.id + "]\n   ";
    out += highlight == Highlight::kAnsi ? "\033[1m" + h.headline + "\033[0m" : h.headline;
    out += "\n";
    if (!h.url.empty()) out += "   " + h.url + "\n";
    out += "   " + render_snippet(h.snippet, highlight) + "\n";
  }
  for (const auto& e : r.expanded) {
    // Only spellings some match uses are listed; with none (Reuters-21578 predates
    // "Kyiv", or the query excludes the name) the line would end in a bare colon.
    const bool any_used = std::any_of(e.spellings.begin(), e.spellings.end(),
                                      [](const ExpandedWord::Spelling& s) { return s.count > 0; });
    if (!any_used) continue;
    out += "\n'" + e.word + "' also searched the other spellings of " + e.entity + ":";
    for (const auto& s : e.spellings) {
      if (s.count == 0) continue;
      std::snprintf(buf, sizeof buf, " %s (%lu)", s.spelling.c_str(), s.count);
      out += buf;
    }
    out += "\n";
  }
  for (const auto& [name, values] : r.facets) {
    out += "\n" + name +
           (name == "date" && !r.date_facet_interval.empty() ? " (by " + r.date_facet_interval + ")" : "") + ":\n";
    for (const auto& v : values) {
      std::snprintf(buf, sizeof buf, "  %6lu  ", v.count);
      out += buf + v.value + (v.type.empty() || name != "entity" ? "" : "  (" + v.type + ")") + "\n";
    }
  }
  return out;
}

}  // namespace morgue
