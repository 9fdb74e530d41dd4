// kith review [--all] [--new | --inbox]: a minute a day in the terminal.
// Walks the people due, the follow-ups due, the homework suggestions of
// `kith due` and the inbox's proposals one screen at a time (with --new: the
// weak ties, the imported people never contacted; with --inbox: only the
// proposals), and acts on each with one key. Every action is the write of
// the command it stands for (cli/actions.h).
#include <set>

#include "cli/actions.h"
#include "cli/clipboard.h"
#include "cli/commands.h"
#include "cli/contact_change.h"
#include "cli/contact_fields.h"
#include "cli/editor.h"
#include "cli/output.h"
#include "cli/review.h"
#include "cli/terminal.h"
#include "core/english.h"
#include "core/logbook.h"
#include "core/pitch.h"
#include "core/vocabulary.h"

namespace kith::cli {
namespace {

struct ReviewOptions {
  bool all = false;        // --all: not only the daily budget of people due
  bool weak_ties = false;  // --new
  bool inbox = false;      // --inbox
};

// What a key did to the screen: stay on it, go on to the next, or stop.
enum class After { stay, next, quit };

// What a session reads once, at its start, and its input.
struct Session {
  Context& ctx;
  const Store& store;
  Keyboard keys;
  Style style;
  Date today{};
  Network network;
  HistoryMap history;                         // the whole log summarised, for the pitches
  std::set<std::string, std::less<>> closed;  // follow-ups marked done here
};

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// Asks for a line; nullopt when the user gives none (Enter or Ctrl-D):
// the action is then cancelled.
std::optional<std::string> ask_line(Session& s, const std::string& prompt) {
  s.ctx.out << prompt << std::flush;
  auto answer = s.keys.line();
  if (!answer) s.ctx.out << "\n";
  if (!answer || trimmed(*answer).empty()) {
    s.ctx.out << "Cancelled.\n";
    return std::nullopt;
  }
  return trimmed(*answer);
}

std::string standard_kind_list() {
  std::string list;
  for (auto kind : standard_kinds()) list += (list.empty() ? "" : ", ") + std::string(kind);
  return list;
}

After log_with(Session& s, const Contact& c, Intent intent) {
  Interaction built;
  built.date = s.today;
  built.intent = intent;
  const std::string default_kind = built.kind;
  for (;;) {
    s.ctx.out << "Kind (" << standard_kind_list() << "; Enter: " << default_kind
              << "): " << std::flush;
    auto answer = s.keys.line();
    if (!answer) {
      s.ctx.out << "\nCancelled.\n";
      return After::stay;
    }
    const std::string kind = trimmed(*answer);
    if (kind.empty()) break;
    auto parsed = parse_kind(kind);
    if (parsed) {
      built.kind = *parsed;
      break;
    }
    s.ctx.fail(parsed.error());
  }
  for (;;) {
    s.ctx.out << "Note (Enter: none): " << std::flush;
    auto answer = s.keys.line();
    if (!answer) {
      s.ctx.out << "\nCancelled.\n";
      return After::stay;
    }
    // As `kith log --note` keeps it (check_note), a line being one here.
    auto note = check_note("note", trimmed(*answer));
    if (!note) {
      s.ctx.fail(note.error());
      continue;
    }
    if (!note->empty()) built.note = std::move(*note);
    break;
  }
  s.ctx.out.flush();
  auto logged = log_interaction(s.ctx, s.store, {c.id}, std::move(built));
  if (!logged) {
    s.ctx.fail(logged.error());
    return After::stay;
  }
  confirm_logged(s.ctx, *logged, s.today);
  return After::next;
}

After snooze(Session& s, const Contact& c) {
  for (;;) {
    auto answer = ask_line(s, "Snooze until (2w, +1m, 2027-01-15, friday…): ");
    if (!answer) return After::stay;
    auto until = parse_snooze_until(*answer, s.today, "until");
    if (!until) {
      s.ctx.fail(until.error());
      continue;
    }
    return snooze_contact(s.ctx, c.id, *until) == 0 ? After::next : After::stay;
  }
}

// `kith edit ID --every D` or `--tag T`: asks for the value until it is one
// `kith edit` takes, then makes the edit.
After edit_with(Session& s, const Contact& c, const std::string& prompt,
                void (*set)(ContactFields&, const std::string&)) {
  ContactFields fields;
  for (;;) {
    auto answer = ask_line(s, prompt);
    if (!answer) return After::stay;
    fields = ContactFields{};
    set(fields, *answer);
    Contact checked = c;
    if (auto ok = apply_contact_fields(fields, s.today, checked); ok)
      break;
    else
      s.ctx.fail(ok.error());
  }
  auto saved = save_contact_edit(s.ctx, s.store, c.id, s.network.contacts,
                                 [&](const Contact& current) -> Result<Contact> {
                                   Contact updated = current;
                                   auto ok = apply_contact_fields(fields, s.today, updated);
                                   if (!ok) return ok.error();
                                   return updated;
                                 });
  if (!saved) {
    s.ctx.fail(saved.error());
    return After::stay;
  }
  const Contact& now = saved->contact;
  s.ctx.confirm((saved->saved ? "updated " : "no changes to ") + contact_label(now));
  s.ctx.out << "Cadence: " << review_cadence(now, s.network.settings)
            << "; tags: " << (now.tags.empty() ? std::string("none") : clean(join(now.tags)))
            << ".\n";
  return After::stay;
}

After change_cadence(Session& s, const Contact& c) {
  return edit_with(s, c, "Every (2w, 1m, 3m, 6m, 1y, off, default): ",
                   [](ContactFields& f, const std::string& v) { f.every = v; });
}

After add_tag(Session& s, const Contact& c) {
  return edit_with(s, c,
                   "Tag: ", [](ContactFields& f, const std::string& v) { f.tags.push_back(v); });
}

After mark_done(Session& s, const ReviewStop& stop, const std::vector<Interaction>& interactions) {
  std::string id;
  if (stop.follow_up && !s.closed.contains(stop.follow_up->interaction->id)) {
    id = stop.follow_up->interaction->id;
  } else {
    const auto open = open_follow_ups(interactions);
    if (open.empty()) {
      s.ctx.out << "No open follow-up.\n";
      return After::stay;
    }
    id = open.front()->id;
    if (open.size() > 1) {
      const auto key =
          s.keys.key(s.ctx.out, "Which follow-up (1 to " + std::to_string(open.size()) + ")? ");
      const std::size_t k = key && *key >= '1' && *key <= '9' ? std::size_t(*key - '0') : 0;
      if (k == 0 || k > open.size()) {
        s.ctx.out << "\nCancelled.\n";
        return After::stay;
      }
      s.ctx.out << k << "\n";
      id = open[k - 1]->id;
    }
  }
  s.ctx.out.flush();
  if (close_follow_up(s.ctx, s.store, id, s.today) == 0) s.closed.insert(id);
  return After::stay;
}

void print_draft(Session& s, const std::string& draft) {
  const std::string rule(40, '-');
  s.ctx.out << s.style(Tone::dim, rule) << "\n";
  std::size_t start = 0;
  while (start <= draft.size()) {
    std::size_t end = draft.find('\n', start);
    if (end == std::string::npos) end = draft.size();
    s.ctx.out << clean(std::string_view(draft).substr(start, end - start)) << "\n";
    start = end + 1;
  }
  s.ctx.out << s.style(Tone::dim, rule) << "\n";
}

void copy_draft(Session& s, const std::string& draft) {
  const CopyResult copied = copy_to_clipboard(s.ctx.env(), &s.ctx.out, draft);
  for (const auto& problem : copied.problems) s.ctx.warn(problem);
  if (copied.ways.empty()) {
    s.ctx.warn("cannot copy: " + std::string(kCannotCopyReason));
    return;
  }
  s.ctx.out << "Copied the draft through " << join(copied.ways, " and ") << ".\n";
}

After show_pitch(Session& s, const std::string& first_draft, const std::string& id) {
  std::string draft = first_draft;
  print_draft(s, draft);
  for (;;) {
    const auto key = s.keys.key(s.ctx.out, "o open in $EDITOR, y copy, Enter back: ");
    if (key && *key == 'o') {
      s.ctx.out << "open in $EDITOR\n" << std::flush;
      auto buffer = EditBuffer::create(s.ctx.env(), "kith-draft-" + id, draft + "\n", ".txt");
      if (!buffer) {
        s.ctx.fail(buffer.error());
        continue;
      }
      auto edited = buffer->edit(s.ctx.env());
      if (!edited) {
        s.ctx.fail(edited.error());
        continue;
      }
      draft = *edited;
      while (!draft.empty() && draft.back() == '\n') draft.pop_back();
      print_draft(s, draft);
    } else if (key && *key == 'y') {
      s.ctx.out << "copy\n";
      copy_draft(s, draft);
    } else {
      s.ctx.out << "back\n";
      return After::stay;
    }
  }
}

void print_keys_help(Session& s, bool weak_ties) {
  auto& out = s.ctx.out;
  if (weak_ties) {
    out << "  e  give them a cadence: 2w, 1m, 3m, 6m, 1y, off, or default (kith edit --every)\n"
        << "  t  add a tag (kith edit --tag)\n"
        << "  r  archive them (kith rm; kith restore brings them back)\n";
  } else {
    out << "  c  log a catch-up today, then its kind and a note (kith log)\n"
        << "  g  log a give (kith log --give)\n"
        << "  a  log an ask (kith log --ask)\n"
        << "  s  snooze: a date or a duration, as kith snooze --until takes\n"
        << "  e  change the cadence: 2w, 1m, 3m, off, default (kith edit --every)\n"
        << "  d  mark an open follow-up done (kith done)\n"
        << "  p  show the pitch's draft, then open it in $EDITOR or copy it\n";
  }
  out << "  n  skip to the next one (also Space)\n"
      << "  q  quit (also Ctrl-C or Ctrl-D)\n"
      << "  Enter, Ctrl-D or nothing at a question cancels it.\n";
}

std::string key_line(bool weak_ties, bool can_close) {
  if (weak_ties) return "e cadence, t tag, r archive, n skip, q quit, ? help: ";
  return std::string("c catch-up, g give, a ask, s snooze, e cadence, ") +
         (can_close ? "d done, " : "") + "p pitch, n skip, q quit, ? help: ";
}

// The pitch's first offer: what you can help them with, else notes to trade
// on what they know too, else whom you could introduce them to.
std::optional<std::string> first_offer(const Pitch& p) {
  for (const Offer& o : p.offers) {
    if (!o.theirs) return "What you can offer: " + clean(o.skill);
  }
  if (!p.offers.empty()) {
    return "What you can offer: notes to trade on " + clean(p.offers.front().skill);
  }
  if (!p.introductions.empty()) {
    const Introduction& intro = p.introductions.front();
    return "What you can offer: an introduction to " + clean(intro.name) + " (" +
           clean(join(intro.topics)) + ")";
  }
  return std::nullopt;
}

// One screen and its keys.
After review_one(Session& s, const ReviewStop& stop, const DueReport* report) {
  auto loaded = s.store.load_contact(stop.contact_id);
  if (!loaded) {
    s.ctx.fail(loaded.error());
    return After::next;
  }
  // Removed or archived since the session began (by this session's `r` or
  // by another kith): nothing to review.
  if (!loaded->has_value() || (*loaded)->archived) return After::next;
  Contact contact = std::move(**loaded);
  std::vector<std::string> warnings;
  // Log lines that cannot be read were named when the session began.
  std::vector<Unreadable> named;
  auto interactions = s.store.load_interactions_of(contact.id, warnings, contact.aliases, &named);
  if (!interactions) {
    s.ctx.fail(interactions.error());
    return After::next;
  }
  s.ctx.report(warnings);
  const bool weak = stop.part == ReviewPart::weak_tie;
  std::string draft;
  ReviewScreen screen;
  screen.stop = &stop;
  screen.contact = &contact;
  screen.interactions = &*interactions;
  screen.report = report;
  screen.settings = &s.network.settings;
  screen.today = s.today;
  if (const Contact* known = s.network.find(contact.id); known && !weak) {
    s.history[contact.id] = history_of(summarize(*interactions), contact.id);
    const Pitch pitch =
        make_pitch(s.network, s.history, *interactions, *known, s.today, PitchOptions{});
    screen.offer = first_offer(pitch);
    draft = pitch.draft;
  }
  print_review_screen(s.ctx.out, s.style, screen);

  for (;;) {
    const bool can_close = stop.follow_up || !open_follow_ups(*interactions).empty();
    const auto key = s.keys.key(s.ctx.out, s.style(Tone::dim, key_line(weak, can_close)));
    if (!key || *key == 'q') {
      s.ctx.out << "quit\n";
      return After::quit;
    }
    const char k = *key;
    After after = After::stay;
    bool wrote = false;
    if (k == 'n' || k == ' ') {
      s.ctx.out << "skip\n";
      return After::next;
    } else if (k == '?') {
      s.ctx.out << "help\n";
      print_keys_help(s, weak);
    } else if (k == 'e') {
      s.ctx.out << "cadence\n";
      after = change_cadence(s, contact);
      wrote = true;
    } else if (weak && k == 't') {
      s.ctx.out << "tag\n";
      after = add_tag(s, contact);
    } else if (weak && k == 'r') {
      s.ctx.out << "archive\n" << std::flush;
      after = archive_contact(s.ctx, contact.id) == 0 ? After::next : After::stay;
    } else if (!weak && (k == 'c' || k == 'g' || k == 'a')) {
      const Intent intent = k == 'g' ? Intent::give : k == 'a' ? Intent::ask : Intent::catch_up;
      s.ctx.out << "log " << (k == 'g' ? "a give" : k == 'a' ? "an ask" : "a catch-up") << "\n";
      after = log_with(s, contact, intent);
    } else if (!weak && k == 's') {
      s.ctx.out << "snooze\n";
      after = snooze(s, contact);
    } else if (!weak && k == 'd' && can_close) {
      s.ctx.out << "done\n";
      after = mark_done(s, stop, *interactions);
      wrote = true;
    } else if (!weak && k == 'p') {
      s.ctx.out << "pitch\n";
      after = show_pitch(s, draft, contact.id);
    } else if (k != '\n') {
      s.ctx.out << "\n";
      s.ctx.err << "kith: no action on that key here; ? lists the keys\n";
    } else {
      s.ctx.out << "\n";
    }
    if (after != After::stay) return after;
    if (wrote) {
      // What the screen's next keys act on: the follow-ups still open.
      if (auto again = s.store.load_interactions_of(contact.id, warnings, contact.aliases, &named);
          again) {
        *interactions = std::move(*again);
      }
    }
  }
}

void print_proposal_keys_help(Session& s, bool person) {
  auto& out = s.ctx.out;
  if (person) {
    out << "  y  add them as a contact (kith inbox accept)\n"
        << "  i  ignore the address: never propose it again (kith inbox ignore)\n";
  } else {
    out << "  y  log it as proposed, a catch-up (kith inbox accept)\n"
        << "  g  log it as a give (kith inbox accept --give)\n"
        << "  a  log it as an ask (kith inbox accept --ask)\n"
        << "  k  change the kind it is logged as (kith inbox accept --kind)\n";
  }
  out << "  x  skip it: never proposed again (kith inbox skip)\n"
      << "  n  leave it in the inbox and go on (also Space)\n"
      << "  q  quit (also Ctrl-C or Ctrl-D)\n";
}

// Asks for the kind a proposal is logged as; nullopt when cancelled.
std::optional<std::string> ask_kind(Session& s, const std::string& current) {
  for (;;) {
    s.ctx.out << "Kind (" << standard_kind_list() << "; Enter: " << current << "): " << std::flush;
    auto answer = s.keys.line();
    if (!answer) {
      s.ctx.out << "\nCancelled.\n";
      return std::nullopt;
    }
    const std::string kind = trimmed(*answer);
    if (kind.empty()) return current;
    auto parsed = parse_kind(kind);
    if (parsed) return *parsed;
    s.ctx.fail(parsed.error());
  }
}

// One proposal's screen and its keys.
After review_proposal(Session& s, const ReviewStop& stop) {
  // Settled since the session began (by another kith): nothing to review.
  auto box = s.store.load_inbox();
  if (!box) {
    s.ctx.fail(box.error());
    return After::next;
  }
  const inbox::Proposal* now = nullptr;
  for (const auto& p : box->proposals) {
    if (p.id == stop.proposal->id && p.state == inbox::State::open) now = &p;
  }
  if (now == nullptr) return After::next;
  const inbox::Proposal& p = *now;
  std::optional<std::vector<Interaction>> interactions;
  if (!p.contacts.empty()) {
    if (const Contact* c = s.network.find(p.contacts.front())) {
      std::vector<std::string> warnings;
      std::vector<Unreadable> named;
      auto loaded = s.store.load_interactions_of(c->id, warnings, c->aliases, &named);
      if (loaded) interactions = std::move(*loaded);
    }
  }
  print_proposal_screen(s.ctx.out, s.style, stop, s.network,
                        interactions ? &*interactions : nullptr);
  const bool person = p.is_person();
  AcceptAs as;
  for (;;) {
    const std::string keys = person
                                 ? "y add, x skip, i ignore, n next, q quit, ? help: "
                                 : "y log, g give, a ask, k kind, x skip, n next, q quit, ? help: ";
    const auto key = s.keys.key(s.ctx.out, s.style(Tone::dim, keys));
    if (!key || *key == 'q') {
      s.ctx.out << "quit\n";
      return After::quit;
    }
    const char k = *key;
    if (k == 'n' || k == ' ') {
      s.ctx.out << "next\n";
      return After::next;
    } else if (k == '?') {
      s.ctx.out << "help\n";
      print_proposal_keys_help(s, person);
    } else if (k == 'y' || (!person && (k == 'g' || k == 'a'))) {
      as.intent = k == 'g' ? Intent::give : k == 'a' ? Intent::ask : Intent::catch_up;
      s.ctx.out << (person     ? "add\n"
                    : k == 'g' ? "log a give\n"
                    : k == 'a' ? "log an ask\n"
                               : "log it\n")
                << std::flush;
      auto accepted = accept_proposal(s.ctx, s.store, p, as, s.today);
      if (!accepted) {
        s.ctx.fail(accepted.error());
        continue;
      }
      if (accepted->added) {
        s.ctx.confirm("added " + accepted->added->id + " (" + clean(accepted->added->name) + ")");
      } else {
        confirm_logged(s.ctx, *accepted->logged, s.today);
      }
      return After::next;
    } else if (!person && k == 'k') {
      s.ctx.out << "kind\n";
      if (auto kind = ask_kind(s, as.kind.value_or(p.kind))) {
        as.kind = *kind;
        s.ctx.out << "It will be logged as " << clean(*kind) << ".\n";
      }
    } else if (k == 'x') {
      s.ctx.out << "skip\n" << std::flush;
      auto skipped = skip_proposals(s.ctx, s.store, {p.id}, false);
      if (!skipped) {
        s.ctx.fail(skipped.error());
        continue;
      }
      s.ctx.confirm("skipped proposal " + p.id);
      return After::next;
    } else if (person && k == 'i') {
      s.ctx.out << "ignore\n" << std::flush;
      auto ignored = ignore_addresses(s.ctx, s.store, {p.email});
      if (!ignored) {
        s.ctx.fail(ignored.error());
        continue;
      }
      s.ctx.confirm("kith scan will never propose " + p.email + " again");
      return After::next;
    } else if (k != '\n') {
      s.ctx.out << "\n";
      s.ctx.err << "kith: no action on that key here; ? lists the keys\n";
    } else {
      s.ctx.out << "\n";
    }
  }
}

// What a walk of the people reads: the records and the log, read around
// what cannot be read, as `kith due` reads them.
struct ReviewLoad {
  Network network;
  StoreLogSummary due_log;  // the log until today
  HistoryMap history;       // the whole log summarised, for the pitches
  std::vector<std::string> warnings;
  std::vector<Unreadable> unreadable;
};

Result<ReviewLoad> review_load(const Store& store, Date today) {
  auto network = store.load_records(Reading::around);
  if (!network) return network.error();
  SummaryOptions until_today;
  until_today.until = today;
  until_today.aliases = alias_map(network->contacts);
  until_today.read_around = true;
  auto due_log = store.summarize_log(until_today);
  if (!due_log) return due_log.error();
  SummaryOptions whole;
  whole.aliases = until_today.aliases;
  whole.read_around = true;
  auto whole_log = store.summarize_log(whole);
  if (!whole_log) return whole_log.error();
  ReviewLoad load;
  load.warnings = network->warnings;
  load.warnings.insert(load.warnings.end(), whole_log->warnings.begin(), whole_log->warnings.end());
  load.unreadable = network->unreadable;
  load.unreadable.insert(load.unreadable.end(), whole_log->unreadable.begin(),
                         whole_log->unreadable.end());
  load.network = std::move(*network);
  load.due_log = std::move(*due_log);
  load.history = std::move(whole_log->history);
  return load;
}

// Walks `stops` in order; false when the user quit.
bool review_walk(Session& s, const std::vector<ReviewStop>& stops, const DueReport* report) {
  for (const auto& stop : stops) {
    if (stop.follow_up && s.closed.contains(stop.follow_up->interaction->id)) continue;
    const After after =
        stop.part == ReviewPart::proposal ? review_proposal(s, stop) : review_one(s, stop, report);
    if (after == After::quit) {
      s.ctx.out << "Stopped; `kith review` starts again from the top.\n";
      return false;
    }
  }
  return true;
}

int run_review(const ReviewOptions& o, Context& ctx) {
  if (!ctx.env().stdin_is_tty || !ctx.env().stdout_is_tty) {
    return ctx.fail(usage_error(
        "kith review needs a terminal: it reads keys from stdin and shows screens on stdout",
        "`kith due` prints the same list for scripts; `kith log`, `kith snooze`, `kith edit`, "
        "`kith done`, `kith rm` and `kith inbox` make its changes"));
  }
  if (o.weak_ties && o.inbox) return ctx.fail(usage_error("--new and --inbox exclude each other"));
  auto today = ctx.today();
  if (!today) return ctx.fail(today.error());
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  // What cannot be read is left out, and named before the first screen; the
  // session then ends with exit status 1.
  auto load = review_load(*store, *today);
  if (!load) return ctx.fail(load.error());
  ctx.report(load->warnings);
  const int status = ctx.served(load->unreadable);
  inbox::Inbox box;
  if (!o.weak_ties) {
    auto loaded = store->load_inbox();
    if (!loaded) return ctx.fail(loaded.error());
    ctx.report(loaded->warnings);
    box = std::move(*loaded);
  }

  Session s{ctx,
            *store,
            Keyboard(ctx.env()),
            Style(ctx.color()),
            *today,
            std::move(load->network),
            std::move(load->history),
            {}};
  StoreLogSummary due_log = std::move(load->due_log);

  // The inbox first: what it confirms happened changes who is due.
  const std::vector<ReviewStop> proposals = proposal_stops(box);
  if (!proposals.empty()) {
    ctx.out << "kith review" << (o.inbox ? " --inbox" : "") << ": "
            << plural(static_cast<long long>(proposals.size()), "proposal", "proposals")
            << " in the inbox" << (o.inbox ? "" : " first")
            << " (kith scan found them). One key per action; ? lists them.\n";
    if (!review_walk(s, proposals, nullptr)) return status;
    if (o.inbox) {
      ctx.out << "\nThe inbox is done.\n";
      return status;
    }
    // Read again: the interactions accepted count now. What cannot be read
    // was named already.
    auto again = review_load(*store, *today);
    if (!again) return ctx.fail(again.error());
    s.network = std::move(again->network);
    s.history = std::move(again->history);
    due_log = std::move(again->due_log);
    ctx.out << "\n";
  } else if (o.inbox) {
    ctx.out << "Nothing open in the inbox. `kith scan ics` and `kith scan mail` fill it.\n";
    return status;
  }

  // As `kith due` lists them: the daily budget of people due, unless --all.
  DueOptions options;
  if (!o.all) options.limit = static_cast<std::size_t>(s.network.settings.daily);
  const DueReport report = compute_due(s.network, due_log, s.today, options);
  const std::vector<ReviewStop> stops =
      o.weak_ties ? weak_tie_stops(s.network, s.history) : review_stops(report, s.network);
  if (stops.empty()) {
    ctx.out << (o.weak_ties ? "No weak ties: everyone imported has been contacted or has a "
                              "cadence.\n"
                            : "Nothing to review: nobody is due, no follow-up is due and "
                              "this month's homework is done.\n");
    return status;
  }
  std::size_t due = 0, follow_ups = 0, homework = 0;
  for (const auto& stop : stops) {
    due += stop.part == ReviewPart::due;
    follow_ups += stop.part == ReviewPart::follow_up;
    homework += stop.part == ReviewPart::homework;
  }
  if (o.weak_ties) {
    ctx.out << "kith review --new: "
            << plural(static_cast<long long>(stops.size()), "weak tie", "weak ties")
            << " to sort out. One key per action; ? lists them.\n";
  } else {
    ctx.out << "kith review: " << due;
    if (report.due_total > report.due.size()) {
      ctx.out << " of " << report.due_total << " due (the daily budget; --all for everyone)";
    } else {
      ctx.out << " due";
    }
    ctx.out << ", " << plural(static_cast<long long>(follow_ups), "follow-up", "follow-ups") << ", "
            << homework << " for the homework. One key per action; ? lists them.\n";
  }
  if (!review_walk(s, stops, o.weak_ties ? nullptr : &report)) return status;
  ctx.out << "\nThat is everyone for today.\n";
  return status;
}

}  // namespace

void setup_review(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<ReviewOptions>();
  sub.add_flag("--all", o->all,
               "Walk everyone due, not only the daily budget (`kith config daily`, default 7)");
  sub.add_flag("--new", o->weak_ties,
               "Walk the weak ties instead (imported, never contacted, no cadence): give each a "
               "cadence, a tag, or archive it");
  sub.add_flag("--inbox", o->inbox,
               "Walk only the inbox's proposals (kith scan): log each, skip it, or ignore the "
               "address");
  sub.footer(
      "One screen per person: who, why now, the last interactions, open follow-ups\n"
      "and the pitch's first offer. Keys: c catch-up, g give, a ask (then the kind and\n"
      "a note), s snooze, e cadence, d follow-up done, p pitch draft (o: $EDITOR,\n"
      "y: copy), n skip, q quit, ? help. With --new: e cadence, t tag, r archive.\n"
      "The inbox's proposals (kith scan) come first: y log it (or add the person),\n"
      "g give, a ask, k kind, x skip it, i ignore the address, n next.\n"
      "Each key makes the same change as its command (log, snooze, edit, done, rm),\n"
      "committed when the data directory is a git repository. Needs a terminal on\n"
      "stdin and stdout; `kith due` is the same list for scripts.");
  sub.callback([o, &ctx] { ctx.exit_code = run_review(*o, ctx); });
}

}  // namespace kith::cli
