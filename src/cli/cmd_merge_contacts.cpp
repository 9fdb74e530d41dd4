// kith merge KEEP OTHER... [--dry-run] [--yes] [--json]: one contact out of
// several that are one person. KEEP takes in what each OTHER has (the rules
// are core/contact_merge.h's), every log line that names an OTHER names
// KEEP, and each OTHER's id stays on KEEP as an alias, so that the id still
// finds KEEP: in scripts, in shell history, and in what another machine
// logged before its next `kith sync`.
//
// The writes come in this order, each one atomic, so that a kill at any
// point leaves the state before, the state after, or one that `kith doctor
// --fix` (or the same merge, run again) completes:
//   1. contacts/KEEP.json, merged, with each OTHER's id among its aliases.
//      From here on readers count every log line naming an OTHER for KEEP,
//      and doctor knows each OTHER's file for a leftover of this merge.
//   2. each month file that names an OTHER (or any alias of KEEP), oldest
//      first, rewritten with those lines naming KEEP (temp file, fsync,
//      rename, directory fsync); its other lines are kept byte for byte.
//   3. each OTHER's file removed (then the directory is fsynced).
//   4. in a git data directory, one commit: "merge: OTHER into KEEP".
// After 1 or 2, doctor reports the log lines that still name an OTHER and
// the OTHER's file, and --fix rewrites those lines, then removes the file
// (only when KEEP holds all of it, as step 1 made sure).
#include <algorithm>

#include "cli/commands.h"
#include "cli/contact_change.h"
#include "cli/git_support.h"
#include "cli/output.h"
#include "core/contact_merge.h"
#include "core/contacts.h"
#include "core/english.h"
#include "core/fsutil.h"
#include "core/layout.h"

namespace kith::cli {
namespace {

struct MergeContactsOptions {
  std::string keep;
  std::vector<std::string> others;
  bool dry_run = false;
  bool yes = false;
  bool json = false;
};

// Whom the references name: KEEP's id, the OTHERs' ids (in the order given,
// each once), and the references that name an id already merged into KEEP.
struct MergeTargets {
  std::string keep;
  std::vector<std::string> others;
  std::vector<std::string> already_merged;
};

bool names_alias_of(const Contact& c, std::string_view ref) {
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& ch : out) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
    return out;
  };
  const std::string wanted = lower(ref);
  return std::any_of(c.aliases.begin(), c.aliases.end(),
                     [&](const std::string& a) { return lower(a) == wanted; });
}

Result<MergeTargets> merge_targets(const std::vector<Contact>& contacts,
                                   const MergeContactsOptions& o) {
  auto keep = resolve_contact(contacts, o.keep, Scope::all);
  if (!keep) return keep.error();
  MergeTargets t;
  t.keep = (*keep)->id;
  for (const auto& ref : o.others) {
    auto other = resolve_contact(contacts, ref, Scope::all);
    if (!other) return other.error();
    const Contact& c = **other;
    if (c.id == t.keep) {
      if (names_alias_of(c, ref)) {
        t.already_merged.push_back(ref);
        continue;
      }
      return usage_error("'" + clean(ref) + "' is " + contact_label(c) + ", the contact to keep",
                         "name KEEP first, then the contacts to merge into it: "
                         "`kith merge KEEP OTHER...`");
    }
    if (std::find(t.others.begin(), t.others.end(), c.id) != t.others.end()) {
      return usage_error("'" + clean(ref) + "' names " + contact_label(c) + " a second time",
                         "name each contact to merge once");
    }
    t.others.push_back(c.id);
  }
  return t;
}

// One month file to rewrite: its new text and how many lines changed.
struct MonthChange {
  date::year_month month;
  std::string text;
  int changed = 0;
};

// Everything a merge writes, computed before the first write.
struct MergeWork {
  Contact keep;                 // as read
  std::vector<Contact> others;  // as read, in the order given
  ContactMerge merge;
  std::vector<MonthChange> months;
  int interactions = 0;  // log lines that will name KEEP instead
};

// Reads the contacts `t` names and the log, and plans the merge. A month
// file to rewrite that ends with a torn line is an error here, before
// anything is written.
Result<MergeWork> plan_merge(const Store& store, const MergeTargets& t) {
  MergeWork w;
  auto read = [&](const std::string& id) -> Result<Contact> {
    auto c = store.load_contact(id);
    if (!c) return c.error();
    if (!c->has_value()) {
      return usage_error("no contact matches '" + id + "' any more",
                         "another kith changed it meanwhile; `kith list` shows your contacts");
    }
    return std::move(**c);
  };
  auto keep = read(t.keep);
  if (!keep) return keep.error();
  w.keep = std::move(*keep);
  for (const auto& id : t.others) {
    auto other = read(id);
    if (!other) return other.error();
    w.others.push_back(std::move(*other));
  }
  auto merged = merge_contacts(w.keep, w.others);
  if (!merged) return merged.error();
  w.merge = std::move(*merged);

  // Every id merged into KEEP (the OTHERs' and any older alias) is to be
  // named by KEEP in the log.
  AliasMap rewrite;
  for (const auto& alias : w.merge.merged.aliases) rewrite.emplace(alias, w.keep.id);
  auto months = store.months();
  if (!months) return months.error();
  for (const auto& month : *months) {
    const fs::path path = store.month_path(month);
    auto text = fsutil::read_file(path);
    if (!text) return text.error();
    if (!text->has_value()) continue;
    ReferenceRewrite r = rewrite_references(**text, rewrite);
    if (r.changed == 0) continue;
    if ((*text)->back() != '\n') {
      return data_error(layout::month_relative_path(month) +
                            ": ends with a torn line (an interrupted write); not rewriting it",
                        "run `kith doctor --fix` to remove the torn line, then merge again");
    }
    w.interactions += r.changed;
    w.months.push_back({month, std::move(r.text), r.changed});
  }
  return w;
}

// The writes, in the order the top of this file explains.
Status apply_merge(const Store& store, const MergeWork& w) {
  if (auto s = store.save_contact(w.merge.merged); !s) return s;
  for (const auto& m : w.months) {
    if (auto s = store.replace_month(m.month, m.text); !s) return s;
  }
  for (const auto& other : w.others) {
    if (auto s = store.remove_contact(other.id); !s) return s;
  }
  return {};
}

std::string ids_of(const std::vector<Contact>& contacts) {
  std::vector<std::string> ids;
  for (const auto& c : contacts) ids.push_back(c.id);
  return join(ids);
}

std::string merge_month_label(date::year_month m) {
  return layout::month_file_name(m).substr(0, 7);  // "2026-11"
}

Json merge_json(const MergeWork& w, bool dry_run) {
  Json j = Json::object();
  j["keep"] = w.keep.id;
  Json merged = Json::array();
  for (const auto& o : w.others) merged.push_back(o.id);
  j["merged"] = std::move(merged);
  j["dry_run"] = dry_run;
  Json added = Json::array();
  for (const auto& a : w.merge.added) {
    added.push_back({{"field", a.field}, {"value", a.value}, {"from", a.from}});
  }
  j["added"] = std::move(added);
  Json conflicts = Json::array();
  for (const auto& c : w.merge.conflicts) {
    conflicts.push_back(
        {{"field", c.field}, {"kept", c.kept}, {"other", c.other}, {"from", c.from}});
  }
  j["conflicts"] = std::move(conflicts);
  j["interactions"] = w.interactions;
  Json months = Json::array();
  for (const auto& m : w.months) months.push_back(merge_month_label(m.month));
  j["months"] = std::move(months);
  j["contact"] = to_json(w.merge.merged);
  return j;
}

// When the plan is printed: as a dry run, before the question, or once done.
enum class PlanMoment { dry_run, asking, done };

// The plan in words, on stdout: what each OTHER brings, the values not
// kept, and the log lines that name KEEP instead.
void print_plan(const MergeWork& w, PlanMoment moment, Context& ctx) {
  const Style style(ctx.color(), ctx.width());
  const bool dry_run = moment == PlanMoment::dry_run;
  std::vector<std::string> others;
  for (const auto& o : w.others) others.push_back(contact_label(o));
  const char* verb = moment == PlanMoment::dry_run  ? "Would merge "
                     : moment == PlanMoment::asking ? "Merging "
                                                    : "Merged ";
  ctx.out << style(Tone::bold, verb + join(others) + " into " + contact_label(w.keep))
          << (dry_run ? " (dry run: nothing is written)" : "") << "\n";
  if (w.merge.added.empty()) {
    ctx.out << "  Nothing to add: " << w.keep.id << " already has every value.\n";
  } else {
    ctx.out << "  Added to " << w.keep.id << ":\n";
    Table table;
    table.set_flexible(1);
    for (const auto& a : w.merge.added) {
      table.add({{a.field, Tone::cyan}, {clean(a.value)}, {"from " + a.from, Tone::dim}});
    }
    table.fit(style.width());
    table.print(ctx.out, style, "    ");
  }
  if (!w.merge.conflicts.empty()) {
    ctx.out << "  " << style(Tone::yellow, "Conflicts") << ", " << w.keep.id
            << "'s value kept (copy what you need with `kith edit " << w.keep.id << "`):\n";
    Table table;
    table.set_flexible(1);
    table.set_flexible(2);
    for (const auto& c : w.merge.conflicts) {
      table.add({{c.field, Tone::cyan},
                 {"kept " + clean(c.kept)},
                 {"not " + clean(c.other) + " (" + c.from + ")", Tone::yellow}});
    }
    table.fit(style.width());
    table.print(ctx.out, style, "    ");
  }
  if (w.interactions > 0) {
    std::vector<std::string> months;
    for (const auto& m : w.months) months.push_back(merge_month_label(m.month));
    ctx.out << "  Log: " << plural(w.interactions, "interaction", "interactions") << " in "
            << plural(static_cast<long long>(w.months.size()), "month", "months") << " ("
            << join(months) << ") "
            << (moment == PlanMoment::dry_run  ? "would name "
                : moment == PlanMoment::asking ? "will name "
                                               : (w.interactions == 1 ? "now names " : "now name "))
            << w.keep.id << ".\n";
  } else {
    ctx.out << "  Log: no interaction names " << ids_of(w.others) << ".\n";
  }
  ctx.out << "  " << ids_of(w.others) << (w.others.size() == 1 ? " stays" : " stay")
          << " an alias of " << w.keep.id << ": " << (w.others.size() == 1 ? "it" : "each")
          << " still finds " << w.keep.id << ".\n";
}

int run_merge_contacts(const MergeContactsOptions& o, Context& ctx) {
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  if (auto config = store->load_config(); !config) return ctx.fail(config.error());
  auto contacts = store->load_contacts();
  if (!contacts) return ctx.fail(contacts.error());
  auto targets = merge_targets(*contacts, o);
  if (!targets) return ctx.fail(targets.error());
  for (const auto& ref : targets->already_merged) {
    ctx.confirm("'" + clean(ref) + "' was already merged into " + targets->keep);
  }
  if (targets->others.empty()) {
    if (o.json) {
      print_json(ctx.out, {{"keep", targets->keep},
                           {"merged", Json::array()},
                           {"dry_run", o.dry_run},
                           {"added", Json::array()},
                           {"conflicts", Json::array()},
                           {"interactions", 0},
                           {"months", Json::array()}});
    }
    return 0;
  }

  // The plan on the data as it is, to show and to ask about; it is made
  // again under the lock before anything is written.
  if (o.dry_run || !o.yes) {
    if (!o.dry_run && !ctx.env().stdin_is_tty) {
      return ctx.fail(
          usage_error("merge rewrites " + join(targets->others) + " into " + targets->keep +
                          " for good and asks first, but there is no terminal to ask",
                      "pass --yes to merge from a script, or --dry-run to see what it would do"));
    }
    auto preview = plan_merge(*store, *targets);
    if (!preview) return ctx.fail(preview.error());
    if (o.dry_run) {
      if (o.json) {
        print_json(ctx.out, merge_json(*preview, true));
      } else {
        print_plan(*preview, PlanMoment::dry_run, ctx);
      }
      return 0;
    }
    if (!o.json) print_plan(*preview, PlanMoment::asking, ctx);
    const std::string question =
        "Merge " + join(targets->others) + " into " + targets->keep + "? This deletes " +
        plural(static_cast<long long>(targets->others.size()), "contact file", "contact files") +
        (preview->merge.conflicts.empty()
             ? ""
             : " and drops " + plural(static_cast<long long>(preview->merge.conflicts.size()),
                                      "conflicting value", "conflicting values")) +
        "; it cannot be undone.";
    if (!ctx.ask(question)) {
      ctx.err << "kith: nothing was merged\n";
      return 0;
    }
  }

  auto lock = store->lock_for_write(ctx.lock_options());
  if (!lock) return ctx.fail(lock.error());
  auto work = plan_merge(*store, *targets);
  if (!work) return ctx.fail(work.error());
  if (auto s = apply_merge(*store, *work); !s) return ctx.fail(s.error());
  commit_change(ctx, *store, "merge: " + join(targets->others) + " into " + targets->keep);
  if (o.json) {
    print_json(ctx.out, merge_json(*work, false));
  } else if (o.yes) {  // on a terminal, the plan was printed before the question
    print_plan(*work, PlanMoment::done, ctx);
  }
  ctx.confirm("merged " + ids_of(work->others) + " into " + contact_label(work->keep) + ": " +
              plural(work->interactions, "interaction", "interactions") +
              (work->interactions == 1 ? " now names " : " now name ") + work->keep.id);
  return 0;
}

}  // namespace

void setup_merge_contacts(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<MergeContactsOptions>();
  sub.add_option("KEEP", o->keep, "The contact to keep: id, id prefix, part of the name, or email")
      ->required();
  sub.add_option("OTHER", o->others,
                 "The contacts to merge into it and delete (their ids stay "
                 "on KEEP as aliases)")
      ->required();
  sub.add_flag("--dry-run", o->dry_run, "Show what the merge would do, and write nothing");
  sub.add_flag("--yes", o->yes, "Merge without asking (needed when stdin is not a terminal)");
  sub.add_flag("--json", o->json, "Print what was merged as JSON");
  sub.footer(
      "Lists are united (an email, phone or tag once, by the same rules as import);\n"
      "other fields stay KEEP's unless KEEP has none, and each conflicting value is\n"
      "printed. Job changes are combined, every log line naming an OTHER names KEEP,\n"
      "and each OTHER's id stays on KEEP as an alias, so it still finds KEEP.\n"
      "\n"
      "Examples:\n"
      "  kith dupes\n"
      "  kith merge ada-lovelace ada-l --dry-run\n"
      "  kith merge ada-lovelace ada-l");
  sub.callback([o, &ctx] { ctx.exit_code = run_merge_contacts(*o, ctx); });
}

}  // namespace kith::cli
