// Graphviz reads back the DOT text of core/graph and draws it (core/graph_render).
// This file includes Graphviz's headers, so it is compiled out of the unity build.
#include "core/graph_render.h"

#include <memory>
#include <string>
#include <vector>

#include <graphviz/cgraph.h>
#include <gtest/gtest.h>

#include "core/graph.h"
#include "unit/pitch_network.h"

namespace kith::graph_render_test {
namespace {

using test::kToday;
using test::NetworkBuilder;
using test::person;

struct GraphRenderClose {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using GraphRenderGraph = std::unique_ptr<Agraph_t, GraphRenderClose>;

GraphRenderGraph read_back(const std::string& dot) {
  return GraphRenderGraph(agmemread(dot.c_str()));
}

std::string attribute(void* object, const char* name) {
  const char* value = agget(object, const_cast<char*>(name));
  return value ? value : "";
}

Agnode_t* find_node(Agraph_t* g, const std::string& name) {
  return agnode(g, const_cast<char*>(name.c_str()), 0);
}

// Ana and Bob met, Cy would like to meet someone who knows Rust, Dee is
// archived, Eve and Fay work at one company.
NetworkBuilder network() {
  NetworkBuilder b;
  b.me({}, {}, "Noor");
  b.add(person("ana", "Ana \"the\" <Great> & \\ 陈静", {"rust"}));
  b.add(person("bob", "Bob"));
  b.add(person("cy", "Cy", {}, {"rust"}));
  b.add(person("dee", "Dee")).archived = true;
  b.add(person("eve", "Eve")).company = "Acme";
  b.add(person("fay", "Fay")).company = "Acme";
  b.log("2026-10-01", {"ana", "bob"}, Intent::catch_up);
  b.log("2026-10-02", {"ana"}, Intent::give);
  return b;
}

TEST(GraphRender, GraphvizReadsTheDotBackWithOneNodePerContactShownAndYou) {
  const Graph model = build_graph(network().network, kToday, {});
  auto g = read_back(to_dot(model));
  ASSERT_TRUE(g);
  EXPECT_EQ(agnnodes(g.get()), static_cast<int>(model.nodes.size()) + 1);
  EXPECT_EQ(agnnodes(g.get()), 6);
  ASSERT_NE(find_node(g.get(), "_me"), nullptr);
  EXPECT_EQ(attribute(find_node(g.get(), "_me"), "label"), "Noor");
  for (const auto& n : model.nodes) EXPECT_NE(find_node(g.get(), n.id), nullptr) << n.id;
  EXPECT_EQ(find_node(g.get(), "dee"), nullptr);
  // The parser takes \" for a quote; "\\" stays for the label's own escapes,
  // where it is one backslash; &amp; is the label's entity for '&'.
  EXPECT_EQ(attribute(find_node(g.get(), "ana"), "label"), "Ana \"the\" <Great> &amp; \\\\ 陈静");
}

TEST(GraphRender, GraphvizReadsTheDotBackWithTheModelsEdges) {
  const Graph model = build_graph(network().network, kToday, {});
  auto g = read_back(to_dot(model));
  ASSERT_TRUE(g);
  EXPECT_EQ(agnedges(g.get()), static_cast<int>(model.edges.size()));
  // You and each of the five, Ana and Bob met, Cy to Ana dashed.
  EXPECT_EQ(agnedges(g.get()), 5 + 1 + 1);
  Agnode_t* me = find_node(g.get(), "_me");
  for (const char* id : {"ana", "bob", "cy", "eve", "fay"}) {
    EXPECT_NE(agedge(g.get(), me, find_node(g.get(), id), nullptr, 0), nullptr) << id;
  }
  EXPECT_NE(agedge(g.get(), find_node(g.get(), "ana"), find_node(g.get(), "bob"), nullptr, 0),
            nullptr);
  Agedge_t* intro =
      agedge(g.get(), find_node(g.get(), "cy"), find_node(g.get(), "ana"), nullptr, 0);
  ASSERT_NE(intro, nullptr);
  EXPECT_EQ(attribute(intro, "style"), "dashed");
  EXPECT_EQ(agedge(g.get(), find_node(g.get(), "bob"), find_node(g.get(), "cy"), nullptr, 0),
            nullptr);
}

TEST(GraphRender, GraphvizReadsTheClustersAsSubgraphs) {
  GraphOptions options;
  options.cluster = GraphCluster::company;
  const Graph model = build_graph(network().network, kToday, options);
  auto g = read_back(to_dot(model));
  ASSERT_TRUE(g);
  Agraph_t* cluster = agsubg(g.get(), const_cast<char*>("cluster_0"), 0);
  ASSERT_NE(cluster, nullptr);
  EXPECT_EQ(attribute(cluster, "label"), "Acme");
  EXPECT_EQ(agnnodes(cluster), 2);
  EXPECT_NE(agsubnode(cluster, find_node(g.get(), "eve"), 0), nullptr);
  EXPECT_NE(agsubnode(cluster, find_node(g.get(), "fay"), 0), nullptr);
  EXPECT_EQ(attribute(g.get(), "layout"), "fdp");
}

TEST(GraphRender, DrawsSvgWithTheNamesEscapedForXml) {
  const Graph model = build_graph(network().network, kToday, {});
  auto svg = graph_render::render(to_dot(model), graph_render::ImageFormat::svg);
  ASSERT_TRUE(svg.ok()) << svg.error().message;
  EXPECT_NE(svg->find("<svg"), std::string::npos);
  EXPECT_NE(svg->find("Ana &quot;the&quot; &lt;Great&gt; &amp; \\ 陈静"), std::string::npos)
      << *svg;
}

TEST(GraphRender, DrawsPngStartingWithThePngSignature) {
  const Graph model = build_graph(network().network, kToday, {});
  auto png = graph_render::render(to_dot(model), graph_render::ImageFormat::png);
  ASSERT_TRUE(png.ok()) << png.error().message;
  ASSERT_GT(png->size(), 8U);
  EXPECT_EQ(png->substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

TEST(GraphRender, TextGraphvizCannotReadIsAnIoErrorWithItsMessage) {
  auto r = graph_render::render("graph {", graph_render::ImageFormat::svg);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::io);
  EXPECT_NE(r.error().message.find("Graphviz cannot read the graph"), std::string::npos)
      << r.error().message;
  EXPECT_NE(r.error().message.find("syntax error"), std::string::npos) << r.error().message;
}

TEST(GraphRender, AnUnknownLayoutEngineIsAnIoError) {
  auto r =
      graph_render::render("graph { layout=\"nosuch\"; a -- b }", graph_render::ImageFormat::svg);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::io);
  EXPECT_NE(r.error().message.find("nosuch"), std::string::npos) << r.error().message;
}

}  // namespace
}  // namespace kith::graph_render_test
