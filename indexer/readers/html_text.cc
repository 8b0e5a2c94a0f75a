#include "indexer/readers/html_text.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/furniture.h"
#include "common/text_util.h"
#include "indexer/readers/html_elements.h"

namespace morgue::indexer {
namespace {

// A block this long, or a shorter one that ends like a sentence, reads as prose.
constexpr std::size_t kProseBytes = 80;
constexpr std::size_t kSentenceBytes = 30;
constexpr double kMaxProseLinkDensity = 0.5;  // more linked than this: a list of links
constexpr double kMaxKeptLinkDensity = 0.5;   // dropped from the output above this ...
constexpr double kMaxShortLinkDensity = 0.3;  // ... or above this when short ("Read more: <a>")
constexpr std::size_t kShortBlockBytes = 100;
// Inside the article, a long sentence may be mostly links (a digest's linked lede).
constexpr double kMaxLinkedSentenceDensity = 0.75;
constexpr std::size_t kLinkedSentenceBytes = 150;
constexpr std::size_t kSmallInlineBytes = 200;
// What a block that is not prose costs its container, per byte: link text is the
// mark of navigation; short plain text (labels, table cells, dates) is weak evidence.
constexpr double kLinkCost = 1.0;
constexpr double kPlainCost = 0.1;
// A class/id-hinted negative element holding this share of the page's prose is a
// layout wrapper ("main has-sidebar"), not the thing its name says.
constexpr double kLayoutShare = 0.4;

// Container preferences among near-equal scores: semantic markup and names.
constexpr double kArticleBodyBonus = 1.5;  // itemprop="articleBody"
constexpr double kPositiveNameBonus = 1.15;
constexpr double kArticleTagBonus = 1.1;
// A block's score counts for the element holding it and this much less per level
// above (0.5-0.8 score alike on the benchmark pages; 1.0 favours whole pages).
constexpr double kLevelDecay = 0.6;

bool ends_sentence(std::string_view s) {
  while (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')' || s.back() == ' ')) {
    s.remove_suffix(1);
  }
  if (s.ends_with("\xE2\x80\x9D") || s.ends_with("\xE2\x80\x99")) s.remove_suffix(3);  // ” ’
  if (s.empty()) return false;
  return s.back() == '.' || s.back() == '!' || s.back() == '?' || s.back() == ':' || s.ends_with("\xE3\x80\x82") ||
         s.ends_with("\xE2\x80\xA6");  // 。 …
}

// No-break spaces (&nbsp;) separate words like spaces do.
std::string without_nbsp(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      out += ' ';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::size_t visible_bytes(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char ch) { return ch != ' ' && ch != '\n' && ch != '\t' && ch != '\r'; }));
}

// A run of inline content: the text between block boundaries, with the element that
// owns it and the negatively named elements around it.
struct Block {
  std::string text;
  double link_density = 0;
  std::size_t link_bytes = 0;
  const GumboNode* owner = nullptr;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  std::vector<const GumboNode*> negatives;  // outermost first
  double prose = 0;                         // its prose weight (0: not prose)
};

class BlockCollector {
 public:
  std::vector<Block> run(const GumboNode* root) {
    owner_ = root;
    visit(root, false, 0);
    flush();
    return std::move(blocks_);
  }

 private:
  void visit(const GumboNode* node, bool in_link, int depth) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      const std::string_view text = node->v.text.text;
      buffer_ += text;
      if (in_link) link_bytes_ += visible_bytes(text);
      return;
    }
    if (!is_element(node) || depth > kMaxTreeDepth || is_dropped(node)) return;
    const GumboTag tag = node->v.element.tag;
    const NameHint hint = name_hint(node);
    const bool block = is_block_tag(tag);
    if (tag == GUMBO_TAG_BR) {
      flush();
      return;
    }
    // A small negatively named inline element is a widget inside a paragraph
    // (<span class="share">); a large one is a wrapper with an unlucky name.
    if (!block && (hint == NameHint::kNegative || hint == NameHint::kStrongNegative) &&
        visible_bytes(text_content(node)) < kSmallInlineBytes) {
      return;
    }
    const bool negative = hint == NameHint::kNegative || hint == NameHint::kStrongNegative;
    if (negative) negatives_.push_back(node);
    const GumboNode* saved_owner = owner_;
    if (block) {
      flush();
      owner_ = node;
    }
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      visit(static_cast<const GumboNode*>(children.data[i]), in_link || tag == GUMBO_TAG_A, depth + 1);
    }
    if (block) {
      flush();
      owner_ = saved_owner;
    }
    if (negative) negatives_.pop_back();
  }

  void flush() {
    std::string text = collapse_spaces(without_nbsp(buffer_));
    const std::size_t link = link_bytes_;
    buffer_.clear();
    link_bytes_ = 0;
    if (text.empty()) return;
    Block b;
    b.link_density =
        std::min(1.0, static_cast<double>(link) / static_cast<double>(std::max<std::size_t>(1, visible_bytes(text))));
    b.link_bytes = link;
    b.owner = owner_;
    b.tag = owner_->v.element.tag;
    b.negatives = negatives_;
    const bool sentence = ends_sentence(text);
    if (b.link_density <= kMaxProseLinkDensity &&
        (text.size() >= kProseBytes || (sentence && text.size() >= kSentenceBytes)) && b.tag != GUMBO_TAG_H1 &&
        !is_furniture_phrase(text)) {
      b.prose = static_cast<double>(text.size()) * (1.0 - b.link_density);
    }
    b.text = std::move(text);
    blocks_.push_back(std::move(b));
  }

  std::vector<Block> blocks_;
  std::string buffer_;
  std::size_t link_bytes_ = 0;
  const GumboNode* owner_ = nullptr;
  std::vector<const GumboNode*> negatives_;
};

bool is_inside(const GumboNode* node, const GumboNode* ancestor) {  // ancestor-or-self
  for (; node != nullptr; node = node->parent) {
    if (node == ancestor) return true;
  }
  return false;
}

class MainText {
 public:
  MainText(const GumboNode* root, const MainTextOptions& options)
      : root_(root), headline_key_(fold_case(collapse_spaces(options.headline))), blocks_(BlockCollector().run(root)) {}

  std::string run() {
    find_layout_wrappers();
    const GumboNode* container = best_container();
    if (container == nullptr) return {};
    return render(container);
  }

 private:
  // Negatively named elements that hold much of the page's prose wrap the layout.
  void find_layout_wrappers() {
    double total = 0;
    std::unordered_map<const GumboNode*, double> prose_under;
    for (const Block& b : blocks_) {
      total += b.prose;
      for (const GumboNode* neg : b.negatives) prose_under[neg] += b.prose;
    }
    for (const auto& [node, prose] : prose_under) {
      if (prose >= kLayoutShare * total && name_hint(node) != NameHint::kStrongNegative) layout_.insert(node);
    }
  }

  // Negatively named elements around the block, wrappers and `above` excluded.
  bool is_noise(const Block& b, const GumboNode* container) const {
    return std::any_of(b.negatives.begin(), b.negatives.end(), [&](const GumboNode* neg) {
      return !layout_.contains(neg) && (container == nullptr || (neg != container && is_inside(neg, container)));
    });
  }

  static double cost(const Block& b) {
    const auto link = static_cast<double>(b.link_bytes);
    return kLinkCost * link + kPlainCost * std::max(0.0, static_cast<double>(b.text.size()) - link);
  }

  // The element whose blocks are most prose and least everything else.
  const GumboNode* best_container() {
    std::unordered_map<const GumboNode*, double> score;
    for (const Block& b : blocks_) {
      const bool noise = is_noise(b, nullptr);
      const double value = (b.prose > 0 && !noise) ? b.prose : -cost(b);
      // A block counts fully for the element that holds it and less for each
      // level above: the article's paragraphs share a parent, while teasers each
      // sit in their own item of a list, so the list wins little from them.
      double weight = 1.0;
      for (const GumboNode* n = b.owner; n != nullptr && is_element(n); n = n->parent) {
        score[n] += value * weight;
        if (n != b.owner || !is_paragraph_like(n->v.element.tag)) weight *= kLevelDecay;
      }
    }
    const GumboNode* best = nullptr;
    double best_score = 0;
    for_each_element(root_, [&](const GumboNode* node) {
      const auto it = score.find(node);
      if (it == score.end() || it->second <= 0 || is_paragraph_like(node->v.element.tag)) return;
      double s = it->second;
      if (attribute_lower(node, "itemprop") == "articlebody") {
        s *= kArticleBodyBonus;
      } else if (name_hint(node) == NameHint::kPositive) {
        s *= kPositiveNameBonus;
      }
      if (is_tag(node, GUMBO_TAG_ARTICLE)) s *= kArticleTagBonus;
      if (s > best_score) {
        best_score = s;
        best = node;
      }
    });
    return best;
  }

  bool keep(const Block& b, const GumboNode* container) const {
    if (!is_inside(b.owner, container) || is_noise(b, container)) return false;
    if (b.tag == GUMBO_TAG_H1 || (!headline_key_.empty() && fold_case(b.text) == headline_key_)) return false;
    if (b.link_density > kMaxKeptLinkDensity && !(b.link_density <= kMaxLinkedSentenceDensity &&
                                                  b.text.size() >= kLinkedSentenceBytes && ends_sentence(b.text))) {
      return false;
    }
    if (b.text.size() < kShortBlockBytes && b.link_density > kMaxShortLinkDensity) return false;
    return !is_furniture_phrase(b.text);
  }

  // Articles split by ads, figures or pull quotes repeat their container: the
  // elements elsewhere on the page that look like it (same tag and class) and hold
  // more prose than links are more of the same article.
  std::vector<const GumboNode*> regions(const GumboNode* container) const {
    std::vector<const GumboNode*> out = {container};
    const std::string_view cls = attribute(container, "class");
    if (cls.empty()) return out;
    const GumboTag tag = container->v.element.tag;
    std::unordered_map<const GumboNode*, double> net;
    for_each_element(root_, [&](const GumboNode* node) {
      if (node != container && node->v.element.tag == tag && attribute(node, "class") == cls &&
          !is_inside(node, container) && !is_inside(container, node)) {
        net[node] = 0;
      }
    });
    if (net.empty()) return out;
    for (const Block& b : blocks_) {
      for (const GumboNode* n = b.owner; n != nullptr && is_element(n); n = n->parent) {
        if (const auto it = net.find(n); it != net.end()) {
          it->second += (b.prose > 0 && !is_noise(b, n)) ? b.prose : -cost(b);
          break;
        }
      }
    }
    for (const auto& [node, score] : net) {
      if (score > 0) out.push_back(node);
    }
    return out;
  }

  std::string render(const GumboNode* container) const {
    const std::vector<const GumboNode*> parts = regions(container);
    std::vector<const Block*> kept;
    for (const Block& b : blocks_) {
      for (const GumboNode* part : parts) {
        if (keep(b, part)) {
          kept.push_back(&b);
          break;
        }
      }
    }
    // Short lines before the first paragraph are the page's labels, bylines and
    // datelines. After it they are the article's own: subheadings, lists, tables.
    auto is_body = [](const Block* b) { return b->prose > 0; };
    const auto first = std::find_if(kept.begin(), kept.end(), is_body);
    if (first == kept.end()) return {};
    std::string out;
    for (auto it = first; it != kept.end(); ++it) {
      if (!out.empty()) out += "\n\n";
      out += (*it)->text;
    }
    return out;
  }

  const GumboNode* root_;
  std::string headline_key_;
  std::vector<Block> blocks_;
  std::unordered_set<const GumboNode*> layout_;
};

}  // namespace

std::string extract_main_text(const GumboNode* root, const MainTextOptions& options) {
  return MainText(root, options).run();
}

}  // namespace morgue::indexer
