#include "indexer/readers/html_dom.h"

#include "common/text_util.h"

namespace morgue::indexer {
namespace {

void append_text(const GumboNode* node, std::string& out, int depth) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
    out += node->v.text.text;
    return;
  }
  if (!is_element(node) || depth > kMaxTreeDepth) return;
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE) return;
  if (tag == GUMBO_TAG_BR) out += ' ';
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i)
    append_text(static_cast<const GumboNode*>(children.data[i]), out, depth + 1);
}

}  // namespace

HtmlTree::HtmlTree(std::string_view utf8)
    : text_(utf8), output_(gumbo_parse_with_options(&kGumboDefaultOptions, text_.data(), text_.size())) {}

HtmlTree::~HtmlTree() { gumbo_destroy_output(&kGumboDefaultOptions, output_); }

std::string_view attribute(const GumboNode* node, const char* name) {
  if (!is_element(node)) return {};
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  return attr ? std::string_view(attr->value) : std::string_view();
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return out;
}

std::string attribute_lower(const GumboNode* node, const char* name) { return ascii_lower(attribute(node, name)); }

std::string text_content(const GumboNode* node) {
  std::string out;
  append_text(node, out, 0);
  return collapse_spaces(out);
}

}  // namespace morgue::indexer
