// The picture of your network (`kith graph`): you in the middle, each contact
// shown a node sized by the interactions you had with them and coloured by
// where the relationship stands, edges from you weighted by those
// interactions, edges between contacts who took part in one interaction
// together, and dashed edges for the introductions `kith pitch` suggests.
// Here: the model and its DOT text (Graphviz's language); the layout and
// the SVG and PNG images are core/graph_render.h.
//
// Pure: the model is a function of the network, today and the options; the
// warmth is the due engine's and the introductions are pitch's.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.h"
#include "core/records.h"

namespace kith {

// Where a relationship stands, as the node's colour says.
enum class GraphWarmth {
  on_track,  // reached, and not due (`kith due` does not list them)
  due,       // listed by `kith due`, less than a whole cadence late
  lapsed,    // listed by `kith due`, a whole cadence late or more (red there)
  never,     // no give or catch-up yet (pitch's warmth "never")
};

// "on track", "due", "lapsed", "never reached".
std::string_view to_string(GraphWarmth warmth);

// How contacts are grouped into Graphviz clusters.
enum class GraphCluster { none, tag, company };

// "tag", "company"; nullopt for anything else ("none" is not a value).
std::optional<GraphCluster> parse_graph_cluster(std::string_view text);

struct GraphOptions {
  // Only contacts carrying every one of these tags (text::terms_match).
  std::vector<std::string> tags;
  // Count only the interactions dated on or after this day (sizes, weights,
  // met-together edges). The warmth is always judged on the whole log.
  std::optional<Date> since;
  GraphCluster cluster = GraphCluster::none;
  // The introductions drawn per contact, at most.
  std::size_t max_intros = 3;
};

struct GraphNode {
  std::string id;
  std::string name;
  GraphWarmth warmth = GraphWarmth::never;
  // Interactions with them dated in the window (from options.since, or the
  // beginning, to today).
  int interactions = 0;
  // The cluster the node is drawn in (an index into Graph::clusters); nullopt:
  // none.
  std::optional<std::size_t> cluster;
};

struct GraphEdge {
  enum class Kind {
    you,    // you and a contact: `weight` interactions (0: never, drawn faint)
    met,    // two contacts who took part in `weight` interactions together
    intro,  // `kith pitch` of `a` suggests introducing `b` (weight 0)
  };
  Kind kind = Kind::you;
  std::size_t a = 0;  // a node index (for `you`: the contact)
  std::size_t b = 0;  // a node index (unused for `you`)
  int weight = 0;
  // For an intro: b's skills that match a's interests.
  std::vector<std::string> topics;
};

struct GraphClusterGroup {
  std::string label;  // the tag or the company, as the first member spells it
  std::vector<std::size_t> nodes;
};

struct Graph {
  Date today{};
  std::optional<Date> since;
  std::string me;                // your name (`kith me`), else "you"
  std::vector<GraphNode> nodes;  // by name, then id
  // you edges (in node order), then met edges, then intro edges (each by a, b).
  std::vector<GraphEdge> edges;
  // Groups of at least two nodes, by label; nodes in no group stand alone.
  std::vector<GraphClusterGroup> clusters;
  GraphCluster cluster_by = GraphCluster::none;
};

// The graph of `network` as of `today`. Shown: the contacts that are not
// archived and carry every tag of options.tags. Interactions dated after today
// are not counted; an interaction naming contacts who are not shown still
// counts for those shown. The introductions are those `kith pitch` ranks
// for each contact shown, among the contacts shown, at most options.max_intros
// each; an introduction suggested both ways is one edge.
//
// Clusters: by tag, a node's first tag that options.tags does not name
// (tags compared with text::normalize_term); by company, its company
// (identity's company_key: "Acme" and "ACME Inc." are one). Groups of a
// single node are no cluster.
Graph build_graph(const Network& network, Date today, const GraphOptions& options);

// The Graphviz layout engine for `graph`: fdp when it has clusters (it draws
// and keeps them together), neato up to kSmallGraphNodes nodes, sfdp above.
inline constexpr std::size_t kSmallGraphNodes = 150;
std::string_view layout_engine(const Graph& graph);

// The graph in the DOT language, with its layout engine in the "layout"
// attribute (so that `dot -Tsvg` lays it out the same way), a legend as the
// graph's label, and each name escaped for DOT (backslashes and quotes) and
// for the labels' HTML entities ('&'), control characters made spaces and
// invalid UTF-8 made U+FFFD.
std::string to_dot(const Graph& graph);

// `s` as a double-quoted DOT string: "…" with '\' and '"' escaped, '&' written
// "&amp;" (Graphviz reads entities in labels), control characters and line
// breaks made spaces, invalid UTF-8 made U+FFFD.
std::string dot_quote(std::string_view s);

}  // namespace kith
