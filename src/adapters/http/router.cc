// Router implementation: a segment trie with literal, parameter and catch-all
// children, searched depth-first in that priority order with backtracking.
#include "adapters/http/router.h"

#include <algorithm>
#include <cassert>
#include <utility>

namespace doithoai::http {
namespace {

// Splits a path that starts with '/' into its segments: "/" → {""},
// "/a/b/" → {"a", "b", ""}. The views point into `path`.
std::vector<std::string_view> SplitSegments(std::string_view path) {
  std::vector<std::string_view> segments;
  path.remove_prefix(1);
  size_t start = 0;
  while (true) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) {
      segments.push_back(path.substr(start));
      break;
    }
    segments.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return segments;
}

bool IsBraced(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

namespace router_internal {

struct Node {
  struct Entry {
    Handler handler;
    std::vector<std::string> param_names;  // in path order
  };

  std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
  std::unique_ptr<Node> param;                         // "{name}"
  std::unique_ptr<Node> catch_all;                     // "{name*}"; only ever terminal
  std::map<std::string, Entry, std::less<>> handlers;  // by method
};

}  // namespace router_internal

namespace {

using router_internal::Node;

// Depth-first search for the most specific node with handlers that matches
// `segments[i..]`. Parameter values (and a catch-all's rest) are appended to
// `values`; on failure `values` is left as it was.
const Node* Find(const Node& node, std::string_view path,
                 const std::vector<std::string_view>& segments, size_t i,
                 std::vector<std::string_view>& values) {
  if (i == segments.size()) {
    return node.handlers.empty() ? nullptr : &node;
  }
  std::string_view segment = segments[i];
  if (auto it = node.literals.find(segment); it != node.literals.end()) {
    if (const Node* found = Find(*it->second, path, segments, i + 1, values)) {
      return found;
    }
  }
  if (node.param != nullptr && !segment.empty()) {
    values.push_back(segment);
    if (const Node* found = Find(*node.param, path, segments, i + 1, values)) {
      return found;
    }
    values.pop_back();
  }
  if (node.catch_all != nullptr && !node.catch_all->handlers.empty()) {
    size_t offset = static_cast<size_t>(segment.data() - path.data());
    std::string_view rest = path.substr(offset);
    if (!rest.empty()) {
      values.push_back(rest);
      return node.catch_all.get();
    }
  }
  return nullptr;
}

}  // namespace

std::string Router::Match::AllowHeader() const {
  std::string header;
  for (const std::string& method : allowed_methods) {
    if (!header.empty()) {
      header += ", ";
    }
    header += method;
  }
  return header;
}

Router::Router() : root_(std::make_unique<router_internal::Node>()) {}
Router::~Router() = default;

void Router::Add(std::string_view method, std::string_view pattern, Handler h) {
  assert(!method.empty());
  assert(!pattern.empty() && pattern.front() == '/');
  if (pattern.empty() || pattern.front() != '/') {
    return;
  }
  std::vector<std::string_view> segments = SplitSegments(pattern);
  std::vector<std::string> names;
  Node* node = root_.get();
  for (size_t i = 0; i < segments.size(); ++i) {
    std::string_view segment = segments[i];
    if (!IsBraced(segment)) {
      assert(segment.find_first_of("{}") == std::string_view::npos);
      assert(!segment.empty() || i + 1 == segments.size());  // only "/" or "/x/"
      auto it = node->literals.find(segment);
      if (it == node->literals.end()) {
        it = node->literals.emplace(std::string(segment), std::make_unique<Node>()).first;
      }
      node = it->second.get();
      continue;
    }
    std::string_view name = segment.substr(1, segment.size() - 2);
    bool is_catch_all = !name.empty() && name.back() == '*';
    if (is_catch_all) {
      name.remove_suffix(1);
      assert(i + 1 == segments.size());  // a catch-all must be last
    }
    assert(!name.empty());
    assert(std::find(names.begin(), names.end(), name) == names.end());
    names.emplace_back(name);
    std::unique_ptr<Node>& child = is_catch_all ? node->catch_all : node->param;
    if (child == nullptr) {
      child = std::make_unique<Node>();
    }
    node = child.get();
  }
  auto [it, inserted] = node->handlers.insert_or_assign(
      std::string(method), router_internal::Node::Entry{std::move(h), std::move(names)});
  assert(inserted);  // the same method and pattern were added twice
  (void)it;
  (void)inserted;
}

Router::Match Router::Route(std::string_view method, std::string_view path) const {
  Match match;
  if (path.empty() || path.front() != '/') {
    return match;
  }
  std::vector<std::string_view> segments = SplitSegments(path);
  std::vector<std::string_view> values;
  const Node* node = Find(*root_, path, segments, 0, values);
  if (node == nullptr) {
    return match;
  }
  for (const auto& [m, entry] : node->handlers) {
    match.allowed_methods.push_back(m);
  }
  if (node->handlers.contains("GET") && !node->handlers.contains("HEAD")) {
    match.allowed_methods.push_back("HEAD");
    std::sort(match.allowed_methods.begin(), match.allowed_methods.end());
  }
  auto it = node->handlers.find(method);
  if (it == node->handlers.end() && method == "HEAD") {
    it = node->handlers.find(std::string_view("GET"));
  }
  if (it == node->handlers.end()) {
    match.outcome = Outcome::kMethodNotAllowed;
    return match;
  }
  const router_internal::Node::Entry& entry = it->second;
  assert(entry.param_names.size() == values.size());
  for (size_t i = 0; i < values.size() && i < entry.param_names.size(); ++i) {
    match.params.emplace(entry.param_names[i], std::string(values[i]));
  }
  match.outcome = Outcome::kFound;
  match.handler = &entry.handler;
  return match;
}

}  // namespace doithoai::http
