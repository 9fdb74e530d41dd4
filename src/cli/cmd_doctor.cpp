// kith doctor [--fix] [--json]: checks every file of the data directory and
// lists each problem with its file and line. --fix repairs only what is safe
// (a torn last log line, a missing final newline, leftover temp files, what
// an interrupted `kith merge` left), under the write lock, and says what it
// did. It also says how many groups of likely duplicates there are. Exit 1
// while an error remains.
#include <map>

#include "cli/commands.h"
#include "cli/git_support.h"
#include "cli/output.h"
#include "core/doctor.h"
#include "core/dupes.h"
#include "core/english.h"

namespace kith::cli {
namespace {

struct DoctorOptions {
  bool fix = false;
  bool json = false;
};

std::string_view severity_name(doctor::Severity s) {
  return s == doctor::Severity::error ? "error" : "warning";
}

Json report_json(const doctor::Report& report, int dupe_groups, const fs::path& dir,
                 const std::vector<doctor::Repaired>& repaired) {
  Json j = Json::object();
  j["data_dir"] = clean(dir.string());
  j["exists"] = report.exists;
  j["ok"] = report.count(doctor::Severity::error) == 0;
  j["contacts"] = report.contacts;
  j["log_files"] = report.log_files;
  j["interactions"] = report.interactions;
  j["dupe_groups"] = dupe_groups;
  j["errors"] = report.count(doctor::Severity::error);
  j["warnings"] = report.count(doctor::Severity::warning);
  Json problems = Json::array();
  for (const auto& f : report.findings) {
    problems.push_back({{"severity", std::string(severity_name(f.severity))},
                        {"check", f.check},
                        {"file", clean(f.file)},
                        {"line", f.line > 0 ? Json(f.line) : Json(nullptr)},
                        {"message", f.message},
                        {"hint", f.hint.empty() ? Json(nullptr) : Json(f.hint)},
                        {"fixable", f.repair != doctor::Repair::none}});
  }
  j["problems"] = std::move(problems);
  Json fixed = Json::array();
  for (const auto& r : repaired) {
    fixed.push_back({{"file", clean(r.file)},
                     {"line", r.line > 0 ? Json(r.line) : Json(nullptr)},
                     {"action", r.action}});
  }
  j["fixed"] = std::move(fixed);
  return j;
}

std::string where(const std::string& file, int line) {
  std::string w = file.empty() ? "." : clean(file);
  return line > 0 ? w + ":" + std::to_string(line) : w;
}

void print_human(const doctor::Report& report, int dupe_groups, const fs::path& dir,
                 const std::vector<doctor::Repaired>& repaired, const DoctorOptions& o,
                 Context& ctx) {
  const Style style(ctx.color());
  if (!report.exists) {
    ctx.out << "No data directory yet at " << clean(dir.string()) << ": nothing to check.\n"
            << "Start with:\n"
            << "  kith add \"Ada Lovelace\" --skill math --interest compilers\n"
            << "  kith me --name \"Your Name\" --skill \"…\" --interest \"…\"\n";
    return;
  }
  ctx.out << style(Tone::bold, "kith doctor") << "  " << clean(dir.string()) << "\n"
          << "  " << plural(report.contacts, "contact", "contacts") << ", "
          << plural(report.interactions, "interaction", "interactions") << " in "
          << plural(report.log_files, "log file", "log files") << "\n";
  if (dupe_groups > 0) {
    ctx.out << "  " << plural(dupe_groups, "group", "groups")
            << " of likely duplicates: `kith dupes` lists them, `kith merge` makes one contact "
               "of each\n";
  }
  for (const auto& r : repaired) {
    ctx.out << style(Tone::green, "fixed  ") << "  " << where(r.file, r.line) << ": " << r.action
            << "\n";
  }
  for (const auto& f : report.findings) {
    const bool error = f.severity == doctor::Severity::error;
    ctx.out << style(error ? Tone::red : Tone::yellow, error ? "error  " : "warning") << "  "
            << where(f.file, f.line) << ": " << f.message << "\n";
    if (!f.hint.empty()) ctx.out << "         " << style(Tone::dim, "hint: " + f.hint) << "\n";
  }
  const int errors = report.count(doctor::Severity::error);
  const int warnings = report.count(doctor::Severity::warning);
  if (errors == 0 && warnings == 0) {
    ctx.out << (repaired.empty() ? "No problems found.\n" : "No problems left.\n");
    return;
  }
  ctx.out << plural(errors, "error", "errors") << ", " << plural(warnings, "warning", "warnings");
  if (const int n = report.repairable(); n > 0 && !o.fix) {
    ctx.out << "; `kith doctor --fix` repairs " << n << " of them";
  }
  ctx.out << ".\n";
}

// The unknown contact ids the user agrees, on a terminal, to take out of
// the interactions that name them (a purge on another machine); none
// without a terminal, so that a script never deletes log lines.
doctor::RepairOptions confirmed_drops(const doctor::Report& report, Context& ctx) {
  doctor::RepairOptions options;
  std::map<std::string, int> lines;  // id -> interactions naming it
  for (const auto& f : report.findings) {
    if (f.repair == doctor::Repair::remove_unknown_contact) ++lines[f.contact_id];
  }
  if (lines.empty()) return options;
  if (!ctx.env().stdin_is_tty) {
    ctx.warn(
        "interactions name contacts that have no file; `kith doctor --fix` on a terminal "
        "asks whether to take them out");
    return options;
  }
  for (const auto& [id, count] : lines) {
    if (ctx.ask("'" + clean(id) +
                "' has no contact file (purged on another machine?): take it "
                "out of the " +
                plural(count, "interaction", "interactions") +
                " that name it, deleting any that name nobody else?")) {
      options.drop_unknown.insert(id);
    }
  }
  return options;
}

// A warning for each git remote that is neither on this machine nor
// encrypted: whoever hosts it reads every name and note. Git's own failure
// to list them is no finding of kith's.
void add_remote_findings(Context& ctx, const fs::path& dir, doctor::Report& report) {
  if (!git::is_repository(dir)) return;
  auto remotes = git::remotes(git_runner(ctx), dir);
  if (!remotes) return;
  for (const auto& remote : *remotes) {
    if (git::remote_kind(remote.url) != git::RemoteKind::hosted) continue;
    doctor::Finding f;
    f.severity = doctor::Severity::warning;
    f.check = "remote";
    f.file = ".git/config";
    f.message = "the remote '" + clean(remote.name) + "' (" + clean(remote.url) +
                ") is not encrypted: everything in this directory is readable by whoever hosts it";
    f.hint =
        "an encrypted remote instead: `kith git remote add --encrypt NAME URL KEYID` "
        "(kith-git(1), ENCRYPTED REMOTES)";
    report.findings.push_back(std::move(f));
  }
}

int run_doctor(const DoctorOptions& o, Context& ctx) {
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  const fs::path& dir = store->dir();
  auto report = doctor::check(dir);
  if (!report) return ctx.fail(report.error());

  std::vector<doctor::Repaired> repaired;
  Status repair_status;
  if (o.fix && report->repairable() > 0) {
    auto lock = store->lock_only(ctx.lock_options());
    if (!lock) return ctx.fail(lock.error());
    // Again under the lock: no kith is writing now, so every temp file is a
    // leftover and every torn line is what a crash left.
    report = doctor::check(dir);
    if (!report) return ctx.fail(report.error());
    repair_status = doctor::repair(dir, *report, repaired, confirmed_drops(*report, ctx));
    for (const auto& r : repaired) store->note_changed(dir / r.file);
    if (!repaired.empty())
      commit_change(ctx, *store, "doctor --fix: " + join(store->changed_files()));
    report = doctor::check(dir);
    if (!report) return ctx.fail(report.error());
  }

  if (report->exists) add_remote_findings(ctx, dir, *report);

  // The groups `kith dupes` lists: no problem, but worth a line. None when
  // the contacts cannot be read (the report says why).
  int dupe_groups = 0;
  if (report->exists) {
    std::vector<std::string> latin;
    if (auto contacts = store->load_contacts(&latin)) {
      dupe_groups = static_cast<int>(find_dupes(*contacts, latin).size());
    }
  }
  if (o.json) {
    print_json(ctx.out, report_json(*report, dupe_groups, dir, repaired));
  } else {
    print_human(*report, dupe_groups, dir, repaired, o, ctx);
  }
  if (!repair_status) return ctx.fail(repair_status.error());
  if (const int errors = report->count(doctor::Severity::error); errors > 0) {
    return ctx.fail(data_error("the data directory has " + plural(errors, "problem", "problems") +
                                   " that kith cannot repair",
                               "fix them by hand as listed; kith never rewrites a corrupt file"));
  }
  return 0;
}

}  // namespace

void setup_doctor(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<DoctorOptions>();
  sub.add_flag("--fix", o->fix,
               "Repair what is safe (torn last log lines, missing final newlines, temp files, "
               "an interrupted merge)");
  sub.add_flag("--json", o->json, "Print the report as JSON");
  sub.footer(
      "Checks that every file parses (naming file and line), that ids are unique and\n"
      "match their files, that interactions name known contacts, and looks for git\n"
      "conflict markers, torn last lines, leftover temp files, what an interrupted\n"
      "`kith merge` left, private files that others can read and git remotes that\n"
      "are neither on this machine nor encrypted; says how many\n"
      "groups of likely duplicates `kith dupes` lists. Exits 1 while an error\n"
      "remains; warnings alone exit 0.\n"
      "\n"
      "Examples:\n"
      "  kith doctor\n"
      "  kith doctor --fix");
  sub.callback([o, &ctx] { ctx.exit_code = run_doctor(*o, ctx); });
}

}  // namespace kith::cli
