#include "core/graph.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/pitch.h"
#include "unit/pitch_network.h"

namespace kith::graph_test {
namespace {

using test::day;
using test::kToday;
using test::NetworkBuilder;
using test::person;
using Strings = std::vector<std::string>;

const GraphNode* node(const Graph& g, const std::string& id) {
  for (const auto& n : g.nodes) {
    if (n.id == id) return &n;
  }
  return nullptr;
}

Strings ids_of(const Graph& g) {
  Strings out;
  for (const auto& n : g.nodes) out.push_back(n.id);
  return out;
}

// "a-b:weight" for each edge of `kind`, a and b by id.
Strings edges(const Graph& g, GraphEdge::Kind kind) {
  Strings out;
  for (const auto& e : g.edges) {
    if (e.kind != kind) continue;
    std::string s = g.nodes[e.a].id;
    if (kind != GraphEdge::Kind::you) s += "-" + g.nodes[e.b].id;
    out.push_back(s + ":" + std::to_string(e.weight));
  }
  return out;
}

bool has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

TEST(GraphModel, ShowsEveryContactButTheArchivedOnes) {
  NetworkBuilder b;
  b.add(person("ana", "Ana"));
  b.add(person("bob", "Bob")).archived = true;
  b.add(person("cy", "Cy"));
  const Graph g = build_graph(b.network, kToday, {});
  EXPECT_EQ(ids_of(g), (Strings{"ana", "cy"}));
}

TEST(GraphModel, TagsKeepOnlyContactsCarryingEveryTagMatchedAsTermsAre) {
  NetworkBuilder b;
  b.add(person("ana", "Ana")).tags = {"Rust-Meetup", "berlin"};
  b.add(person("bob", "Bob")).tags = {"rust meetup"};
  b.add(person("cy", "Cy")).tags = {"berlin"};
  GraphOptions options;
  options.tags = {"rust_meetup"};
  EXPECT_EQ(ids_of(build_graph(b.network, kToday, options)), (Strings{"ana", "bob"}));
  options.tags = {"rust-meetup", "Berlin"};
  EXPECT_EQ(ids_of(build_graph(b.network, kToday, options)), (Strings{"ana"}));
}

TEST(GraphModel, YouEdgesWeighTheInteractionsUpToTodayAndTheNodesCountThem) {
  NetworkBuilder b;
  b.add(person("ana", "Ana"));
  b.add(person("bob", "Bob"));
  b.log("2026-01-10", {"ana"}, Intent::catch_up);
  b.log("2026-06-10", {"ana"}, Intent::ask);
  b.log("2026-11-01", {"ana"}, Intent::give);
  b.log("2026-12-01", {"ana", "bob"}, Intent::give);  // after today: not yet
  const Graph g = build_graph(b.network, kToday, {});
  EXPECT_EQ(edges(g, GraphEdge::Kind::you), (Strings{"ana:3", "bob:0"}));
  EXPECT_EQ(node(g, "ana")->interactions, 3);
  EXPECT_EQ(node(g, "bob")->interactions, 0);
  EXPECT_TRUE(edges(g, GraphEdge::Kind::met).empty());
}

TEST(GraphModel, SinceCountsOnlyTheInteractionsOnOrAfterIt) {
  NetworkBuilder b;
  b.add(person("ana", "Ana"));
  b.add(person("bob", "Bob"));
  b.log("2026-01-10", {"ana", "bob"}, Intent::catch_up);
  b.log("2026-06-10", {"ana", "bob"}, Intent::catch_up);
  b.log("2026-06-11", {"ana"}, Intent::catch_up);
  GraphOptions options;
  options.since = day("2026-06-10");
  const Graph g = build_graph(b.network, kToday, options);
  EXPECT_EQ(edges(g, GraphEdge::Kind::you), (Strings{"ana:2", "bob:1"}));
  EXPECT_EQ(edges(g, GraphEdge::Kind::met), (Strings{"ana-bob:1"}));
}

TEST(GraphModel, ContactsOfOneInteractionMetTogetherWeightedByHowOften) {
  NetworkBuilder b;
  b.add(person("ana", "Ana"));
  b.add(person("bob", "Bob"));
  b.add(person("cy", "Cy"));
  b.add(person("dee", "Dee")).archived = true;
  b.log("2026-03-01", {"ana", "bob", "cy"}, Intent::catch_up);
  b.log("2026-04-01", {"bob", "ana"}, Intent::catch_up);
  b.log("2026-05-01", {"cy", "dee"}, Intent::catch_up);  // Dee is not shown; Cy's count is
  const Graph g = build_graph(b.network, kToday, {});
  EXPECT_EQ(edges(g, GraphEdge::Kind::met), (Strings{"ana-bob:2", "ana-cy:1", "bob-cy:1"}));
  EXPECT_EQ(node(g, "cy")->interactions, 2);
}

TEST(GraphModel, AnAliasInTheLogCountsForItsContact) {
  NetworkBuilder b;
  b.add(person("ana", "Ana")).aliases = {"ana-old"};
  b.add(person("bob", "Bob"));
  b.log("2026-03-01", {"ana-old", "bob"}, Intent::catch_up);
  const Graph g = build_graph(b.network, kToday, {});
  EXPECT_EQ(edges(g, GraphEdge::Kind::you), (Strings{"ana:1", "bob:1"}));
  EXPECT_EQ(edges(g, GraphEdge::Kind::met), (Strings{"ana-bob:1"}));
}

// The cadence is the setting, 3 months; today is 2026-11-20.
TEST(GraphModel, WarmthIsTheDueEnginesOnTrackDueLapsedOrNeverReached) {
  NetworkBuilder b;
  b.add(person("fresh", "Fresh"));  // a catch-up last month
  b.add(person("due", "Due"));      // a catch-up 4 months ago
  b.add(person("cold", "Cold"));    // a give 8 months ago: a cadence late and more
  b.add(person("asked", "Asked"));  // only an ask: never reached out with no need
  b.add(person("none", "None"));    // nothing at all
  b.add(person("sleepy", "Sleepy")).snoozed_until = day("2027-01-01");  // snoozed, 8 months ago
  b.log("2026-10-20", {"fresh"}, Intent::catch_up);
  b.log("2026-07-10", {"due"}, Intent::catch_up);
  b.log("2026-03-10", {"cold"}, Intent::give);
  b.log("2026-03-10", {"sleepy"}, Intent::give);
  b.log("2026-11-01", {"asked"}, Intent::ask);
  const Graph g = build_graph(b.network, kToday, {});
  EXPECT_EQ(node(g, "fresh")->warmth, GraphWarmth::on_track);
  EXPECT_EQ(node(g, "due")->warmth, GraphWarmth::due);
  EXPECT_EQ(node(g, "cold")->warmth, GraphWarmth::lapsed);
  EXPECT_EQ(node(g, "asked")->warmth, GraphWarmth::never);
  EXPECT_EQ(node(g, "none")->warmth, GraphWarmth::never);
  // `kith due` leaves a snoozed contact out until the snooze ends.
  EXPECT_EQ(node(g, "sleepy")->warmth, GraphWarmth::on_track);
  EXPECT_EQ(to_string(GraphWarmth::never), "never reached");
}

TEST(GraphModel, TheWarmthIsJudgedOnTheWholeLogWhateverSince) {
  NetworkBuilder b;
  b.add(person("ana", "Ana"));
  b.log("2026-10-20", {"ana"}, Intent::catch_up);
  GraphOptions options;
  options.since = day("2026-11-01");
  const Graph g = build_graph(b.network, kToday, options);
  EXPECT_EQ(node(g, "ana")->interactions, 0);
  EXPECT_EQ(node(g, "ana")->warmth, GraphWarmth::on_track);
}

// Cy wants Rust and design; Ana, Bob, Dee and Eve know some of it.
NetworkBuilder intro_network() {
  NetworkBuilder b;
  b.add(person("ana", "Ana", {"Rust", "design"}));
  b.add(person("bob", "Bob", {"rust"}));
  b.add(person("cy", "Cy", {}, {"rust", "Design"}));
  b.add(person("dee", "Dee", {"design"}));
  b.add(person("eve", "Eve", {"Rust"}, {"design"}));
  b.add(person("fay", "Fay", {"rust"})).archived = true;
  b.log("2026-11-01", {"bob"}, Intent::catch_up);        // warm: ranks first
  b.log("2026-10-01", {"cy", "eve"}, Intent::catch_up);  // met: never introduced
  return b;
}

TEST(GraphModel, IntroductionsArePitchsTopOnesAndNeverBetweenPeopleWhoMet) {
  const NetworkBuilder b = intro_network();
  GraphOptions options;
  options.max_intros = 2;
  const Graph g = build_graph(b.network, kToday, options);
  // Cy: Bob (warm), then Ana (two topics); Eve wants design: Ana, Dee.
  EXPECT_EQ(edges(g, GraphEdge::Kind::intro),
            (Strings{"cy-ana:0", "eve-ana:0", "cy-bob:0", "eve-dee:0"}));
  for (const auto& e : g.edges) {
    if (e.kind == GraphEdge::Kind::intro && g.nodes[e.a].id == "cy" && g.nodes[e.b].id == "ana") {
      EXPECT_EQ(e.topics, (Strings{"Rust", "design"}));
    }
  }
}

TEST(GraphModel, EachContactsIntroductionsAreTheOnesItsPitchProposes) {
  const NetworkBuilder b = intro_network();
  const Graph g = build_graph(b.network, kToday, {});
  for (const auto& n : g.nodes) {
    std::set<std::string> drawn;
    for (const auto& e : g.edges) {
      if (e.kind == GraphEdge::Kind::intro && g.nodes[e.a].id == n.id) {
        drawn.insert(g.nodes[e.b].id);
      }
    }
    std::set<std::string> proposed;
    for (const auto& intro : b.pitch(n.id).introductions) proposed.insert(intro.id);
    // An introduction both ways is drawn once, from the first of the two.
    for (const auto& e : g.edges) {
      if (e.kind == GraphEdge::Kind::intro && g.nodes[e.b].id == n.id) {
        proposed.erase(g.nodes[e.a].id);
      }
    }
    EXPECT_EQ(drawn, proposed) << n.id;
  }
}

TEST(GraphModel, AnIntroductionProposedBothWaysIsOneEdge) {
  NetworkBuilder b;
  b.add(person("ana", "Ana", {"rust"}, {"design"}));
  b.add(person("bob", "Bob", {"design"}, {"rust"}));
  const Graph g = build_graph(b.network, kToday, {});
  EXPECT_EQ(edges(g, GraphEdge::Kind::intro), (Strings{"ana-bob:0"}));
}

TEST(GraphModel, IntroductionsStayAmongTheContactsShown) {
  NetworkBuilder b = intro_network();
  b.contact("cy").tags = {"team"};
  b.contact("dee").tags = {"team"};
  GraphOptions options;
  options.tags = {"team"};
  const Graph g = build_graph(b.network, kToday, options);
  EXPECT_EQ(edges(g, GraphEdge::Kind::intro), (Strings{"cy-dee:0"}));
}

TEST(GraphModel, NoIntroductionsWithAMaximumOfZero) {
  GraphOptions options;
  options.max_intros = 0;
  EXPECT_TRUE(
      edges(build_graph(intro_network().network, kToday, options), GraphEdge::Kind::intro).empty());
}

Strings clusters_of(const Graph& g) {
  Strings out;
  for (const auto& c : g.clusters) {
    std::string s = c.label + ":";
    for (const auto n : c.nodes) s += " " + g.nodes[n].id;
    out.push_back(s);
  }
  return out;
}

TEST(GraphModel, ClustersByCompanyJoinOneCompanySpelledTwoWaysAndLeaveLoneOnesOut) {
  NetworkBuilder b;
  b.add(person("ana", "Ana")).company = "Acme Inc.";
  b.add(person("bob", "Bob")).company = "ACME";
  b.add(person("cy", "Cy")).company = "Globex";
  b.add(person("dee", "Dee")).company = "";
  b.add(person("eve", "Eve"));
  b.add(person("fay", "Fay")).company = "Basecamp";
  b.add(person("gus", "Gus")).company = "basecamp";
  GraphOptions options;
  options.cluster = GraphCluster::company;
  const Graph g = build_graph(b.network, kToday, options);
  EXPECT_EQ(clusters_of(g), (Strings{"Acme Inc.: ana bob", "Basecamp: fay gus"}));
  EXPECT_EQ(node(g, "ana")->cluster, 0U);
  EXPECT_EQ(node(g, "cy")->cluster, std::nullopt);
  EXPECT_EQ(node(g, "dee")->cluster, std::nullopt);
}

TEST(GraphModel, ClustersByTagUseTheFirstTagTheFilterDoesNotName) {
  NetworkBuilder b;
  b.add(person("ana", "Ana")).tags = {"work", "rust"};
  b.add(person("bob", "Bob")).tags = {"Rust", "work"};
  b.add(person("cy", "Cy")).tags = {"work", "climbing"};
  b.add(person("dee", "Dee")).tags = {"climbing", "work"};
  GraphOptions options;
  options.cluster = GraphCluster::tag;
  // Bob alone under rust and Dee alone under climbing: no cluster.
  EXPECT_EQ(clusters_of(build_graph(b.network, kToday, options)), (Strings{"work: ana cy"}));
  options.tags = {"work"};
  EXPECT_EQ(clusters_of(build_graph(b.network, kToday, options)),
            (Strings{"climbing: cy dee", "rust: ana bob"}));
}

TEST(GraphModel, ClusterNamesAreTagAndCompany) {
  EXPECT_EQ(parse_graph_cluster("tag"), GraphCluster::tag);
  EXPECT_EQ(parse_graph_cluster("company"), GraphCluster::company);
  EXPECT_EQ(parse_graph_cluster("none"), std::nullopt);
  EXPECT_EQ(parse_graph_cluster("Tag"), std::nullopt);
}

TEST(GraphModel, YourNameIsYourProfilesElseYou) {
  NetworkBuilder b;
  EXPECT_EQ(build_graph(b.network, kToday, {}).me, "you");
  b.network.profile.name = "Noor Haddad";
  EXPECT_EQ(build_graph(b.network, kToday, {}).me, "Noor Haddad");
}

TEST(GraphDot, QuotesEscapeBackslashesQuotesAndAmpersandsAndKeepCjk) {
  EXPECT_EQ(dot_quote("plain"), "\"plain\"");
  EXPECT_EQ(dot_quote(R"(Jo "JJ" O\Brien)"), R"("Jo \"JJ\" O\\Brien")");
  EXPECT_EQ(dot_quote("Tom & Jerry &amp;"), "\"Tom &amp; Jerry &amp;amp;\"");
  EXPECT_EQ(dot_quote("<b>陈静</b>"), "\"<b>陈静</b>\"");
  EXPECT_EQ(dot_quote("a\nb\tc\x7f"), "\"a b c \"");
  EXPECT_EQ(dot_quote("bad \xff byte"), "\"bad \xEF\xBF\xBD byte\"");
  // A backslash at the end cannot escape the closing quote.
  EXPECT_EQ(dot_quote("ends\\"), "\"ends\\\\\"");
}

TEST(GraphDot, NamesTheLayoutEngineBySizeAndClusters) {
  NetworkBuilder b;
  b.add(person("ana", "Ana")).company = "Acme";
  b.add(person("bob", "Bob")).company = "Acme";
  EXPECT_EQ(layout_engine(build_graph(b.network, kToday, {})), "neato");
  GraphOptions options;
  options.cluster = GraphCluster::company;
  EXPECT_EQ(layout_engine(build_graph(b.network, kToday, options)), "fdp");
  for (std::size_t k = 0; k < kSmallGraphNodes; ++k) {
    b.network.contacts.push_back(person("p" + std::to_string(k), "P"));
  }
  const Graph big = build_graph(b.network, kToday, {});
  EXPECT_EQ(layout_engine(big), "sfdp");
  EXPECT_TRUE(has(to_dot(big), "layout=\"sfdp\""));
}

TEST(GraphDot, HasYouTheNodesTheEdgesTheClustersAndALegend) {
  NetworkBuilder b;
  b.me({}, {}, "Noor \"N\" Haddad");
  b.add(person("ana", "Ana <&> \"A\"", {"rust"})).company = "Acme & Co";
  b.add(person("bob", "陈静", {}, {"rust"})).company = "acme & co";
  b.add(person("cy", "Cy"));
  b.log("2026-11-01", {"ana", "cy"}, Intent::catch_up);
  GraphOptions options;
  options.cluster = GraphCluster::company;
  options.since = day("2026-01-01");
  const std::string dot = to_dot(build_graph(b.network, kToday, options));
  EXPECT_TRUE(dot.starts_with("graph kith {\n")) << dot;
  EXPECT_TRUE(has(dot, "\"_me\" [label=\"Noor \\\"N\\\" Haddad\"")) << dot;
  EXPECT_TRUE(has(dot, "subgraph \"cluster_0\" {\n    graph [label=\"Acme &amp; Co\"")) << dot;
  EXPECT_TRUE(has(dot, "\"ana\" [label=\"Ana <&amp;> \\\"A\\\"\", fillcolor=\"#a5d6a7\"")) << dot;
  EXPECT_TRUE(has(dot, "\"bob\" [label=\"陈静\", fillcolor=\"#eeeeee\"")) << dot;
  EXPECT_TRUE(has(dot, "\"_me\" -- \"ana\" [penwidth=")) << dot;
  EXPECT_TRUE(has(dot, "\"_me\" -- \"bob\" [color=\"#e0e0e0\"")) << dot;  // never: faint
  EXPECT_TRUE(has(dot, "\"ana\" -- \"cy\" [color=\"#5c6bc0\"")) << dot;
  EXPECT_TRUE(has(dot, "\"bob\" -- \"ana\" [style=\"dashed\"")) << dot;
  EXPECT_TRUE(has(dot, "on track (2)")) << dot;
  EXPECT_TRUE(has(dot, "never reached (1)")) << dot;
  EXPECT_TRUE(has(dot, "interactions (since 2026-01-01)")) << dot;
  EXPECT_TRUE(dot.ends_with("}\n"));
}

}  // namespace
}  // namespace kith::graph_test
