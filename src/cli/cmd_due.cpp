// kith due [--within DURATION] [--tag T]... [--limit N] [--all] [--cron]
// [--notify] [--json]: who is overdue for a no-need outreach, the follow-ups
// due, the occasions to write for, and this month's homework.
#include <array>

#include "cli/commands.h"
#include "cli/contact_fields.h"
#include "cli/git_support.h"
#include "cli/output.h"
#include "core/due.h"
#include "core/english.h"
#include "core/git.h"
#include "core/text.h"

namespace kith::cli {
namespace {

struct DueCliOptions {
  std::optional<std::string> within;
  std::vector<std::string> tags;
  std::optional<std::string> limit;
  bool all = false;
  bool cron = false;
  bool notify = false;
  bool json = false;
};

constexpr std::size_t kMaxLimit = 1000000;

Result<DueOptions> parse_options(const DueCliOptions& o) {
  DueOptions options;
  if (o.within) {
    auto d = parse_duration(*o.within, AllowOff::no);
    if (!d) return Error{ErrorKind::usage, "--within: " + d.error().message, d.error().hint};
    options.within = *d;
  }
  for (const auto& t : o.tags) {
    if (auto s = check_text("--tag", t); !s) return s.error();
  }
  options.tags = o.tags;
  if (o.limit) {
    const std::string& s = *o.limit;
    std::size_t n = 0;
    bool ok = !s.empty() && s.size() <= 7;
    for (char ch : s) {
      if (ch < '0' || ch > '9') ok = false;
    }
    if (ok) n = std::stoul(s);
    if (!ok || n < 1 || n > kMaxLimit) {
      return usage_error("--limit: '" + clean(s) + "' is not a whole number from 1 to 1000000");
    }
    options.limit = n;
  }
  return options;
}

std::string weekday_name(Date d) {
  static constexpr std::array<const char*, 7> names = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
  return names[date::weekday{d}.c_encoding()];
}

std::string month_title(date::year_month m) {
  return std::string(month_name(static_cast<unsigned>(m.month()))) + " " +
         std::to_string(static_cast<int>(m.year()));
}

// "today", "tomorrow", "in 4 days"
std::string when(Date date, Date today) {
  const auto days = (date - today).count();
  if (days == 0) return "today";
  if (days == 1) return "tomorrow";
  return "in " + plural(days, "day", "days");
}

Tone lateness_tone(const DueEntry& e) {
  if (e.days_overdue <= 0) return Tone::dim;
  return cadence_missed(e) ? Tone::red : Tone::yellow;
}

// "gave 2026-08-31", "caught up 2026-07-16", "asked 2026-11-20 (asks don't
// reset the clock)", "never (met 2026-03-01)".
std::string last_no_need(const DueEntry& e) {
  if (!e.last_no_need) {
    if (e.last_ask) return "asked " + format_date(*e.last_ask) + " (asks don't reset the clock)";
    return e.contact->met_on ? "never (met " + format_date(*e.contact->met_on) + ")"
                             : "never (added " + format_date(e.contact->added_on) + ")";
  }
  const bool gave = e.last_give && *e.last_give == *e.last_no_need;
  return std::string(gave ? "gave " : "caught up ") + format_date(*e.last_no_need);
}

std::string names_of(const Interaction& i, const Network& network) {
  std::vector<std::string> names;
  for (const auto& id : i.contacts) {
    const Contact* c = network.find(id);
    names.push_back(clean(c ? c->name : id));
  }
  return join(names);
}

void print_how_to_begin(std::size_t width, std::ostream& out) {
  out << wrap_words(
             "No contacts yet. kith tells you whom to reach out to once it knows your "
             "people. Add the first one:",
             width)
      << wrap_words("kith add \"Ada Lovelace\" --company Acme --skill math --interest compilers",
                    width, "  ")
      << wrap_words("and say what you can offer others:", width)
      << wrap_words("kith me --name \"Your Name\" --skill \"…\" --interest \"…\"", width, "  ");
}

// What a due line says of the contact's occasion: "birthday tomorrow",
// "changed jobs: Acme → Globex".
std::string occasion_note(const Occasion& o, Date today) {
  if (o.kind == Occasion::Kind::birthday) return clean(o.text) + " " + when(o.date, today);
  return clean(o.text);
}

void print_due(const DueReport& r, const DueOptions& options, const Style& style,
               std::ostream& out) {
  if (r.due.empty()) {
    std::vector<Piece> line = {{"Nobody is due for a no-need hello.", Tone::green}};
    if (r.next) {
      line.push_back({" Next: "});
      line.push_back({clean(r.next->contact->name), Tone::plain, true});
      line.push_back(
          {" on " + format_date(r.next->due_on) + " (every " + r.next->every.text + ")."});
    }
    print_line(out, style, line, style.width());
    return;
  }
  std::string title = "Due for a no-need hello";
  if (options.within) title += ", or within " + options.within->text;
  print_line(out, style, {{title, Tone::bold}, {" (" + std::to_string(r.due_total) + ")"}},
             style.width());
  Table table;
  table.set_flexible(0);  // the name
  table.set_flexible(4);  // the occasion
  table.fit(style.width());
  // "last: …" and the occasion below when too wide; and how late too, when a
  // long id would have to be shortened.
  table.wrap_from(3, 2);
  for (const auto& e : r.due) {
    table.add({{clean(e.contact->name), Tone::bold},
               {e.contact->id, Tone::cyan},
               {lateness_phrase(e.days_overdue) + " · every " + e.every.text, lateness_tone(e)},
               {"last: " + last_no_need(e)},
               {e.occasion ? "+ " + occasion_note(*e.occasion, r.today) : "", Tone::green}});
  }
  table.print(out, style, "  ");
  if (r.due_total > r.due.size()) {
    print_line(out, style,
               {{"  … and " + std::to_string(r.due_total - r.due.size()) + " more (kith due --all)",
                 Tone::dim}},
               style.width());
  }
}

void print_follow_ups(const DueReport& r, const Network& network, const Style& style,
                      std::ostream& out) {
  out << "\n" << style(Tone::bold, "Follow-ups due") << " (" << r.follow_ups.size() << ")\n";
  Table table;
  table.set_flexible(2);  // the names
  table.set_flexible(3);  // what was promised
  table.fit(style.width());
  table.wrap_from(3);  // what was promised below, when too wide
  for (const auto& f : r.follow_ups) {
    table.add(
        {{f.interaction->id, Tone::cyan},
         {follow_up_when(*f.interaction, r.today), f.days_overdue > 0 ? Tone::yellow : Tone::plain},
         {names_of(*f.interaction, network)},
         {clean(f.interaction->follow_up->text)}});
  }
  table.print(out, style, "  ");
  print_line(out, style, {{"  Mark one done: kith done ID", Tone::dim}}, style.width());
}

void print_birthdays(const DueReport& r, const Style& style, std::ostream& out) {
  Table table;
  table.set_flexible(2);  // the name
  table.set_flexible(4);  // "38th birthday"
  table.fit(style.width());
  std::size_t count = 0;
  for (const auto& o : r.occasions) {
    if (o.kind != Occasion::Kind::birthday) continue;
    ++count;
    table.add({{weekday_name(o.date) + " " + format_date(o.date)},
               {when(o.date, r.today), o.date == r.today ? Tone::green : Tone::plain},
               {clean(o.contact->name), Tone::bold},
               {o.contact->id, Tone::cyan},
               {clean(o.text)}});
  }
  if (count == 0) return;
  out << "\n" << style(Tone::bold, "Birthdays") << " (" << count << ")\n";
  table.print(out, style, "  ");
}

// "Ada changed jobs: Acme → Globex on 2026-11-02 — congratulate them"
void print_job_changes(const DueReport& r, const Style& style, std::ostream& out) {
  std::vector<const Occasion*> changes;
  for (const auto& o : r.occasions) {
    if (o.kind == Occasion::Kind::job_change) changes.push_back(&o);
  }
  if (changes.empty()) return;
  out << "\n" << style(Tone::bold, "Job changes") << " (" << changes.size() << ")\n";
  // On one line when it fits; else the change in words wrapped to the width,
  // then the command on a line of its own.
  for (const Occasion* o : changes) {
    const std::string name = clean(o->contact->name);
    const std::string change = clean(o->text) + " on " + format_date(o->date);
    const std::string pitch = "kith pitch " + o->contact->id;
    const std::string whole = "  " + name + " " + change + " — congratulate them: " + pitch;
    if (style.width() == 0 || text::display_width(whole) <= style.width()) {
      out << "  " << style(Tone::bold, name) << " " << change
          << " — congratulate them: " << style(Tone::cyan, pitch) << "\n";
    } else {
      out << wrap_words(name + " " + change, style.width(), "  ", "    ");
      print_line(out, style, {{"    — congratulate them: "}, {pitch, Tone::cyan}}, style.width());
    }
  }
}

void print_homework(const DueReport& r, const Style& style, std::ostream& out) {
  const Homework& hw = r.homework;
  out << "\n";
  std::vector<Piece> head = {{"Homework for " + month_title(hw.month), Tone::bold}, {": "}};
  if (hw.done()) {
    std::vector<std::string> names;
    for (const Contact* c : hw.reached) names.push_back(clean(c->name));
    head.push_back({"done", Tone::green});
    head.push_back(
        {", " + plural(static_cast<long long>(hw.reached.size()), "new contact", "new contacts") +
         " reached (goal " + std::to_string(hw.goal) + ")"});
    head.push_back({names.empty() ? "" : ": " + join(names), Tone::plain, true});
    head.push_back({"."});
    print_line(out, style, head, style.width());
    return;
  }
  head.push_back({std::to_string(hw.reached.size()) + " of " +
                      plural(hw.goal, "new contact", "new contacts") + " reached",
                  Tone::yellow});
  head.push_back({"."});
  print_line(out, style, head, style.width());
  if (hw.suggestions.empty()) {
    out << wrap_words(
        "Reach out to someone new, purely to grow your network: kith add NAME, "
        "then kith log NAME.",
        style.width(), "  ");
    return;
  }
  for (std::size_t k = 0; k < hw.suggestions.size(); ++k) {
    const Contact* c = hw.suggestions[k];
    std::vector<Piece> line = {{k == 0 ? "  Try " : "   or "},
                               {clean(c->name), Tone::bold, true},
                               {" ("},
                               {c->id, Tone::cyan},
                               {")"}};
    if (k < hw.suggestion_reasons.size()) {
      line.push_back({": " + clean(hw.suggestion_reasons[k]), Tone::plain, true});
    }
    print_line(out, style, line, style.width());
  }
}

// Whether a desktop session's bus is there to take a notification.
bool has_session_bus(const Context& ctx) {
  if (auto address = ctx.env().get("DBUS_SESSION_BUS_ADDRESS"); address && !address->empty()) {
    return true;
  }
  auto runtime = ctx.env().get("XDG_RUNTIME_DIR");
  std::error_code ec;
  return runtime && !runtime->empty() && fs::is_socket(fs::path(*runtime) / "bus", ec);
}

// The report's first lines as a desktop notification (notify-send, from
// Debian's libnotify-bin): the summary says how many are due, the body
// names the first few. Nothing at all without a session bus (cron, ssh).
void notify(const DueReport& r, const Network& network, Context& ctx) {
  if (!has_session_bus(ctx)) return;
  std::string summary = "kith: ";
  if (!r.due.empty()) {
    summary += plural(static_cast<long long>(r.due_total), "person", "people") +
               " due for a no-need hello";
  } else if (!r.follow_ups.empty()) {
    summary +=
        plural(static_cast<long long>(r.follow_ups.size()), "follow-up", "follow-ups") + " due";
  } else if (!r.occasions.empty()) {
    summary += plural(static_cast<long long>(r.occasions.size()), "occasion", "occasions");
  } else if (!r.homework.done()) {
    summary += "reach out to someone new this month";
  } else {
    summary += "nobody is due";
  }
  std::vector<std::string> lines;
  for (const auto& e : r.due) {
    if (lines.size() == 5) break;
    lines.push_back(clean(e.contact->name) + " · " + lateness_phrase(e.days_overdue));
  }
  for (const auto& f : r.follow_ups) {
    if (lines.size() == 5) break;
    lines.push_back("follow up: " + clean(f.interaction->follow_up->text) + " (" +
                    names_of(*f.interaction, network) + ")");
  }
  if (lines.empty() && !r.homework.done() && !r.homework.suggestions.empty()) {
    lines.push_back("try " + clean(r.homework.suggestions.front()->name));
  }
  std::string body;
  for (const auto& line : lines) body += (body.empty() ? "" : "\n") + line;
  git::Runner runner = git_runner(ctx);
  runner.program = "notify-send";
  auto sent = git::run(runner, fs::current_path(), {"--app-name=kith", summary, body});
  if (!sent) {
    ctx.warn(
        "--notify: notify-send is not installed, so nothing was sent (Debian: apt install "
        "libnotify-bin)");
  } else if (sent->exit_code != 0) {
    ctx.warn("--notify: notify-send failed: " + clean(text::trim(sent->err)));
  }
}

int run_due(const DueCliOptions& o, Context& ctx) {
  auto options = parse_options(o);
  if (!options) return ctx.fail(options.error());
  auto today = ctx.today();
  if (!today) return ctx.fail(today.error());
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  // What cannot be read is left out of the report and named at the end
  // (exit 1), --cron included: cron mails what goes to stderr.
  auto network = store->load_records(Reading::around);
  if (!network) return ctx.fail(network.error());
  SummaryOptions summary;
  summary.until = *today;
  summary.aliases = alias_map(network->contacts);
  summary.read_around = true;
  auto log = store->summarize_log(summary);
  if (!log) return ctx.fail(log.error());
  ctx.report(network->warnings);
  ctx.report(log->warnings);
  warn_unknown_tags(ctx.err, network->contacts, options->tags);
  std::vector<Unreadable>& unreadable = network->unreadable;
  unreadable.insert(unreadable.end(), log->unreadable.begin(), log->unreadable.end());

  // The human report keeps to the daily budget; --all, --limit and --json
  // list everyone (up to --limit).
  if (!o.json && !o.all && !options->limit) {
    options->limit = static_cast<std::size_t>(network->settings.daily);
  }
  const DueReport report = compute_due(*network, *log, *today, *options);
  if (o.cron && !cron_speaks(report)) return ctx.served(unreadable);
  if (o.notify && !report.nothing_to_do()) notify(report, *network, ctx);
  if (o.json) {
    ctx.out << to_json_text(report) << "\n";
    return ctx.served(unreadable);
  }
  const Style style(ctx.color(), ctx.width());
  if (network->contacts.empty() && unreadable.empty()) {
    print_how_to_begin(style.width(), ctx.out);
    return 0;
  }
  print_due(report, *options, style, ctx.out);
  if (!report.follow_ups.empty()) print_follow_ups(report, *network, style, ctx.out);
  print_job_changes(report, style, ctx.out);
  print_birthdays(report, style, ctx.out);
  print_homework(report, style, ctx.out);
  // What `kith scan` found and waits for a yes or no. The inbox is a
  // convenience: one that cannot be read is left out without a word here
  // (`kith inbox` names its problems).
  if (auto box = store->load_inbox(); box && box->open_count() > 0) {
    const auto open = static_cast<long long>(box->open_count());
    ctx.out << "\n" << plural(open, "proposal", "proposals") << " in the inbox (kith inbox)\n";
  }
  return ctx.served(unreadable);
}

}  // namespace

void setup_due(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<DueCliOptions>();
  sub.add_option("--within", o->within,
                 "Also list who falls due within this time (2w, 1m…), and the birthdays in it "
                 "(else those of the next 7 days)")
      ->type_name("DURATION");
  sub.add_option("--tag", o->tags, "Only contacts with this tag (repeatable: all must match)")
      ->type_name("T");
  auto* limit =
      sub.add_option("--limit", o->limit, "Show at most N of the people due")->type_name("N");
  sub.add_flag("--all", o->all,
               "List everyone due, not only the daily budget (`kith config daily`, default 7)")
      ->excludes(limit);
  sub.add_flag("--cron", o->cron,
               "Print only when someone or something is due; the homework alone on the 1st, "
               "Mondays and the month's last three days (for cron and timers)");
  sub.add_flag("--notify", o->notify,
               "Also send the first lines as a desktop notification (notify-send), when there "
               "is a desktop session");
  sub.add_flag("--json", o->json, "Print the report as JSON");
  sub.footer(
      "A contact is due when its last no-need interaction (a give or a catch-up;\n"
      "asks do not count), else the day you met, else the day you added it, is\n"
      "`every` ago (the contact's cadence, else `kith config every`, default 3m).\n"
      "The most overdue relative to its cadence comes first; among the equally\n"
      "late, those with an occasion. Occasions are birthdays in the next 7 days\n"
      "(or --within) and job changes seen by `kith import` in the last 90 days\n"
      "that no give or catch-up has answered yet.\n"
      "\n"
      "Someone imported (LinkedIn, an address book) whom you have never\n"
      "contacted and gave no cadence is a weak tie: never due, only suggested\n"
      "for the monthly homework, the most promising first. The report lists at\n"
      "most `kith config daily` people (default 7); --all lists everyone.\n"
      "\n"
      "Every morning from cron (crontab -e); cron mails what it prints, and\n"
      "--cron prints only when someone or something is due (the unfinished\n"
      "homework alone on the 1st, Mondays and the month's last three days):\n"
      "  30 8 * * *  \"$HOME/.local/bin/kith\" due --cron\n"
      "A contact file or log line kith cannot read is left out of the report,\n"
      "named on stderr with its line, and the exit status is 1, --cron included.\n"
      "\n"
      "Or with a systemd user timer; ~/.config/systemd/user/kith-due.service:\n"
      "  [Unit]\n"
      "  Description=kith: who is due for a no-need hello\n"
      "  [Service]\n"
      "  Type=oneshot\n"
      "  ExecStart=%h/.local/bin/kith due --cron --notify\n"
      "and ~/.config/systemd/user/kith-due.timer:\n"
      "  [Unit]\n"
      "  Description=Run kith due every morning\n"
      "  [Timer]\n"
      "  OnCalendar=*-*-* 08:30\n"
      "  Persistent=true\n"
      "  [Install]\n"
      "  WantedBy=timers.target\n"
      "then: systemctl --user enable --now kith-due.timer (--notify pops the\n"
      "first lines up on the desktop; the report goes to the journal:\n"
      "journalctl --user -u kith-due).");
  sub.callback([o, &ctx] { ctx.exit_code = run_due(*o, ctx); });
}

}  // namespace kith::cli
