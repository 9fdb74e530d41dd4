// kith scan ics FILE|DIR... [--since DATE] [--dry-run] [--json]
// kith scan mail MBOX|MAILDIR... [--since DATE] [--dry-run] [--json]
// Reads calendars and mailboxes on this machine and proposes what it finds
// to the inbox (kith inbox): never straight into the log.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <system_error>

#include <date/tz.h>

#include "cli/commands.h"
#include "cli/format_command.h"
#include "cli/git_support.h"
#include "cli/output.h"
#include "core/dates.h"
#include "core/english.h"
#include "core/fsutil.h"
#include "core/ics_read.h"
#include "core/inbox.h"
#include "core/mail_read.h"
#include "core/propose.h"
#include "core/today.h"

namespace kith::cli {
namespace {

namespace fs = std::filesystem;

constexpr int kScanDefaultDays = 90;
constexpr std::size_t kScanSkipsShown = 10;

struct ScanOptions {
  std::vector<std::string> paths;
  std::optional<std::string> since;
  bool dry_run = false;
  bool json = false;
};

// What a scan read, and what it could not.
struct ScanTally {
  std::size_t files = 0;
  std::size_t items = 0;  // events or messages read
  std::size_t skipped = 0;
  std::vector<std::string> skips;  // "WHERE: REASON", the first few

  void skip(const std::string& where, const std::string& reason) {
    ++skipped;
    if (skips.size() < kScanSkipsShown) skips.push_back(where + ": " + reason);
  }
};

// The files under `dir` whose name ends with `suffix`, sorted; what cannot be
// listed is a skip.
std::vector<fs::path> scan_files_under(const fs::path& dir, std::string_view suffix,
                                       ScanTally& tally) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    tally.skip(dir.string(), ec.message());
    return files;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      tally.skip(dir.string(), ec.message());
      break;
    }
    const std::string name = it->path().filename().string();
    if (name.size() > suffix.size() && name.ends_with(suffix) && it->is_regular_file(ec)) {
      files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The Maildirs at or under `dir` (a folder tree as mbsync and offlineimap
// keep it), sorted.
std::vector<fs::path> scan_maildirs_under(const fs::path& dir) {
  std::vector<fs::path> found;
  if (mail_read::is_maildir(dir)) found.push_back(dir);
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) return found;
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const std::string name = it->path().filename().string();
    if (name == "cur" || name == "new" || name == "tmp") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_directory(ec) && mail_read::is_maildir(it->path())) found.push_back(it->path());
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

Date scan_local_date(date::sys_seconds at, const date::time_zone* zone) {
  if (zone == nullptr) return date::floor<date::days>(at);
  try {
    const auto local = zone->to_local(at);
    return Date{date::floor<date::days>(local).time_since_epoch()};
  } catch (const std::exception&) {
    return date::floor<date::days>(at);
  }
}

std::vector<std::string> scan_lower(std::vector<std::string> list) {
  for (auto& s : list) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return list;
}

Json scan_counts_json(const propose::Counts& c, const ScanTally& t) {
  return Json::object({{"files", t.files},
                       {"read", t.items},
                       {"skipped", t.skipped},
                       {"proposed", c.proposed},
                       {"no_contact", c.no_contact},
                       {"already_proposed", c.already_proposed},
                       {"same_day", c.same_day},
                       {"already_logged", c.already_logged},
                       {"ignored", c.ignored},
                       {"bulk", c.bulk},
                       {"too_old", c.too_old}});
}

// What the readers need to know besides the path.
struct ScanWindow {
  Date since{};                           // the first local date read
  date::sys_seconds now{};                // what starts later has not happened yet
  const date::time_zone* zone = nullptr;  // the user's: local dates are in it
  std::vector<std::string> own;           // the user's addresses, lower case
};

// Reads one path given into `proposer`; an error only when the path cannot
// be read at all (what is bad inside it is a skip).
using ScanReader =
    std::function<Status(const fs::path&, propose::Proposer&, ScanTally&, const ScanWindow&)>;

int run_scan(const ScanOptions& o, Context& ctx, std::string_view source, const ScanReader& read) {
  auto today = ctx.today();
  if (!today) return ctx.fail(today.error());
  Date since = *today - date::days{kScanDefaultDays};
  if (o.since) {
    // A bare duration means that long ago: --since 6m.
    auto d = parse_since(*o.since, *today);
    if (!d) {
      return ctx.fail(Error{ErrorKind::usage, "--since: " + d.error().message, d.error().hint});
    }
    since = *d;
  }
  for (const auto& path : o.paths) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      return ctx.fail(usage_error("'" + clean(path) + "' does not exist"));
    }
  }
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  std::optional<fsutil::FileLock> lock;
  if (!o.dry_run) {
    auto taken = store->lock_for_write(ctx.lock_options());
    if (!taken) return ctx.fail(taken.error());
    lock.emplace(std::move(*taken));
  }
  std::vector<Unreadable> unreadable;
  auto contacts = store->load_contacts(nullptr, &unreadable);
  if (!contacts) return ctx.fail(contacts.error());
  std::vector<std::string> warnings;
  auto log = store->load_interactions(warnings, &unreadable);
  if (!log) return ctx.fail(log.error());
  auto profile = store->load_profile();
  if (!profile) return ctx.fail(profile.error());
  auto box = store->load_inbox();
  if (!box) return ctx.fail(box.error());
  ctx.report(warnings);
  ctx.report(box->warnings);
  ctx.report(unreadable);

  ScanWindow window;
  window.since = since;
  window.zone = resolve_zone(ctx.env().get("TZ"));
  window.now = date::floor<std::chrono::seconds>(ctx.env().now);
  if (*today < ctx.real_today()) {
    // --today in the past: what happened is what started before that day ended.
    window.now = date::sys_seconds{*today + date::days{1}};
  }
  window.own = scan_lower(profile->emails);
  propose::Proposer proposer(*contacts, *log, *box, window.own, since);
  ScanTally tally;
  for (const auto& path : o.paths) {
    if (auto s = read(path, proposer, tally, window); !s) return ctx.fail(s.error());
  }
  std::vector<inbox::Proposal> found = proposer.finish();
  const propose::Counts& counts = proposer.counts();

  if (!o.dry_run && !found.empty()) {
    inbox::Inbox updated = *box;
    updated.proposals.insert(updated.proposals.end(), found.begin(), found.end());
    if (auto s = store->save_inbox(updated); !s) return ctx.fail(s.error());
    commit_change(ctx, *store,
                  "scan " + std::string(source) + ": " +
                      plural(static_cast<long long>(found.size()), "proposal", "proposals"));
  }

  if (o.json) {
    Json proposals = Json::array();
    for (const auto& p : found) proposals.push_back(inbox::to_json(p));
    Json skips = Json::array();
    for (const auto& s : tally.skips) skips.push_back(s);
    print_json(ctx.out, Json::object({{"proposed", proposals},
                                      {"counts", scan_counts_json(counts, tally)},
                                      {"skips", skips},
                                      {"dry_run", o.dry_run}}));
    return ctx.served(unreadable);
  }
  const std::string items = source == "ics" ? "event" : "message";
  ctx.out << "Read " << plural(static_cast<long long>(tally.items), items, items + "s") << " in "
          << plural(static_cast<long long>(tally.files), "file", "files") << " since "
          << format_date(since) << ".\n";
  if (found.empty()) {
    ctx.out << "Nothing new to propose.\n";
  } else {
    ctx.out << (o.dry_run ? "Would propose " : "Proposed ") << found.size() << ":\n";
    const Style style(ctx.color(), ctx.width());
    Table table;
    table.set_flexible(3);
    table.set_flexible(4);
    table.fit(style.width());
    for (const auto& p : found) {
      table.add({{p.id, Tone::cyan},
                 {format_date(p.date)},
                 {p.is_person() ? "person" : clean(p.kind), Tone::dim},
                 {clean(p.is_person() ? p.name + " <" + p.email + ">" : join(p.contacts))},
                 {clean(p.is_person() ? "you wrote to them " + plural(p.messages, "time", "times")
                                      : p.note)}});
    }
    table.print(ctx.out, style, "  ");
  }
  std::vector<std::string> left;
  if (counts.already_proposed)
    left.push_back(std::to_string(counts.already_proposed) + " proposed before");
  if (counts.same_day)
    left.push_back(std::to_string(counts.same_day) + " more of a thread and day already proposed");
  if (counts.already_logged)
    left.push_back(std::to_string(counts.already_logged) + " already logged");
  if (counts.ignored) left.push_back(std::to_string(counts.ignored) + " ignored");
  if (counts.bulk) left.push_back(std::to_string(counts.bulk) + " list or bulk mail");
  if (counts.too_old) left.push_back(std::to_string(counts.too_old) + " before --since");
  if (!left.empty()) ctx.out << "Left out: " << natural_list(left) << ".\n";
  if (tally.skipped > 0) {
    ctx.out << "Skipped " << tally.skipped << " that could not be read:\n";
    for (const auto& s : tally.skips) ctx.out << "  " << clean(s) << "\n";
    if (tally.skipped > tally.skips.size()) {
      ctx.out << "  … and " << (tally.skipped - tally.skips.size()) << " more\n";
    }
  }
  if (!found.empty() && !o.dry_run) ctx.out << "See them with kith inbox.\n";
  if (profile->emails.empty() && source == "mail") {
    ctx.warn(
        "kith does not know your addresses, so it cannot tell the mail you sent: "
        "kith me --email ADDRESS");
  }
  return ctx.served(unreadable);
}

Status scan_ics_path(const fs::path& path, propose::Proposer& proposer, ScanTally& tally,
                     const ScanWindow& window) {
  ics_read::Options options;
  options.since = window.since;
  options.now = window.now;
  options.zone = window.zone;
  options.own_addresses = window.own;
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    files = scan_files_under(path, ".ics", tally);
  } else {
    files.push_back(path);
  }
  for (const auto& file : files) {
    auto text = fsutil::read_file(file);
    if (!text || !*text) {
      tally.skip(file.string(), text ? "vanished" : text.error().message);
      continue;
    }
    ++tally.files;
    const ics_read::Scan scan = ics_read::read(**text, options);
    for (const auto& s : scan.skipped) {
      tally.skip(file.string() + ":" + std::to_string(s.line), s.reason);
    }
    for (const auto& e : scan.events) {
      ++tally.items;
      propose::Meeting m;
      // An event without a UID (rare, and against the standard) is known by
      // its file, date and summary.
      const std::string uid =
          e.uid.empty() ? file.string() + "#" + format_date(e.date) + "#" + e.summary : e.uid;
      m.key = e.recurrence_id.empty() ? uid : uid + "#" + e.recurrence_id;
      m.where = file.string();
      m.date = e.date;
      m.kind = e.kind;
      m.summary = e.summary;
      m.addresses = e.addresses;
      proposer.add(m);
    }
  }
  return {};
}

Status scan_mail_path(const fs::path& path, propose::Proposer& proposer, ScanTally& tally,
                      const ScanWindow& window) {
  const date::time_zone* zone = window.zone;
  auto visit = [&](const mail_read::Message& msg) {
    ++tally.items;
    if (!msg.dated) {
      tally.skip(msg.where, "no date");
      return;
    }
    propose::Mail m;
    m.message_id = msg.message_id;
    m.in_reply_to = msg.in_reply_to;
    m.references = msg.references;
    m.from = msg.from.email;
    for (const auto* list : {&msg.to, &msg.cc, &msg.bcc}) {
      for (const auto& a : *list) {
        m.recipients.push_back(a.email);
        m.recipient_names.push_back(a.name);
      }
    }
    m.subject = msg.subject;
    m.date = scan_local_date(msg.date, zone);
    m.bulk = msg.bulk;
    m.where = msg.where;
    proposer.add(m);
  };
  auto absorb = [&](const Result<mail_read::Counts>& counts) {
    ++tally.files;
    for (const auto& s : counts->skips) tally.skip(s.where, s.reason);
    tally.skipped += counts->skipped - std::min(counts->skipped, counts->skips.size());
  };
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    const std::vector<fs::path> maildirs = scan_maildirs_under(path);
    if (maildirs.empty()) {
      return usage_error("'" + clean(path.string()) + "' is neither an mbox file nor a Maildir",
                         "a Maildir holds cur/, new/ and tmp/");
    }
    for (const auto& dir : maildirs) {
      auto counts = mail_read::read_maildir(dir, visit);
      if (!counts) {
        tally.skip(dir.string(), counts.error().message);
        continue;
      }
      absorb(counts);
    }
    return {};
  }
  auto counts = mail_read::read_mbox(path, visit);
  if (!counts) return counts.error();
  absorb(counts);
  return {};
}

}  // namespace

void setup_scan(CLI::App& sub, Context& ctx) {
  const FormatCommand command{"scan", "ics and mail", "ics|mail PATH...",
                              std::make_shared<std::vector<std::string>>()};
  expect_format(sub, ctx, command);
  auto add_common = [](CLI::App* app, ScanOptions& o, const char* what) {
    app->add_option("PATH", o.paths, what)->required();
    app->add_option("--since", o.since,
                    "Only what happened on or after DATE (default: 90 days ago)")
        ->type_name("DATE");
    app->add_flag("--dry-run", o.dry_run, "Say what would be proposed; write nothing");
    app->add_flag("--json", o.json, "Print the proposals and the counts as JSON");
  };

  auto ics = std::make_shared<ScanOptions>();
  CLI::App* i = add_format(sub, ctx, command, "ics",
                           "Propose the past events of calendars (.ics files, vdir folders)",
                           [ics, &ctx] { return run_scan(*ics, ctx, "ics", scan_ics_path); });
  add_common(i, *ics, "An .ics file or a folder of them (vdir), searched recursively");

  auto mail = std::make_shared<ScanOptions>();
  CLI::App* m = add_format(sub, ctx, command, "mail",
                           "Propose the mail you exchanged with contacts (mbox, Maildir)",
                           [mail, &ctx] { return run_scan(*mail, ctx, "mail", scan_mail_path); });
  add_common(m, *mail, "An mbox file, a Maildir, or a folder of Maildirs");
}

}  // namespace kith::cli
