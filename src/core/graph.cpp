#include "core/graph.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <utility>

#include "core/due.h"
#include "core/history.h"
#include "core/identity.h"
#include "core/pitch.h"
#include "core/text.h"

namespace kith {

std::string_view to_string(GraphWarmth warmth) {
  switch (warmth) {
    case GraphWarmth::on_track:
      return "on track";
    case GraphWarmth::due:
      return "due";
    case GraphWarmth::lapsed:
      return "lapsed";
    case GraphWarmth::never:
      return "never reached";
  }
  return "never reached";
}

std::optional<GraphCluster> parse_graph_cluster(std::string_view text) {
  if (text == "tag") return GraphCluster::tag;
  if (text == "company") return GraphCluster::company;
  return std::nullopt;
}

namespace {

bool graph_has_all_tags(const Contact& c, const std::vector<std::string>& tags) {
  return std::all_of(tags.begin(), tags.end(), [&](const std::string& wanted) {
    return std::any_of(c.tags.begin(), c.tags.end(),
                       [&](const std::string& t) { return text::terms_match(t, wanted); });
  });
}

// The key and the label of the cluster `c` belongs in; an empty key: none.
std::pair<std::string, std::string> graph_group_of(const Contact& c, const GraphOptions& options) {
  if (options.cluster == GraphCluster::company) {
    if (!c.company) return {};
    const std::string key = company_key(*c.company);
    if (key.empty()) return {};
    return {key, std::string(text::trim(*c.company))};
  }
  if (options.cluster == GraphCluster::tag) {
    for (const auto& tag : c.tags) {
      const bool named =
          std::any_of(options.tags.begin(), options.tags.end(),
                      [&](const std::string& t) { return text::terms_match(t, tag); });
      if (named) continue;
      std::string key = text::normalize_term(tag);
      if (!key.empty()) return {std::move(key), tag};
    }
  }
  return {};
}

GraphWarmth graph_warmth_of(const Contact& c, const ContactHistory& h, const DueEntry* due,
                            const Settings& settings, Date today) {
  if (warmth_of(c, h.last_no_need, settings, today) == Warmth::never) return GraphWarmth::never;
  if (!due) return GraphWarmth::on_track;
  return cadence_missed(*due) ? GraphWarmth::lapsed : GraphWarmth::due;
}

using GraphPair = std::pair<std::size_t, std::size_t>;

GraphPair graph_ordered(std::size_t a, std::size_t b) {
  return a < b ? GraphPair{a, b} : GraphPair{b, a};
}

}  // namespace

Graph build_graph(const Network& network, Date today, const GraphOptions& options) {
  Graph g;
  g.today = today;
  g.since = options.since;
  g.cluster_by = options.cluster;
  g.me = std::string(text::trim(network.profile.name));
  if (g.me.empty()) g.me = "you";

  // Who is shown, and where.
  std::vector<const Contact*> shown;
  std::unordered_map<std::string_view, std::size_t> index_of;
  for (const auto& c : network.contacts) {
    if (c.archived || !graph_has_all_tags(c, options.tags)) continue;
    index_of.emplace(c.id, shown.size());
    shown.push_back(&c);
  }

  // The past as of today: what is logged for later days does not count yet.
  std::vector<Interaction> past;
  for (const auto& i : network.interactions) {
    if (i.date <= today) past.push_back(i);
  }
  const HistoryMap history = summarize(past);
  const AliasMap aliases = alias_map(network.contacts);

  // Everyone each contact shown took part in an interaction with (pitch
  // introduces nobody to them), and the counts of the window.
  std::vector<std::vector<std::string>> met_ids(shown.size());
  std::vector<int> counts(shown.size(), 0);
  std::map<GraphPair, int> met_weights;
  for (const auto& i : past) {
    std::vector<std::string> ids;
    for (const auto& raw : i.contacts) {
      std::string id(canonical_id(aliases, raw));
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
    }
    const bool counted = !options.since || i.date >= *options.since;
    std::vector<std::size_t> here;
    for (const auto& id : ids) {
      auto it = index_of.find(id);
      if (it == index_of.end()) continue;
      here.push_back(it->second);
      auto& met = met_ids[it->second];
      for (const auto& other : ids) {
        if (other != id && std::find(met.begin(), met.end(), other) == met.end()) {
          met.push_back(other);
        }
      }
    }
    if (!counted) continue;
    for (std::size_t k = 0; k < here.size(); ++k) {
      ++counts[here[k]];
      for (std::size_t m = k + 1; m < here.size(); ++m)
        ++met_weights[graph_ordered(here[k], here[m])];
    }
  }

  // The warmth: the due engine's list, on the whole log.
  const DueReport due = compute_due(network, today, DueOptions{});
  std::unordered_map<std::string_view, const DueEntry*> due_of;
  for (const auto& e : due.due) due_of.emplace(e.contact->id, &e);

  for (std::size_t k = 0; k < shown.size(); ++k) {
    const Contact& c = *shown[k];
    GraphNode node;
    node.id = c.id;
    node.name = c.name;
    node.interactions = counts[k];
    auto d = due_of.find(c.id);
    node.warmth = graph_warmth_of(c, history_of(history, c.id),
                                  d == due_of.end() ? nullptr : d->second, network.settings, today);
    g.nodes.push_back(std::move(node));
  }

  for (std::size_t k = 0; k < shown.size(); ++k) {
    g.edges.push_back({GraphEdge::Kind::you, k, k, counts[k], {}});
  }
  for (const auto& [pair, weight] : met_weights) {
    g.edges.push_back({GraphEdge::Kind::met, pair.first, pair.second, weight, {}});
  }

  // The introductions pitch would suggest, among those shown.
  if (options.max_intros > 0) {
    const IntroductionRanker ranker(shown, history, network.settings, today);
    std::map<GraphPair, GraphEdge> intros;
    for (std::size_t a = 0; a < shown.size(); ++a) {
      for (auto& intro : ranker.rank(*shown[a], met_ids[a], options.max_intros)) {
        auto it = index_of.find(intro.id);
        if (it == index_of.end()) continue;
        const std::size_t b = it->second;
        intros.try_emplace(graph_ordered(a, b),
                           GraphEdge{GraphEdge::Kind::intro, a, b, 0, std::move(intro.topics)});
      }
    }
    for (auto& [pair, edge] : intros) g.edges.push_back(std::move(edge));
  }

  // The clusters: groups of two or more, by label.
  if (options.cluster != GraphCluster::none) {
    std::map<std::string, GraphClusterGroup> groups;
    for (std::size_t k = 0; k < shown.size(); ++k) {
      auto [key, label] = graph_group_of(*shown[k], options);
      if (key.empty()) continue;
      GraphClusterGroup& group = groups[key];
      if (group.nodes.empty()) group.label = std::move(label);
      group.nodes.push_back(k);
    }
    std::vector<GraphClusterGroup> kept;
    for (auto& [key, group] : groups) {
      if (group.nodes.size() >= 2) kept.push_back(std::move(group));
    }
    std::stable_sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
      return text::fold(a.label) < text::fold(b.label);
    });
    for (std::size_t k = 0; k < kept.size(); ++k) {
      for (const std::size_t n : kept[k].nodes) g.nodes[n].cluster = k;
    }
    g.clusters = std::move(kept);
  }
  return g;
}

std::string_view layout_engine(const Graph& graph) {
  if (!graph.clusters.empty()) return "fdp";
  return graph.nodes.size() <= kSmallGraphNodes ? "neato" : "sfdp";
}

namespace {

// `s` with every C0 control and DEL made a space, then everything that
// cannot be shown (C1 controls, invalid UTF-8…) made U+FFFD.
std::string graph_printable(std::string_view s) {
  std::string spaced(s);
  for (char& ch : spaced) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte < 0x20 || byte == 0x7f) ch = ' ';
  }
  return text::sanitize_for_terminal(spaced);
}

// `s` for the text of an HTML-like label: the XML specials as entities.
std::string graph_html(std::string_view s) {
  std::string out;
  for (const char ch : graph_printable(s)) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

struct GraphColors {
  const char* fill;
  const char* line;
};

GraphColors graph_colors(GraphWarmth w) {
  switch (w) {
    case GraphWarmth::on_track:
      return {"#a5d6a7", "#2e7d32"};
    case GraphWarmth::due:
      return {"#ffe082", "#f9a825"};
    case GraphWarmth::lapsed:
      return {"#ef9a9a", "#c62828"};
    case GraphWarmth::never:
      return {"#eeeeee", "#9e9e9e"};
  }
  return {"#eeeeee", "#9e9e9e"};
}

// A number for an attribute: at most two decimals, no trailing zeros.
std::string graph_number(double x) {
  const long long hundredths = std::llround(x * 100);
  std::string out = std::to_string(hundredths / 100);
  const long long rest = hundredths % 100;
  if (rest != 0) {
    out += '.';
    out += static_cast<char>('0' + rest / 10);
    if (rest % 10 != 0) out += static_cast<char>('0' + rest % 10);
  }
  return out;
}

// The length of the line from you to a contact: the colder, the longer.
double graph_length(GraphWarmth w) {
  switch (w) {
    case GraphWarmth::on_track:
      return 1.1;
    case GraphWarmth::due:
      return 1.5;
    case GraphWarmth::lapsed:
      return 1.9;
    case GraphWarmth::never:
      return 2.3;
  }
  return 2.3;
}

// log2(1 + n): how much n interactions weigh in a size or a width.
double graph_scale(int n) { return std::log2(1.0 + std::max(0, n)); }

std::string graph_node_line(const Graph& g, const GraphNode& n) {
  const GraphColors colors = graph_colors(n.warmth);
  const double fontsize = std::min(26.0, 10.0 + 2.5 * graph_scale(n.interactions));
  std::string tooltip = n.name + " (" + n.id + "): " + std::to_string(n.interactions) +
                        (n.interactions == 1 ? " interaction" : " interactions") +
                        (g.since ? " since " + format_date(*g.since) : "") + ", " +
                        std::string(to_string(n.warmth));
  return dot_quote(n.id) + " [label=" + dot_quote(n.name) + ", fillcolor=\"" + colors.fill +
         "\", color=\"" + colors.line + "\", fontsize=" + graph_number(fontsize) +
         ", tooltip=" + dot_quote(tooltip) + "];\n";
}

std::string graph_legend(const Graph& g) {
  std::string title = "Your network on " + format_date(g.today) + ": " +
                      std::to_string(g.nodes.size()) +
                      (g.nodes.size() == 1 ? " contact" : " contacts");
  // One table a row, so that each row's cells keep their own widths.
  std::string out =
      "<<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"1\">"
      "<tr><td align=\"left\">" +
      graph_html(title) +
      "</td></tr><tr><td align=\"left\"><table border=\"0\" cellborder=\"0\" "
      "cellspacing=\"4\" cellpadding=\"1\"><tr>";
  for (const GraphWarmth w :
       {GraphWarmth::on_track, GraphWarmth::due, GraphWarmth::lapsed, GraphWarmth::never}) {
    const GraphColors colors = graph_colors(w);
    out += std::string("<td bgcolor=\"") + colors.fill + "\" color=\"" + colors.line +
           "\" border=\"1\" width=\"12\" height=\"12\" fixedsize=\"true\"> </td>"
           "<td align=\"left\">" +
           graph_html(std::string(to_string(w))) + " (" +
           std::to_string(std::count_if(g.nodes.begin(), g.nodes.end(),
                                        [w](const GraphNode& n) { return n.warmth == w; })) +
           ")</td>";
  }
  const std::string window = g.since ? "since " + format_date(*g.since) : std::string("all time");
  out += "</tr></table></td></tr><tr><td align=\"left\">" +
         graph_html("Size and line width: interactions (" + window +
                    "). Near you: on track; far: gone cold.") +
         "</td></tr><tr><td align=\"left\">" +
         graph_html(
             "Solid line between two people: they took part in an interaction together. "
             "Dashed: an introduction kith pitch suggests.") +
         "</td></tr></table>>";
  return out;
}

}  // namespace

std::string dot_quote(std::string_view s) {
  std::string out = "\"";
  for (const char ch : graph_printable(s)) {
    switch (ch) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '&':
        out += "&amp;";
        break;
      default:
        out += ch;
    }
  }
  out += '"';
  return out;
}

std::string to_dot(const Graph& g) {
  const std::string_view engine = layout_engine(g);
  std::string out = "graph kith {\n";
  out += "  graph [layout=\"" + std::string(engine) +
         "\", overlap=\"prism\", outputorder=\"edgesfirst\", bgcolor=\"white\", "
         "fontname=\"Helvetica,Arial,sans-serif\", fontsize=11, labelloc=\"b\", "
         "labeljust=\"l\", pad=0.3";
  if (engine == "neato") out += ", sep=\"+6\"";
  if (engine == "fdp") out += ", sep=\"+6\", K=0.9";
  out += ",\n    label=" + graph_legend(g) + "];\n";
  out +=
      "  node [shape=\"ellipse\", style=\"filled\", penwidth=1.2, margin=\"0.06,0.03\", "
      "fontname=\"Helvetica,Arial,sans-serif\"];\n";
  out += "  edge [color=\"#bdbdbd\"];\n";
  // You: node names are contact ids, which never hold an underscore.
  out += "  \"_me\" [label=" + dot_quote(g.me) +
         ", peripheries=2, fillcolor=\"#90caf9\", color=\"#1565c0\", fontsize=" +
         std::string(g.nodes.size() > kSmallGraphNodes ? "30" : "18") +
         ", "
         "tooltip=" +
         dot_quote(g.me + " (you)") + "];\n";
  for (std::size_t k = 0; k < g.clusters.size(); ++k) {
    const GraphClusterGroup& cluster = g.clusters[k];
    out += "  subgraph \"cluster_" + std::to_string(k) + "\" {\n";
    out += "    graph [label=" + dot_quote(cluster.label) +
           ", style=\"rounded,filled\", fillcolor=\"#f7f7f7\", color=\"#bdbdbd\", fontsize=12];\n";
    for (const std::size_t n : cluster.nodes) out += "    " + graph_node_line(g, g.nodes[n]);
    out += "  }\n";
  }
  for (const auto& n : g.nodes) {
    if (!n.cluster) out += "  " + graph_node_line(g, n);
  }
  for (const auto& e : g.edges) {
    const GraphNode& a = g.nodes[e.a];
    const GraphNode& b = g.nodes[e.b];
    switch (e.kind) {
      case GraphEdge::Kind::you: {
        // The colder the relationship, the farther from you (neato and fdp
        // read the length; sfdp the weight).
        const double length = graph_length(a.warmth);
        if (e.weight == 0) {
          out += "  \"_me\" -- " + dot_quote(a.id) +
                 " [color=\"#e0e0e0\", penwidth=0.5, len=" + graph_number(length) +
                 ", weight=1];\n";
        } else {
          out += "  \"_me\" -- " + dot_quote(a.id) +
                 " [penwidth=" + graph_number(0.6 + 0.7 * graph_scale(e.weight)) +
                 ", len=" + graph_number(length) + ", weight=" + std::to_string(1 + e.weight) +
                 "];\n";
        }
        break;
      }
      case GraphEdge::Kind::met:
        out +=
            "  " + dot_quote(a.id) + " -- " + dot_quote(b.id) +
            " [color=\"#5c6bc0\", penwidth=" + graph_number(0.8 + 0.7 * graph_scale(e.weight)) +
            ", tooltip=" +
            dot_quote(a.name + " and " + b.name + ": " + std::to_string(e.weight) + " together") +
            "];\n";
        break;
      case GraphEdge::Kind::intro: {
        std::string topics;
        for (const auto& t : e.topics) topics += (topics.empty() ? "" : ", ") + t;
        out += "  " + dot_quote(a.id) + " -- " + dot_quote(b.id) +
               " [style=\"dashed\", color=\"#ef6c00b0\", penwidth=0.9, len=3, weight=0, "
               "tooltip=" +
               dot_quote("introduce " + a.name + " to " + b.name + ": " + topics) + "];\n";
        break;
      }
    }
  }
  out += "}\n";
  return out;
}

}  // namespace kith
