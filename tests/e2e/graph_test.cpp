// End-to-end: `kith graph`, the picture of the network: DOT text on stdout by
// default, SVG and PNG drawn by Graphviz's libraries into -o FILE (written
// atomically), --tag, --since, --cluster, and the errors.
#include <gtest/gtest.h>

#include "support/testutil.h"

namespace kith::test::graph_test {
namespace {

using Json = nlohmann::ordered_json;

// Reads an SVG file with python3's XML parser and prints, as JSON, the text
// of every <text> element and of every <title>.
constexpr const char* kReadSvg = R"PY(
import json
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
ns = "{http://www.w3.org/2000/svg}"
if root.tag != ns + "svg":
    sys.exit("not an SVG document: " + root.tag)
texts = ["".join(t.itertext()) for t in root.iter(ns + "text")]
titles = ["".join(t.itertext()) for t in root.iter(ns + "title")]
print(json.dumps({"texts": texts, "titles": titles}, ensure_ascii=False))
)PY";

const std::string kPngSignature("\x89PNG\r\n\x1a\n", 8);

// A name with everything DOT and XML must escape.
const std::string kHardName = "Zoë \"Z\" <Ortiz> & 陈静 \\o/";

class GraphTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};

  void SetUp() override {
    kith.today("2026-11-20");
    kith.ok({"-q", "me", "--name", "Noor Haddad", "--skill", "rust"});
    kith.ok({"-q", "add", "Ana Lima", "--tag", "work", "--company", "Acme", "--skill", "design"});
    kith.ok({"-q", "add", "Bob Stone", "--tag", "work", "--company", "Acme Inc."});
    kith.ok({"-q", "add", kHardName, "--interest", "design", "--tag", "climbing"});
    kith.ok({"-q", "add", "Old Friend"});
    kith.ok({"-q", "rm", "old-friend"});
    kith.ok({"-q", "log", "ana-lima", "bob-stone", "--date", "2026-03-01"});
    kith.ok({"-q", "log", "ana-lima", "--date", "2026-11-10"});
  }

  std::string hard_id() const {
    auto r = kith.ok({"list", "--json"});
    for (const auto& c : r.json()) {
      if (c["name"] == kHardName) return c["id"];
    }
    ADD_FAILURE() << "no contact named " << kHardName;
    return {};
  }

  // The texts and titles of an SVG file, as python3's XML parser reads them.
  Json read_svg(const fs::path& svg) {
    const fs::path script = tmp / "read_svg.py";
    write_file(script, kReadSvg);
    PythonRun run = run_python(script, {svg.string()});
    expect_python_ok(run, "python3");
    return Json::parse(run.out);
  }
};

bool has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

TEST_F(GraphTest, WithoutOptionsPrintsDotTextOnStdout) {
  auto r = kith.ok({"graph"});
  EXPECT_TRUE(r.out.starts_with("graph kith {\n")) << r.out;
  EXPECT_TRUE(has(r.out, "label=\"Noor Haddad\"")) << r.out;
  EXPECT_TRUE(has(r.out, "\"ana-lima\" [label=\"Ana Lima\"")) << r.out;
  EXPECT_TRUE(has(r.out, "\"ana-lima\" -- \"bob-stone\"")) << r.out;  // met together
  EXPECT_TRUE(has(r.out, "label=\"Zoë \\\"Z\\\" <Ortiz> &amp; 陈静 \\\\o/\"")) << r.out;
  EXPECT_EQ(r.err, "");
}

TEST_F(GraphTest, ArchivedContactsAreNotShown) {
  auto r = kith.ok({"graph"});
  EXPECT_FALSE(has(r.out, "Old Friend")) << r.out;
  EXPECT_FALSE(has(r.out, "old-friend")) << r.out;
}

TEST_F(GraphTest, DotNeedsNoGraphvizPluginsButSvgSaysWhatIsMissing) {
  // GVBINDIR is where Graphviz looks for its plugins: here, nowhere.
  kith.env("GVBINDIR", (tmp / "no-plugins").string());
  EXPECT_TRUE(kith.ok({"graph", "--format", "dot"}).out.starts_with("graph kith {"));
  write_file(tmp / "keep.svg", "old");
  auto r = kith.run({"graph", "-o", (tmp / "keep.svg").string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(has(r.err, "kith: error: Graphviz cannot")) << r.err;
  EXPECT_TRUE(has(r.err, "libgvc6")) << r.err;
  EXPECT_EQ(read_file(tmp / "keep.svg"), "old");
}

TEST_F(GraphTest, SvgIsXmlWithEveryNameShownAsTyped) {
  const fs::path svg = tmp / "net.svg";
  auto r = kith.ok({"graph", "-o", svg.string()});
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(has(r.err, "wrote the graph of 3 contacts to ")) << r.err;
  const std::string raw = read_file(svg);
  EXPECT_TRUE(has(raw, "&lt;Ortiz&gt; &amp; 陈静")) << raw;
  const Json doc = read_svg(svg);
  std::vector<std::string> texts = doc["texts"];
  for (const std::string name : {"Noor Haddad", "Ana Lima", "Bob Stone", kHardName.c_str()}) {
    EXPECT_NE(std::find(texts.begin(), texts.end(), name), texts.end()) << name << "\n" << raw;
  }
  EXPECT_EQ(std::find(texts.begin(), texts.end(), "Old Friend"), texts.end());
  // The legend.
  EXPECT_NE(std::find(texts.begin(), texts.end(), "never reached (1)"), texts.end()) << raw;
  EXPECT_EQ(mode_of(svg), 0600U);
}

TEST_F(GraphTest, PngIsWrittenWithThePngSignature) {
  const fs::path png = tmp / "net.png";
  kith.ok({"-q", "graph", "-o", png.string()});
  const std::string bytes = read_file(png);
  ASSERT_GT(bytes.size(), 1000U);
  EXPECT_EQ(bytes.substr(0, 8), kPngSignature);
}

TEST_F(GraphTest, FormatGoesToStdoutWhenNotATerminal) {
  auto png = kith.ok({"graph", "--format", "png"});
  EXPECT_EQ(png.out.substr(0, 8), kPngSignature);
  auto svg = kith.ok({"graph", "--format", "svg", "-o", "-"});
  EXPECT_TRUE(has(svg.out, "<svg")) << svg.out.substr(0, 300);
}

TEST_F(GraphTest, TheFileNameSaysTheFormatInAnyCase) {
  kith.ok({"-q", "graph", "-o", (tmp / "a.DOT").string()});
  EXPECT_TRUE(read_file(tmp / "a.DOT").starts_with("graph kith {"));
  kith.ok({"-q", "graph", "-o", (tmp / "a.gv").string()});
  EXPECT_TRUE(read_file(tmp / "a.gv").starts_with("graph kith {"));
  kith.ok({"-q", "graph", "-o", (tmp / "a.Svg").string()});
  EXPECT_TRUE(has(read_file(tmp / "a.Svg"), "<svg"));
  kith.ok({"-q", "graph", "--format", "png", "-o", (tmp / "a.png").string()});
  EXPECT_EQ(read_file(tmp / "a.png").substr(0, 8), kPngSignature);
}

TEST_F(GraphTest, TagShowsOnlyTheContactsWithIt) {
  auto r = kith.ok({"graph", "--tag", "work"});
  EXPECT_TRUE(has(r.out, "Ana Lima"));
  EXPECT_TRUE(has(r.out, "Bob Stone"));
  EXPECT_FALSE(has(r.out, "Zoë")) << r.out;
  EXPECT_TRUE(has(r.out, "2 contacts")) << r.out;
  // An introduction to someone not shown is not drawn.
  EXPECT_FALSE(has(r.out, "style=\"dashed\"")) << r.out;
  EXPECT_TRUE(has(kith.ok({"graph"}).out, "style=\"dashed\""));
}

TEST_F(GraphTest, AnUnknownTagIsAWarningAndShowsNobody) {
  auto r = kith.run({"graph", "--tag", "wrok"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.err, "wrok")) << r.err;
  EXPECT_TRUE(has(r.out, "0 contacts")) << r.out;
}

TEST_F(GraphTest, SinceCountsOnlyTheInteractionsFromThatDay) {
  auto all = kith.ok({"graph"});
  EXPECT_TRUE(has(all.out, "Ana Lima (ana-lima): 2 interactions, on track")) << all.out;
  EXPECT_TRUE(has(all.out, "\"ana-lima\" -- \"bob-stone\"")) << all.out;
  auto recent = kith.ok({"graph", "--since", "2026-06-01"});
  EXPECT_TRUE(has(recent.out, "Ana Lima (ana-lima): 1 interaction since 2026-06-01, on track"))
      << recent.out;
  EXPECT_TRUE(has(recent.out, "Bob Stone (bob-stone): 0 interactions since 2026-06-01, lapsed"))
      << recent.out;
  EXPECT_FALSE(has(recent.out, "\"ana-lima\" -- \"bob-stone\"")) << recent.out;
  // A duration is that long ago, as for `kith scan --since`.
  auto months = kith.ok({"graph", "--since", "6m"});
  EXPECT_TRUE(has(months.out, "since 2026-05-20")) << months.out;
}

TEST_F(GraphTest, ClusterByCompanyDrawsAClusterForAcme) {
  auto r = kith.ok({"graph", "--cluster", "company"});
  EXPECT_TRUE(has(r.out, "subgraph \"cluster_0\" {\n    graph [label=\"Acme\"")) << r.out;
  EXPECT_TRUE(has(r.out, "layout=\"fdp\"")) << r.out;
  const fs::path svg = tmp / "c.svg";
  kith.ok({"-q", "graph", "--cluster", "company", "-o", svg.string()});
  std::vector<std::string> titles = read_svg(svg)["titles"];
  EXPECT_NE(std::find(titles.begin(), titles.end(), "cluster_0"), titles.end());
}

TEST_F(GraphTest, AWeirdNameSurvivesInEveryFormat) {
  const std::string id = hard_id();
  const fs::path svg = tmp / "hard.svg";
  kith.ok({"-q", "graph", "--tag", "climbing", "-o", svg.string()});
  std::vector<std::string> texts = read_svg(svg)["texts"];
  EXPECT_NE(std::find(texts.begin(), texts.end(), kHardName), texts.end()) << read_file(svg);
  const fs::path png = tmp / "hard.png";
  kith.ok({"-q", "graph", "--tag", "climbing", "-o", png.string()});
  EXPECT_EQ(read_file(png).substr(0, 8), kPngSignature);
  EXPECT_TRUE(has(kith.ok({"graph"}).out, "\"" + id + "\" [label=")) << id;
}

TEST_F(GraphTest, BadValuesAreUsageErrorsAndWriteNothing) {
  const fs::path out = tmp / "net.svg";
  write_file(out, "old");
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::string o = out.string();
  const std::vector<Case> cases = {
      {{"--format", "jpeg", "-o", o}, "kith: error: bad --format 'jpeg'"},
      {{"--cluster", "city", "-o", o}, "kith: error: bad --cluster 'city'"},
      {{"--since", "last tuesday", "-o", o}, "kith: error: --since: "},
      {{"--since", "2026-13-01", "-o", o}, "kith: error: --since: "},
      {{"-o", (tmp / "net.jpg").string()}, "cannot tell the format of "},
      {{"--format", "png", "-o", o}, "--format png but "},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args = {"graph"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    auto r = kith.run(args);
    EXPECT_EQ(r.exit_code, 2) << command_text(args) << "\n" << r.err;
    EXPECT_TRUE(has(r.err, c.message)) << command_text(args) << "\n" << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(read_file(out), "old") << command_text(args);
  }
  EXPECT_FALSE(fs::exists(tmp / "net.jpg"));
}

TEST_F(GraphTest, AnOutputInAMissingDirectoryIsAnIoErrorAndCreatesNothing) {
  const fs::path out = tmp / "missing" / "net.svg";
  auto r = kith.run({"graph", "-o", out.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(has(r.err, "kith: error: ")) << r.err;
  EXPECT_TRUE(has(r.err, "check that the directory of -o exists and is writable")) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "missing"));
}

TEST_F(GraphTest, PngIsNotWrittenToATerminal) {
  auto r = kith.run_on_terminal({"graph", "--format", "png"}, "");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "will not write a PNG image to the terminal")) << r.err;
  EXPECT_EQ(r.out, "");
  // DOT and SVG are text: they may go to the terminal.
  EXPECT_EQ(kith.run_on_terminal({"graph"}, "").exit_code, 0);
}

TEST_F(GraphTest, AnEmptyNetworkIsYouAlone) {
  Kith empty{tmp / "empty"};
  empty.today("2026-11-20");
  auto r = empty.run({"graph", "-o", (tmp / "empty.svg").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.err, "only you are in the picture")) << r.err;
  std::vector<std::string> texts = read_svg(tmp / "empty.svg")["texts"];
  EXPECT_NE(std::find(texts.begin(), texts.end(), "you"), texts.end());
}

}  // namespace
}  // namespace kith::test::graph_test
