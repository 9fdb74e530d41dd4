// End-to-end: `kith due`, `kith list` and `kith show` fit the terminal.
// COLUMNS sets the width (else 80 off a terminal); long names, names in CJK
// and emoji, long notes and follow-ups are shortened with "…" so that no line
// is wider, `kith show --full` shortens nothing, and a wider terminal shows
// more. Also the plain words of the due lines: "asked …", "3 weeks late".
#include <sstream>

#include <gtest/gtest.h>

#include "core/text.h"
#include "support/testutil.h"

namespace kith::test::terminal_width_test {
namespace {

using Json = nlohmann::ordered_json;

const std::string kLongName =
    "Maximiliana Theodora Wolkenstein-Rosenberg von Hohenzollern-Sigmaringen";
const std::string kCjkName = "王小明张伟李娜刘洋陈静杨帆黄磊赵敏周杰吴昊";
const std::string kEmojiName =
    "👩‍🚀 Zoë 🏳️‍🌈 Fernández-Castellanos 🎉🎉🎉 the astronaut of the year";
const std::string kLongNote =
    "Met at the climate-tech summit in Lisbon; she runs the grid-storage programme, knows "
    "everyone in battery chemistry, prefers long emails to calls, and asked to be introduced "
    "to anyone working on sodium-ion cells or seasonal storage. 電池の専門家。 🔋⚡ END-OF-NOTE";
const std::string kLongFollowUp =
    "Send her the report on seasonal storage in the Iberian grid, with the two papers on "
    "sodium-ion cathodes and the names of the founders from the Berlin meetup END-OF-FOLLOW-UP";

bool has(const std::string& s, std::string_view what) { return s.find(what) != std::string::npos; }

// Fails the test for every line of `out` wider than `width` display columns.
void expect_fits(const std::string& out, std::size_t width, const std::string& what) {
  ASSERT_FALSE(out.empty()) << what;
  for (const auto& line : lines_of(out)) {
    EXPECT_LE(text::display_width(line), width) << what << " at " << width << ":\n" << line;
  }
}

// The line of `out` that contains `what`, else "".
std::string line_with(const std::string& out, std::string_view what) {
  for (const auto& line : lines_of(out)) {
    if (has(line, what)) return line;
  }
  return "";
}

std::size_t widest(const std::string& out) {
  std::size_t w = 0;
  for (const auto& line : lines_of(out)) w = std::max(w, text::display_width(line));
  return w;
}

class TerminalWidthTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Kith kith{tmp / "data"};
  std::vector<std::string> ids;

  void SetUp() override {
    kith.today("2026-11-20");
    add({kLongName,
         "--company",
         "Internationale Gesellschaft für Zusammenarbeit und Entwicklung GmbH",
         "--role",
         "Head of Grid Storage and Long-Duration Energy Programmes",
         "--location",
         "Lisbon, Portugal",
         "--tag",
         "climate-tech",
         "--tag",
         "energy-storage",
         "--tag",
         "lisbon-summit-2026",
         "--every",
         "2w",
         "--met",
         "2026-06-01",
         "--birthday",
         "11-22",
         "--note",
         kLongNote});
    add({kCjkName, "--company", "北京字节跳动科技有限公司", "--role", "首席技术官", "--tag", "中文",
         "--met", "2026-01-10", "--every", "1m"});
    add({kEmojiName, "--company", "🚀 Orbital Ventures 🌍 and Friends of the Deep Sky Survey",
         "--met", "2026-02-01", "--every", "6w"});
    add({"Ann Asker", "--met", "2026-05-01", "--every", "2m"});
    add({"Caro Catchup", "--every", "2m"});
    // A job change of the CJK contact, as an import records it.
    const fs::path file = tmp / "data/contacts" / (ids[1] + ".json");
    Json j = read_json(file);
    j["job_changes"] = Json::array(
        {{{"on", "2026-11-10"},
          {"from", {{"company", "北京字节跳动科技有限公司"}, {"role", "首席技术官"}}},
          {"to",
           {{"company", "Internationale Gesellschaft für Zusammenarbeit und Entwicklung GmbH"},
            {"role", "Chief Executive Officer of Everything That Matters"}}}}});
    write_file(file, j.dump(2) + "\n");
    // Ann is only ever asked; Caro was caught up with 3 weeks late.
    kith.ok({"log", "ann-asker", "--ask", "--kind", "email", "--date", "2026-11-15"});
    kith.ok({"log", "caro-catchup", "--kind", "call", "--date", "2026-08-30"});
    kith.ok({"log", ids[0], "--give", "--kind", "intro", "--date", "2026-10-01", "--note",
             kLongNote, "--follow-up", kLongFollowUp, "--by", "2026-11-02"});
    kith.ok({"log", ids[2], "--kind", "coffee", "--date", "2026-09-01", "--follow-up",
             "Ask about the 🛰️ launch window and the 宇宙 payload " + kLongFollowUp});
  }

  void add(std::vector<std::string> args) {
    args.insert(args.begin(), "add");
    args.push_back("--json");
    ids.push_back(kith.ok(args).json()["id"].get<std::string>());
  }

  std::vector<std::vector<std::string>> commands() const {
    std::vector<std::vector<std::string>> all = {
        {"due"}, {"due", "--within", "3m"}, {"list"}, {"list", "--all"}};
    for (const auto& id : ids) all.push_back({"show", id});
    return all;
  }
};

TEST_F(TerminalWidthTest, EveryLineFitsTheWidthFromColumns) {
  for (const std::size_t width : {40u, 80u, 200u}) {
    kith.env("COLUMNS", std::to_string(width));
    for (const auto& args : commands()) {
      auto r = kith.ok(args);
      expect_fits(r.out, width, args[0] + " " + args.back());
    }
  }
}

TEST_F(TerminalWidthTest, WithoutColumnsOffATerminalTheWidthIs80) {
  for (const auto& args : commands()) {
    const auto plain = kith.ok(args).out;
    expect_fits(plain, 80, args[0] + " " + args.back());
    EXPECT_EQ(kith.env("COLUMNS", "80").ok(args).out, plain);
    // Not a number: as if unset.
    EXPECT_EQ(kith.env("COLUMNS", "wide").ok(args).out, plain);
    kith.env("COLUMNS", "\x01unset");
  }
  // The widest lines do use the width: the long ones are cut, not dropped.
  EXPECT_GE(widest(kith.ok({"due"}).out), 75u);
}

TEST_F(TerminalWidthTest, LongTextIsCutWithAnEllipsisAndAWiderTerminalShowsMore) {
  const auto narrow = kith.env("COLUMNS", "80").ok({"due"}).out;
  const auto wide = kith.env("COLUMNS", "200").ok({"due"}).out;
  EXPECT_FALSE(has(narrow, kLongName)) << narrow;
  EXPECT_TRUE(has(narrow, "Maximiliana")) << narrow;
  EXPECT_TRUE(has(narrow, "…")) << narrow;
  EXPECT_TRUE(has(wide, kLongName)) << wide;
  EXPECT_TRUE(has(wide, kCjkName)) << wide;
  EXPECT_TRUE(has(wide, kEmojiName)) << wide;
  EXPECT_GT(widest(wide), 80u);

  // `show` shortens notes to the terminal, not to a fixed 94 columns.
  const auto show80 = kith.env("COLUMNS", "80").ok({"show", ids[0]}).out;
  const auto show200 = kith.env("COLUMNS", "200").ok({"show", ids[0]}).out;
  EXPECT_FALSE(has(show80, "END-OF-NOTE")) << show80;
  EXPECT_GT(widest(show200), 150u) << show200;
  EXPECT_GT(show200.size(), show80.size());
  EXPECT_TRUE(has(show200, kLongName));
}

TEST_F(TerminalWidthTest, ShowFullShortensNothing) {
  const auto full = kith.env("COLUMNS", "40").ok({"show", ids[0], "--full"}).out;
  EXPECT_TRUE(has(full, "  notes     " + kLongNote + "\n")) << full;
  EXPECT_TRUE(has(full, kLongName + "  (" + ids[0] + ")\n")) << full;
  EXPECT_TRUE(has(full, kLongFollowUp + "\n")) << full;  // the open follow-up, whole
  EXPECT_TRUE(has(full, kLongNote + " [follow-up open: " + kLongFollowUp + "]\n")) << full;
  EXPECT_FALSE(has(full, "…")) << full;
  // The same without --full is cut, and fits.
  const auto cut = kith.env("COLUMNS", "40").ok({"show", ids[0]}).out;
  expect_fits(cut, 40, "show");
  EXPECT_FALSE(has(cut, "END-OF-NOTE"));
  // --full changes nothing in --json.
  EXPECT_EQ(kith.ok({"show", ids[0], "--full", "--json"}).out,
            kith.ok({"show", ids[0], "--json"}).out);
}

TEST_F(TerminalWidthTest, ShowListsTheOpenFollowUpsWithTheirIdsAndWhenNextDue) {
  auto j = kith.ok({"show", ids[0], "--json"}).json();
  // The short form: the random part of the id.
  const std::string id = j["interactions"][0]["id"].get<std::string>().substr(17);
  const auto full = kith.ok({"show", ids[0], "--full"}).out;
  EXPECT_TRUE(has(full, "Open follow-ups (1)\n  " + id + "  by 2026-11-02, 3 weeks late  " +
                            kLongFollowUp + "\n  Mark one done: kith done ID\n"))
      << full;
  const auto out = kith.env("COLUMNS", "200").ok({"show", ids[0]}).out;
  EXPECT_TRUE(has(out, "Open follow-ups (1)\n  " + id + "  by 2026-11-02, 3 weeks late  Send her"))
      << out;
  // Last given to on 2026-10-01, every 2w: due 2026-10-15, 5 weeks ago.
  EXPECT_TRUE(has(out, "  due now   5 weeks late (due 2026-10-15)\n")) << out;
  kith.ok({"done", id});
  EXPECT_FALSE(has(kith.ok({"show", ids[0]}).out, "Open follow-ups")) << out;

  // Caro, caught up on 2026-08-30 every 2m: due 2026-10-30, 3 weeks late.
  EXPECT_TRUE(
      has(kith.ok({"show", "caro-catchup"}).out, "  due now   3 weeks late (due 2026-10-30)\n"));
  kith.ok({"log", "caro-catchup", "--kind", "call"});
  EXPECT_TRUE(has(kith.ok({"show", "caro-catchup"}).out, "  next due  2027-01-20, in 9 weeks\n"));
  kith.ok({"snooze", "caro-catchup", "--until", "2027-03-01"});
  EXPECT_TRUE(has(kith.ok({"show", "caro-catchup"}).out,
                  "  next due  2027-03-01, in 3 months (when the snooze ends)\n"));
}

TEST_F(TerminalWidthTest, DueSpeaksPlainly) {
  // Wide enough for one line a contact.
  const auto out = kith.env("COLUMNS", "400").ok({"due"}).out;
  // Only asked: the clock runs from the day they met, and the line says why.
  EXPECT_TRUE(has(line_with(out, "Ann Asker"),
                  "5 months late · every 2m  last: asked 2026-11-15 (asks don't reset the clock)"))
      << out;
  const std::string caro = line_with(out, "Caro Catchup");
  EXPECT_TRUE(has(caro, "  3 weeks late · every 2m  ")) << out;
  EXPECT_TRUE(has(caro, "  last: caught up 2026-08-30")) << out;
  EXPECT_FALSE(has(out, "% of")) << out;
  // Upcoming entries with --within: "in 4 days".
  kith.ok({"log", "caro-catchup", "--kind", "call", "--date", "2026-09-24"});
  const auto within = kith.env("COLUMNS", "400").ok({"due", "--within", "1w"}).out;
  const std::string upcoming = line_with(within, "Caro Catchup");
  EXPECT_TRUE(has(upcoming, "  in 4 days · every 2m  ")) << within;
  EXPECT_TRUE(has(upcoming, "  last: caught up 2026-09-24")) << within;
  // The JSON keeps its numbers.
  auto j = kith.ok({"due", "--json"}).json();
  for (const auto& e : j["due"]) {
    EXPECT_TRUE(e["days_overdue"].is_number()) << e;
    EXPECT_TRUE(e.contains("last_no_need")) << e;
  }
}

TEST_F(TerminalWidthTest, AJobChangeTooLongForOneLineIsWrappedWhole) {
  const auto narrow = kith.env("COLUMNS", "80").ok({"due"}).out;
  const auto start = narrow.find("Job changes (1)\n");
  ASSERT_NE(start, std::string::npos) << narrow;
  const std::string section = narrow.substr(start, narrow.find("\n\n", start) - start);
  EXPECT_TRUE(has(section, "Chief Executive Officer of Everything That Matters")) << section;
  EXPECT_TRUE(has(section, "\n    ")) << section;  // the lines after the first
  // The command on a line of its own (its 64-character id cut to fit 80).
  EXPECT_TRUE(has(section, "\n    — congratulate them: kith pitch wang-xiao-ming")) << section;
  EXPECT_TRUE(has(kith.env("COLUMNS", "120").ok({"due"}).out,
                  "\n    — congratulate them: kith pitch " + ids[1] + "\n"));
  const auto wide = kith.env("COLUMNS", "400").ok({"due"}).out;
  EXPECT_TRUE(has(wide, " on 2026-11-10 — congratulate them: kith pitch " + ids[1] + "\n")) << wide;
}

// A long id is what you type next: at 80 columns how late goes below the
// name and id rather than the id being cut, and short names stay whole.
TEST(DueLongId, HowLateGoesBelowRatherThanTheIdBeingShortened) {
  TempDir tmp;
  Kith kith{tmp / "data"};
  kith.today("2026-01-05");
  kith.ok({"add", "Maximiliano Alejandro de la Fuente y Rodríguez"});
  kith.ok({"add", "Priya Raman"});
  kith.env("COLUMNS", "80");
  const std::string out = kith.today("2026-12-08").ok({"due"}).out;
  expect_fits(out, 80, "due");
  EXPECT_TRUE(has(out, "maximiliano-alejandro-de-la-fuente-y-rodriguez")) << out;
  EXPECT_TRUE(has(line_with(out, "priya-raman"), "Priya Raman")) << out;
  EXPECT_TRUE(has(out, "\n      8 months late · every 3m  last: never")) << out;
}

}  // namespace
}  // namespace kith::test::terminal_width_test
