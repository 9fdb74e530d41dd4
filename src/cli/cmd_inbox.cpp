// kith inbox [--all] [--json]: the proposals `kith scan` made, still open.
// kith inbox accept ID... | --all [--give | --ask] [--kind KIND]
// kith inbox skip ID... | --all
// kith inbox ignore ADDRESS...
// Accepting logs the interaction (or adds the person) exactly as `kith log`
// (or `kith add`) would, and marks the proposal accepted in the same change.
#include <algorithm>

#include "cli/actions.h"
#include "cli/commands.h"
#include "cli/git_support.h"
#include "cli/output.h"
#include "core/english.h"
#include "core/fields.h"
#include "core/inbox.h"
#include "core/logbook.h"
#include "core/text.h"

namespace kith::cli {
namespace {

struct InboxOptions {
  bool all = false;
  bool json = false;
};

struct AcceptOptions {
  std::vector<std::string> ids;
  bool all = false;
  bool give = false;
  bool ask = false;
  std::optional<std::string> kind;
};

struct SkipOptions {
  std::vector<std::string> ids;
  bool all = false;
};

struct IgnoreOptions {
  std::vector<std::string> addresses;
};

std::string inbox_who(const inbox::Proposal& p) {
  if (p.is_person()) {
    return clean(p.name.empty() ? p.email : p.name + " <" + p.email + ">");
  }
  return clean(join(p.contacts));
}

std::string inbox_what(const inbox::Proposal& p) {
  if (p.is_person()) {
    return "not a contact; you wrote to them " + plural(p.messages, "time", "times");
  }
  return clean(p.note);
}

int run_inbox_list(const InboxOptions& o, Context& ctx) {
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  auto box = store->load_inbox();
  if (!box) return ctx.fail(box.error());
  ctx.report(box->warnings);
  std::vector<const inbox::Proposal*> shown;
  for (const auto& p : box->proposals) {
    if (o.all || p.state == inbox::State::open) shown.push_back(&p);
  }
  if (o.json) {
    Json list = Json::array();
    for (const auto* p : shown) list.push_back(inbox::to_json(*p));
    print_json(ctx.out, list);
    return 0;
  }
  if (shown.empty()) {
    ctx.out << (box->proposals.empty()
                    ? "The inbox is empty. `kith scan ics` and `kith scan mail` fill it.\n"
                    : "Nothing open in the inbox (kith inbox --all lists what was settled).\n");
    return 0;
  }
  const Style style(ctx.color(), ctx.width());
  Table table({"ID", "DATE", "KIND", "WITH", "WHAT"});
  table.set_flexible(3);
  table.set_flexible(4);
  table.fit(style.width());
  for (const auto* p : shown) {
    std::string kind = p->is_person() ? "person" : clean(p->kind);
    if (p->state != inbox::State::open)
      kind += " (" + std::string(inbox::state_name(p->state)) + ")";
    table.add({{p->id, Tone::cyan},
               {format_date(p->date)},
               {kind, Tone::dim},
               {inbox_who(*p)},
               {inbox_what(*p)}});
  }
  table.print(ctx.out, style);
  if (!o.all) {
    ctx.out << "\nkith inbox accept ID (--give, --ask, --kind K) logs one; skip ID drops it.\n";
  }
  return 0;
}

// The proposals `ids` (or, with `all`, every open one) name; a usage error
// when an id names none or several.
Result<std::vector<std::string>> inbox_pick(const inbox::Inbox& box,
                                            const std::vector<std::string>& ids, bool all) {
  std::vector<std::string> picked;
  if (all) {
    if (!ids.empty()) return usage_error("give proposal ids or --all, not both");
    for (const auto& p : box.proposals) {
      if (p.state == inbox::State::open) picked.push_back(p.id);
    }
    return picked;
  }
  if (ids.empty())
    return usage_error("which proposals? give their ids (kith inbox lists them) or --all");
  for (const auto& ref : ids) {
    Error error;
    const inbox::Proposal* p = inbox::find(box, ref, error);
    if (!p) return error;
    if (std::find(picked.begin(), picked.end(), p->id) == picked.end()) picked.push_back(p->id);
  }
  return picked;
}

// Marks proposal `id` as `state` in a fresh read of the inbox and saves it
// (under the caller's write lock).
Status inbox_settle(const Store& store, const std::string& id, inbox::State state) {
  auto box = store.load_inbox();
  if (!box) return box.error();
  for (auto& p : box->proposals) {
    if (p.id == id) p.state = state;
  }
  return store.save_inbox(*box);
}

int run_inbox_accept(const AcceptOptions& o, Context& ctx) {
  auto today = ctx.today();
  if (!today) return ctx.fail(today.error());
  if (o.give && o.ask) return ctx.fail(usage_error("--give and --ask exclude each other"));
  AcceptAs as;
  as.intent = o.give ? Intent::give : o.ask ? Intent::ask : Intent::catch_up;
  if (o.kind) {
    auto k = parse_kind(*o.kind);
    if (!k)
      return ctx.fail(Error{ErrorKind::usage, "--kind: " + k.error().message, k.error().hint});
    as.kind = *k;
  }
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  auto box = store->load_inbox();
  if (!box) return ctx.fail(box.error());
  ctx.report(box->warnings);
  auto picked = inbox_pick(*box, o.ids, o.all);
  if (!picked) return ctx.fail(picked.error());
  if (picked->empty()) {
    ctx.confirm("nothing open in the inbox");
    return 0;
  }
  for (const auto& id : *picked) {
    const auto it = std::find_if(box->proposals.begin(), box->proposals.end(),
                                 [&](const inbox::Proposal& p) { return p.id == id; });
    const inbox::Proposal& p = *it;
    if (p.state != inbox::State::open) {
      ctx.confirm("proposal " + p.id + " was already " + std::string(inbox::state_name(p.state)) +
                  "; nothing to change");
      continue;
    }
    auto accepted = accept_proposal(ctx, *store, p, as, *today);
    if (!accepted) return ctx.fail(accepted.error());
    if (accepted->added) {
      ctx.out << accepted->added->id << "\n";
      ctx.confirm("added " + accepted->added->id + " (" + clean(accepted->added->name) + ")");
    } else {
      ctx.out << accepted->logged->interaction.id << "\n";
      confirm_logged(ctx, *accepted->logged, *today);
    }
  }
  return 0;
}

int run_inbox_skip(const SkipOptions& o, Context& ctx) {
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  auto early = store->load_inbox();
  if (!early) return ctx.fail(early.error());
  if (auto picked = inbox_pick(*early, o.ids, o.all); !picked) return ctx.fail(picked.error());
  auto skipped = skip_proposals(ctx, *store, o.ids, o.all);
  if (!skipped) return ctx.fail(skipped.error());
  if (*skipped == 0) {
    ctx.confirm("nothing to skip: those proposals were already settled");
    return 0;
  }
  ctx.confirm("skipped " + plural(static_cast<long long>(*skipped), "proposal", "proposals"));
  return 0;
}

int run_inbox_ignore(const IgnoreOptions& o, Context& ctx) {
  std::vector<std::string> addresses;
  for (const auto& a : o.addresses) {
    const std::string key = field_key(ListField::emails, a);
    if (key.find('@') == std::string::npos || key.find_first_of(" \t\r\n<>") != std::string::npos) {
      return ctx.fail(usage_error("'" + clean(a) + "' is not an email address"));
    }
    if (std::find(addresses.begin(), addresses.end(), key) == addresses.end()) {
      addresses.push_back(key);
    }
  }
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  auto ignored = ignore_addresses(ctx, *store, addresses);
  if (!ignored) return ctx.fail(ignored.error());
  if (ignored->added == 0 && ignored->skipped == 0) {
    ctx.confirm("already ignored; nothing to change");
    return 0;
  }
  ctx.confirm("kith scan will never propose " + join(addresses) + " again" +
              (ignored->skipped > 0 ? " (" +
                                          plural(static_cast<long long>(ignored->skipped),
                                                 "open proposal", "open proposals") +
                                          " skipped)"
                                    : ""));
  return 0;
}

}  // namespace

Result<Accepted> accept_proposal(Context& ctx, const Store& store, const inbox::Proposal& p,
                                 const AcceptAs& as, Date today) {
  const std::string id = p.id;
  auto settle = [&store, id](auto&&) { return inbox_settle(store, id, inbox::State::accepted); };
  Accepted accepted;
  if (p.is_person()) {
    if (as.intent != Intent::catch_up || as.kind) {
      return usage_error("proposal " + p.id + " is a person, not an interaction",
                         "accept it without --give, --ask or --kind");
    }
    Contact contact;
    contact.name = p.name.empty() ? p.email.substr(0, p.email.find('@')) : p.name;
    contact.emails = {p.email};
    contact.added_on = today;
    contact.extra["found_in"] = "mail";
    auto added = add_contact(ctx, store, std::move(contact), std::nullopt, settle);
    if (!added) return added.error();
    accepted.added = std::move(*added);
    return accepted;
  }
  Interaction built;
  built.date = p.date;
  built.kind = as.kind ? *as.kind : p.kind;
  built.intent = as.intent;
  if (!p.note.empty()) built.note = text::normalize_note(p.note);
  built.extra["proposal"] = p.id;
  auto logged = log_interaction(ctx, store, p.contacts, std::move(built), settle);
  if (!logged) return logged.error();
  accepted.logged = std::move(*logged);
  return accepted;
}

Result<std::size_t> skip_proposals(Context& ctx, const Store& store,
                                   const std::vector<std::string>& refs, bool all) {
  auto lock = store.lock_for_write(ctx.lock_options());
  if (!lock) return lock.error();
  auto box = store.load_inbox();
  if (!box) return box.error();
  ctx.report(box->warnings);
  auto picked = inbox_pick(*box, refs, all);
  if (!picked) return picked.error();
  std::size_t skipped = 0;
  for (auto& p : box->proposals) {
    if (p.state != inbox::State::open) continue;
    if (std::find(picked->begin(), picked->end(), p.id) == picked->end()) continue;
    p.state = inbox::State::skipped;
    ++skipped;
  }
  if (skipped == 0) return skipped;
  if (auto s = store.save_inbox(*box); !s) return s.error();
  commit_change(ctx, store,
                "inbox: skip " + plural(static_cast<long long>(skipped), "proposal", "proposals"));
  return skipped;
}

Result<Ignored> ignore_addresses(Context& ctx, const Store& store,
                                 const std::vector<std::string>& addresses) {
  auto lock = store.lock_for_write(ctx.lock_options());
  if (!lock) return lock.error();
  auto box = store.load_inbox();
  if (!box) return box.error();
  ctx.report(box->warnings);
  Ignored done;
  for (const auto& address : addresses) {
    if (!box->is_ignored(address)) {
      box->ignored.push_back(address);
      ++done.added;
    }
    for (auto& p : box->proposals) {
      if (p.state == inbox::State::open && p.is_person() && p.email == address) {
        p.state = inbox::State::skipped;
        ++done.skipped;
      }
    }
  }
  if (done.added == 0 && done.skipped == 0) return done;
  if (auto s = store.save_inbox(*box); !s) return s.error();
  commit_change(ctx, store, "inbox: ignore " + join(addresses));
  return done;
}

void setup_inbox(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<InboxOptions>();
  sub.add_flag("--all", o->all, "Also list the proposals accepted or skipped");
  sub.add_flag("--json", o->json, "Print the proposals as a JSON array");

  auto accept = std::make_shared<AcceptOptions>();
  CLI::App* a = sub.add_subcommand("accept", "Log proposals (or add the people proposed)");
  a->add_option("ID", accept->ids, "A proposal's id, or the start of one (repeatable)");
  a->add_flag("--all", accept->all, "Accept every open proposal");
  a->add_flag("--give", accept->give, "Log them as gives (you offered something)");
  a->add_flag("--ask", accept->ask, "Log them as asks (they do not reset the clock)");
  a->add_option("--kind", accept->kind, "Log them as this kind instead of the proposed one")
      ->type_name("KIND");
  a->callback([accept, &ctx] { ctx.exit_code = run_inbox_accept(*accept, ctx); });

  auto skip = std::make_shared<SkipOptions>();
  CLI::App* s = sub.add_subcommand("skip", "Drop proposals: they are never proposed again");
  s->add_option("ID", skip->ids, "A proposal's id, or the start of one (repeatable)");
  s->add_flag("--all", skip->all, "Skip every open proposal");
  s->callback([skip, &ctx] { ctx.exit_code = run_inbox_skip(*skip, ctx); });

  auto ignore = std::make_shared<IgnoreOptions>();
  CLI::App* i = sub.add_subcommand("ignore", "Never propose anything for these addresses");
  i->add_option("ADDRESS", ignore->addresses, "An email address (repeatable)")->required();
  i->callback([ignore, &ctx] { ctx.exit_code = run_inbox_ignore(*ignore, ctx); });

  sub.callback([o, &sub, &ctx] {
    if (sub.get_subcommands().empty()) ctx.exit_code = run_inbox_list(*o, ctx);
  });
}

}  // namespace kith::cli
