// kith log CONTACT... [--date DATE] [--kind KIND] [--give | --ask] [--note TEXT]
//          [--follow-up TEXT [--by DATE]] [--json]
// Records one interaction with one or more contacts and prints its id.
#include <algorithm>
#include <set>

#include "cli/actions.h"
#include "cli/commands.h"
#include "cli/contact_fields.h"
#include "cli/git_support.h"
#include "cli/output.h"
#include "core/cache.h"
#include "core/contacts.h"
#include "core/history.h"
#include "core/layout.h"
#include "core/logbook.h"
#include "core/text.h"

namespace kith::cli {
namespace {

struct LogOptions {
  std::vector<std::string> contacts;
  std::optional<std::string> date;
  std::optional<std::string> kind;
  bool give = false;
  bool ask = false;
  std::optional<std::string> note;
  std::optional<std::string> follow_up;
  std::optional<std::string> by;
  bool json = false;
};

constexpr int kMaxIdAttempts = 16;

// Everything that can be checked without the data: dates, kind, texts.
Result<Interaction> build(const LogOptions& o, Date today) {
  Interaction i;
  i.date = today;
  if (o.date) {
    auto d = parse_date(*o.date, today, DateDirection::past);
    if (!d) return Error{ErrorKind::usage, "--date: " + d.error().message, d.error().hint};
    if (auto s = check_event_date("--date", *o.date, *d, today); !s) return s.error();
    if (*d > today) {
      return usage_error("--date: " + format_date(*d) + " is in the future",
                         "log what happened; for a reminder use --follow-up TEXT --by DATE");
    }
    i.date = *d;
  }
  if (o.kind) {
    auto k = parse_kind(*o.kind);
    if (!k) return Error{ErrorKind::usage, "--kind: " + k.error().message, k.error().hint};
    i.kind = *k;
  }
  i.intent = o.give ? Intent::give : o.ask ? Intent::ask : Intent::catch_up;
  if (o.note) {
    auto note = check_note("--note", *o.note);
    if (!note) return note.error();
    if (note->empty()) return usage_error("--note: empty value");
    i.note = std::move(*note);
  }
  if (o.follow_up) {
    if (auto s = check_text("--follow-up", *o.follow_up); !s) return s.error();
    FollowUp f;
    f.text = *o.follow_up;
    if (o.by) {
      auto by = parse_date(*o.by, today, DateDirection::future);
      if (!by) return Error{ErrorKind::usage, "--by: " + by.error().message, by.error().hint};
      if (*by < i.date) {
        return usage_error("--by: " + format_date(*by) + " is before the interaction (" +
                           format_date(i.date) + ")");
      }
      f.by = *by;
    }
    i.follow_up = std::move(f);
  }
  return i;
}

// Resolves every CONTACT to an active contact; naming one twice is an error.
// A reference that is an existing contact's exact id (the usual case, as
// completion and scripts give ids) reads that contact's file alone; any
// other loads every contact, once, working around the files that cannot be
// read (listed in `unreadable`; a reference that may name one fails).
Result<std::vector<Contact>> resolve_all(const Store& store, const std::vector<std::string>& refs,
                                         std::vector<Unreadable>& unreadable) {
  std::optional<std::vector<Contact>> all;
  std::vector<Contact> found;
  for (const auto& ref : refs) {
    std::optional<Contact> one;
    if (text::is_valid_id(ref)) {
      auto exact = store.load_contact(ref);
      if (!exact) return exact.error();
      one = std::move(*exact);
    }
    std::vector<Contact> single;
    if (one) single.push_back(std::move(*one));
    if (single.empty() && !all) {
      auto contacts = store.load_contacts(nullptr, &unreadable);
      if (!contacts) return contacts.error();
      all = std::move(*contacts);
    }
    auto match = single.empty() ? resolve_contact(*all, ref, Scope::active, unreadable)
                                : resolve_contact(single, ref, Scope::active);
    if (!match) return match.error();
    const Contact& c = **match;
    if (std::any_of(found.begin(), found.end(), [&](const Contact& f) { return f.id == c.id; })) {
      return usage_error("'" + clean(ref) + "' names " + c.id + " a second time",
                         "name each contact once");
    }
    found.push_back(c);
  }
  return found;
}

std::string describe(const Interaction& i, const std::vector<Contact>& contacts) {
  std::vector<std::string> names;
  for (const auto& c : contacts) names.push_back(clean(c.name));
  std::string intent = i.intent == Intent::give  ? "a give"
                       : i.intent == Intent::ask ? "an ask"
                                                 : "a catch-up";
  return "logged " + intent + " (" + i.kind + ") with " + join(names) + " on " +
         format_date(i.date);
}

// "log: coffee with ada-lovelace, grace-hopper (give)": the commit subject
// of a logged interaction in a git data directory.
std::string commit_message(const Interaction& i) {
  std::string message = "log: " + i.kind + " with " + join(i.contacts);
  if (i.intent == Intent::give) message += " (give)";
  if (i.intent == Intent::ask) message += " (ask)";
  return message;
}

// Whether `id` is the id of a logged interaction. The summary's hashes rule
// out almost every id; a hash that matches is checked against the log.
Result<bool> is_taken(const Store& store, const StoreLogSummary& log, const std::string& id) {
  const std::uint64_t h = cache::hash_id(id);
  if (!log.id_hashes.contains(h)) return false;
  std::vector<std::string> warnings;
  std::vector<Unreadable> named;  // named already
  auto all = store.load_interactions(warnings, &named);
  if (!all) return all.error();
  return std::any_of(all->begin(), all->end(), [&](const Interaction& i) { return i.id == id; });
}

}  // namespace

Result<Logged> log_interaction(Context& ctx, const Store& store,
                               const std::vector<std::string>& refs, Interaction built,
                               const std::function<Status(const Interaction&)>& also) {
  // Resolve the contacts before taking the lock, so that a bad name fails
  // without creating anything; then again under the lock, on fresh data.
  // Contact files and log lines that cannot be read are worked around, and
  // named; but a month file that holds a line kith cannot read is never
  // written to.
  std::vector<Unreadable> unreadable;
  if (auto early = resolve_all(store, refs, unreadable); !early) return early.error();
  auto lock = store.lock_for_write(ctx.lock_options());
  if (!lock) return lock.error();
  unreadable.clear();
  auto contacts = resolve_all(store, refs, unreadable);
  if (!contacts) return contacts.error();
  SummaryOptions summary;
  summary.read_around = true;
  summary.id_hashes = true;
  summary.only.emplace();
  for (const auto& c : *contacts) {
    summary.only->push_back(c.id);
    for (const auto& alias : c.aliases) summary.aliases.emplace(alias, c.id);
  }
  auto log = store.summarize_log(summary);
  if (!log) return log.error();
  const date::year_month_day day{built.date};
  const std::string month_file =
      std::string(layout::kLogDir) + "/" + layout::month_file_name(day.year() / day.month());
  for (const auto& u : log->unreadable) {
    if (u.file == month_file) return u.error;
  }
  ctx.report(log->warnings);
  unreadable.insert(unreadable.end(), log->unreadable.begin(), log->unreadable.end());
  ctx.report(unreadable);

  Interaction interaction = std::move(built);
  for (const auto& c : *contacts) interaction.contacts.push_back(c.id);
  interaction.logged_at = format_timestamp(ctx.env().now);
  bool free = false;
  for (int attempt = 0; attempt < kMaxIdAttempts && !free; ++attempt) {
    interaction.id = make_interaction_id(ctx.env().now, ctx.env().random());
    auto taken = is_taken(store, *log, interaction.id);
    if (!taken) return taken.error();
    free = !*taken;
  }
  if (!free) return io_error("could not find a free interaction id", "try again");
  if (auto s = store.append_interaction(interaction); !s) return s.error();
  if (also) {
    if (auto s = also(interaction); !s) {
      commit_change(ctx, store, commit_message(interaction));
      return s.error();
    }
  }
  commit_change(ctx, store, commit_message(interaction));
  return Logged{std::move(interaction), std::move(*contacts), std::move(log->history)};
}

void confirm_logged(Context& ctx, const Logged& logged, Date today) {
  const Interaction& interaction = logged.interaction;
  ctx.confirm(describe(interaction, logged.contacts));
  if (interaction.intent == Intent::ask) {
    ctx.confirm("an ask does not reset the no-need clock; lead with a give next time");
  } else {
    // Homework: a first ever no-need interaction this month counts.
    const date::year_month_day now_ymd{today}, then_ymd{interaction.date};
    const bool this_month =
        now_ymd.year() == then_ymd.year() && now_ymd.month() == then_ymd.month();
    for (const auto& id : interaction.contacts) {
      if (this_month && !history_of(logged.history, id).first_no_need) {
        ctx.confirm("first no-need outreach to " + id + ": it counts for this month's homework");
      }
    }
  }
  if (interaction.follow_up) {
    ctx.confirm("follow-up open; mark it with `kith done " + short_interaction_id(interaction.id) +
                "`");
  }
}

namespace {

int run_log(const LogOptions& o, Context& ctx) {
  auto today = ctx.today();
  if (!today) return ctx.fail(today.error());
  auto built = build(o, *today);
  if (!built) return ctx.fail(built.error());
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  auto logged = log_interaction(ctx, *store, o.contacts, std::move(*built));
  if (!logged) return ctx.fail(logged.error());
  if (o.json) {
    print_json(ctx.out, to_json(logged->interaction));
  } else {
    ctx.out << logged->interaction.id << "\n";
  }
  confirm_logged(ctx, *logged, *today);
  return 0;
}

}  // namespace

void setup_log(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<LogOptions>();
  sub.add_option("CONTACT", o->contacts,
                 "Who it was with: id, id prefix, part of the name, or email (one or more)")
      ->required();
  sub.add_option("--date", o->date,
                 "When it happened: YYYY-MM-DD, yesterday, 3d ago, mon… (default: today)")
      ->type_name("DATE");
  sub.add_option("--kind", o->kind,
                 "coffee, lunch, call, video, email, message, meeting, event, intro… "
                 "(default: other)")
      ->type_name("KIND");
  auto* give = sub.add_flag("--give", o->give,
                            "You offered something: an intro, help, an article (no-need)");
  auto* ask =
      sub.add_flag("--ask", o->ask, "You needed something (does not reset the no-need clock)");
  give->excludes(ask);
  sub.add_option("--note", o->note, "What happened, in a line")->type_name("TEXT");
  auto* follow_up = sub.add_option("--follow-up", o->follow_up, "Something you promised to do next")
                        ->type_name("TEXT");
  sub.add_option("--by", o->by, "When the follow-up is due: YYYY-MM-DD, fri, +1w…")
      ->type_name("DATE")
      ->needs(follow_up);
  sub.add_flag("--json", o->json, "Print the interaction written, as JSON");
  sub.footer(
      "Without --give or --ask the interaction is a catch-up. Gives and catch-ups\n"
      "reset a contact's no-need clock; asks do not. The id printed on stdout is\n"
      "what `kith done ID` takes to close a follow-up.\n"
      "\n"
      "Examples:\n"
      "  kith log jose --kind coffee --note \"Talked about Rust hiring\"\n"
      "  kith log priya amelie --kind intro --give\n"
      "  kith log jose --ask --date yesterday --follow-up \"Send my CV\" --by fri");
  sub.callback([o, &ctx] { ctx.exit_code = run_log(*o, ctx); });
}

}  // namespace kith::cli
