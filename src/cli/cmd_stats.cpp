// kith stats [--json]: month by month, the new people reached and the
// interactions by intent; the homework streak; gives against asks. The human
// form charts the last 12 months, and its gives and asks are those months'.
#include <algorithm>
#include <cstdio>

#include "cli/commands.h"
#include "cli/output.h"
#include "core/english.h"
#include "core/stats.h"

namespace kith::cli {
namespace {

struct StatsOptions {
  bool json = false;
};

constexpr std::size_t kChartMonths = 12;
constexpr int kBarCells = 30;  // widest bar, in terminal columns

std::string right(std::string s, std::size_t width) {
  return s.size() < width ? std::string(width - s.size(), ' ') + s : s;
}

std::string repeat(std::string_view cell, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += cell;
  return out;
}

// Cells for one segment of a bar: one per interaction while the busiest
// month fits in kBarCells, else scaled, never hiding a non-zero count.
int cells(int n, int busiest) {
  if (n == 0) return 0;
  if (busiest <= kBarCells) return n;
  return std::max(1, (n * kBarCells + busiest / 2) / busiest);
}

Json to_json(const Stats& stats) {
  Json months = Json::array();
  for (const auto& m : stats.months) {
    months.push_back(Json{{"month", m.label()},
                          {"reached", m.reached},
                          {"give", m.give},
                          {"catch_up", m.catch_up},
                          {"ask", m.ask}});
  }
  return Json{
      {"months", std::move(months)}, {"streak", stats.streak},       {"gives", stats.gives},
      {"asks", stats.asks},          {"weak_ties", stats.weak_ties},
  };
}

// The months the human form charts: the last kChartMonths.
std::vector<MonthStats> charted(const Stats& stats) {
  const std::size_t first =
      stats.months.size() > kChartMonths ? stats.months.size() - kChartMonths : 0;
  return {stats.months.begin() + static_cast<long>(first), stats.months.end()};
}

void print_chart(const std::vector<MonthStats>& shown, const Stats& stats, const Style& style,
                 std::ostream& out) {
  int busiest = 0;
  for (const auto& m : shown) busiest = std::max(busiest, m.total());

  out << style(Tone::bold, shown.size() == 1 ? "This month"
                                             : "The last " + plural(static_cast<int>(shown.size()),
                                                                    "month", "months"))
      << "\n";
  Table table({"month", "reached", "give", "catch-up", "ask", ""});
  for (const auto& m : shown) {
    const bool met = stats.goal > 0 && m.reached >= stats.goal;
    std::string bar = style(Tone::green, repeat("█", cells(m.give, busiest))) +
                      repeat("▒", cells(m.catch_up, busiest)) +
                      style(Tone::yellow, repeat("░", cells(m.ask, busiest)));
    table.add(
        {{m.label()},
         {right(std::to_string(m.reached), 5) + (met ? " ✓" : ""), met ? Tone::green : Tone::plain},
         {right(std::to_string(m.give), 4)},
         {right(std::to_string(m.catch_up), 8)},
         {right(std::to_string(m.ask), 3)},
         {bar}});
  }
  table.print(out, style, "  ");
  out << "  " << style(Tone::green, "█") << " give  ▒ catch-up  " << style(Tone::yellow, "░")
      << " ask";
  if (busiest > kBarCells) out << "  (scaled: the busiest month had " << busiest << ")";
  if (stats.goal > 0) {
    out << "  ✓ goal met";
  }
  out << "\n";
}

// The gives and asks are those of the months charted, as the title says.
void print_summary(const std::vector<MonthStats>& shown, const Stats& stats, const Style& style,
                   std::ostream& out) {
  int gives = 0;
  int asks = 0;
  int catch_ups = 0;
  for (const auto& m : shown) {
    gives += m.give;
    asks += m.ask;
    catch_ups += m.catch_up;
  }
  out << "\n";
  Table table;
  if (stats.goal == 0) {
    table.add({{"Homework", Tone::bold}, {"off (`kith config homework 1` turns it on)"}});
  } else {
    table.add({{"Homework streak", Tone::bold},
               {plural(stats.streak, "month", "months") +
                    " (goal: " + plural(stats.goal, "new contact", "new contacts") + " a month)",
                stats.streak > 0 ? Tone::green : Tone::plain}});
    const int reached = stats.months.back().reached;
    table.add({{"This month", Tone::bold},
               {stats.this_month_met
                    ? "done: " + plural(reached, "new contact", "new contacts") + " reached"
                    : std::to_string(reached) + " of " + std::to_string(stats.goal) +
                          " so far; `kith due` suggests whom"}});
  }
  std::string balance = plural(gives, "give", "gives") + ", " + plural(asks, "ask", "asks") + ", " +
                        plural(catch_ups, "catch-up", "catch-ups");
  Tone tone = Tone::plain;
  if (asks > 0 && gives >= asks) {
    char ratio[32];
    std::snprintf(ratio, sizeof ratio, "%.1f", static_cast<double>(gives) / asks);
    balance += ": " + std::string(ratio) + " gives per ask";
  } else if (asks > gives) {
    balance += ": more asks than gives; lead with a give (`kith pitch CONTACT`)";
    tone = Tone::yellow;
  } else if (gives > 0) {
    balance += ": all give, no ask";
  }
  table.add({{"Gives and asks", Tone::bold}, {balance, tone}});
  if (stats.weak_ties > 0) {
    table.add({{"Weak ties", Tone::bold},
               {plural(stats.weak_ties, "person", "people") +
                " imported and never contacted: the homework's candidates, never due"}});
  }
  table.print(out, style);
}

int run_stats(const StatsOptions& o, Context& ctx) {
  auto today = ctx.today();
  if (!today) return ctx.fail(today.error());
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  // The records and the log's summary from the read cache, as `kith due`
  // reads them: no interaction is decoded.
  auto network = store->load_records(Reading::around);
  if (!network) return ctx.fail(network.error());
  SummaryOptions whole;
  whole.aliases = alias_map(network->contacts);
  whole.read_around = true;
  whole.months_until = *today;
  auto log = store->summarize_log(whole);
  if (!log) return ctx.fail(log.error());
  ctx.report(network->warnings);
  ctx.report(log->warnings);
  network->unreadable.insert(network->unreadable.end(), log->unreadable.begin(),
                             log->unreadable.end());
  const Stats stats = compute_stats(*network, *log, *today);

  if (o.json) {
    print_json(ctx.out, to_json(stats));
    return ctx.served(network->unreadable);
  }
  if (stats.months.empty() && !network->unreadable.empty()) {
    ctx.out << "Nothing kith can read to count.\n";
    return ctx.served(network->unreadable);
  }
  if (stats.months.empty()) {
    ctx.out << "Nothing to count yet. Add the first contact:\n"
            << "  kith add \"Ada Lovelace\" --company Acme --skill math --interest compilers\n"
            << "and tell kith what you can offer others:\n"
            << "  kith me --name \"Your Name\" --skill \"…\" --interest \"…\"\n";
    return 0;
  }
  const Style style(ctx.color());
  const std::vector<MonthStats> shown = charted(stats);
  print_chart(shown, stats, style, ctx.out);
  print_summary(shown, stats, style, ctx.out);
  return ctx.served(network->unreadable);
}

}  // namespace

void setup_stats(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<StatsOptions>();
  sub.add_flag("--json", o->json, "Print every month and the totals as JSON");
  sub.callback([o, &ctx] { ctx.exit_code = run_stats(*o, ctx); });
}

}  // namespace kith::cli
