// Small helpers over gumbo's parse tree, shared by the HTML metadata and main-text
// extractors. Only the indexer's HTML reader includes this header (and gumbo.h).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <gumbo.h>

namespace morgue::indexer {

// An HTML5 parse of UTF-8 text. Gumbo never fails on bad markup: it repairs it the
// way browsers do, so broken pages still give a tree.
class HtmlTree {
 public:
  explicit HtmlTree(std::string_view utf8);
  ~HtmlTree();
  HtmlTree(const HtmlTree&) = delete;
  HtmlTree& operator=(const HtmlTree&) = delete;

  [[nodiscard]] const GumboNode* root() const { return output_->root; }  // <html>

 private:
  std::string text_;  // gumbo keeps pointers into its input
  GumboOutput* output_;
};

[[nodiscard]] inline bool is_element(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}
[[nodiscard]] inline bool is_tag(const GumboNode* node, GumboTag tag) {
  return is_element(node) && node->v.element.tag == tag;
}

// The attribute's value, "" when absent.
[[nodiscard]] std::string_view attribute(const GumboNode* node, const char* name);

// ASCII lower case of the attribute's value (rel, property, type, class ...).
[[nodiscard]] std::string attribute_lower(const GumboNode* node, const char* name);

// The element's text, white space collapsed; script, style and template content skipped.
[[nodiscard]] std::string text_content(const GumboNode* node);

// Walks stop this deep: real pages nest a few dozen levels, and a hostile page
// nesting a million <div>s must not exhaust the stack.
inline constexpr int kMaxTreeDepth = 256;

// Calls f(element) for every element under `node` (itself included), in document order.
template <typename F>
void for_each_element(const GumboNode* node, F&& f, int depth = 0) {
  if (!is_element(node) || depth > kMaxTreeDepth) return;
  f(node);
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    for_each_element(static_cast<const GumboNode*>(children.data[i]), f, depth + 1);
  }
}

[[nodiscard]] std::string ascii_lower(std::string_view s);

}  // namespace morgue::indexer
