// kith import linkedin|vcard|csv|json FILE... [--tag T] [--every D] [--dry-run]
// [--json]: bring people in from other tools, or restore kith's own export.
#include <algorithm>
#include <map>

#include "cli/commands.h"
#include "cli/contact_fields.h"
#include "cli/format_command.h"
#include "cli/git_support.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "core/backup.h"
#include "core/contact_csv.h"
#include "core/english.h"
#include "core/importer.h"
#include "core/linkedin.h"
#include "core/text.h"
#include "core/vcard.h"

namespace kith::cli {
namespace {

enum class ImportFormat { linkedin, vcard, csv, json };

struct ImportOptions {
  std::vector<std::string> files;
  bool dry_run = false;
  bool json = false;
  std::vector<std::string> tags;
  std::optional<std::string> every;
  std::vector<std::string> stray;  // arguments no format took: an unknown format, an extra FILE
};

// Import files larger than this are refused rather than read into memory.
constexpr std::uintmax_t kMaxImportBytes = 256u << 20;
// A progress bar is worth drawing from this many rows on.
constexpr std::size_t kProgressRows = 300;

Result<std::string> read_import_file(const std::string& file) {
  std::error_code ec;
  const fs::path path(file);
  if (!fs::exists(path, ec)) {
    return usage_error("no such file: " + text::sanitize_for_terminal(file));
  }
  if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) > kMaxImportBytes) {
    return usage_error(text::sanitize_for_terminal(file) + " is larger than 256 MiB",
                       "split it, or import the contacts without their photos");
  }
  auto content = fsutil::read_file(path);
  if (!content) {
    Error e = content.error();
    e.hint.clear();  // the generic hint speaks of the data directory
    return e;
  }
  if (!content->has_value())
    return usage_error("no such file: " + text::sanitize_for_terminal(file));
  return std::move(**content);
}

Result<ImportBatch> read_batch(ImportFormat format, const std::vector<std::string>& files) {
  ImportBatch batch;
  for (const auto& file : files) {
    auto content = read_import_file(file);
    if (!content) return content.error();
    const std::string name = text::sanitize_for_terminal(file);
    Result<ImportBatch> read = usage_error("");
    switch (format) {
      case ImportFormat::linkedin:
        read = read_linkedin(*content, name);
        break;
      case ImportFormat::vcard:
        read = vcard::read_vcards(*content, name);
        break;
      case ImportFormat::csv:
        read = read_contact_csv(*content, name);
        break;
      case ImportFormat::json:
        read = read_export(*content, name);
        break;
    }
    if (!read) return read.error();
    for (auto& record : read->records) {
      if (record.source.empty()) record.source = read->source;
    }
    auto move_all = [](auto& into, auto& from) {
      into.insert(into.end(), std::make_move_iterator(from.begin()),
                  std::make_move_iterator(from.end()));
    };
    move_all(batch.records, read->records);
    move_all(batch.skipped, read->skipped);
    move_all(batch.warnings, read->warnings);
    move_all(batch.interactions, read->interactions);
    if (read->profile && !batch.profile) batch.profile = std::move(read->profile);
    for (auto it = read->settings.begin(); it != read->settings.end(); ++it) {
      if (!batch.settings.contains(it.key())) batch.settings[it.key()] = it.value();
    }
  }
  return batch;
}

// Writes the plan; `log` holds its interactions, prepared (and so checked)
// before anything was written.
Status apply(const Store& store, const ImportPlan& plan, const LogAppend& log, Progress& progress) {
  std::vector<Contact> contacts;
  contacts.reserve(plan.added.size() + plan.updated.size());
  contacts.insert(contacts.end(), plan.added.begin(), plan.added.end());
  contacts.insert(contacts.end(), plan.updated.begin(), plan.updated.end());
  if (auto s = store.save_contacts(contacts, [&] { progress.step(); }); !s) return s;
  if (plan.profile) {
    if (auto s = store.save_profile(*plan.profile); !s) return s;
  }
  if (plan.settings) {
    auto config = store.load_config();
    if (!config) return config.error();
    config->settings = *plan.settings;
    if (auto s = store.save_config(*config); !s) return s;
  }
  return store.append(log, [&] { progress.step(); });
}

Json job_json(const Job& job) {
  return {{"company", job.company ? Json(*job.company) : Json(nullptr)},
          {"role", job.role ? Json(*job.role) : Json(nullptr)}};
}

Json notices_json(const std::vector<Notice>& notices, const char* text_key) {
  Json list = Json::array();
  for (const auto& n : notices) {
    list.push_back({{"file", n.where.file}, {"line", n.where.line}, {text_key, n.message}});
  }
  return list;
}

Json plan_json(const ImportPlan& plan, bool dry_run) {
  Json j = Json::object();
  Json added = Json::array(), updated = Json::array(), changes = Json::array();
  for (const auto& c : plan.added) added.push_back(c.id);
  for (const auto& c : plan.updated) updated.push_back(c.id);
  for (const auto& ch : plan.job_changes) {
    changes.push_back(
        {{"id", ch.id}, {"name", ch.name}, {"from", job_json(ch.from)}, {"to", job_json(ch.to)}});
  }
  j["added"] = std::move(added);
  j["updated"] = std::move(updated);
  j["unchanged"] = plan.unchanged;
  Json matched = Json::array();
  for (const auto& m : plan.matched) {
    matched.push_back({{"id", m.id},
                       {"by", std::string(to_string(m.by))},
                       {"file", m.where.file},
                       {"line", m.where.line}});
  }
  j["matched"] = std::move(matched);
  Json dupes = Json::array();
  for (const auto& d : plan.possible_duplicates) {
    dupes.push_back(
        {{"id", d.id}, {"like", d.like}, {"file", d.where.file}, {"line", d.where.line}});
  }
  j["possible_duplicates"] = std::move(dupes);
  j["job_changes"] = std::move(changes);
  j["skipped"] = notices_json(plan.skipped, "reason");
  j["warnings"] = notices_json(plan.warnings, "message");
  j["interactions"] = {{"added", plan.interactions.size()},
                       {"unchanged", plan.interactions_unchanged}};
  j["profile_updated"] = plan.profile.has_value();
  Json settings = Json::array();
  for (const auto& key : plan.settings_added) settings.push_back(key);
  j["settings_added"] = std::move(settings);
  j["dry_run"] = dry_run;
  return j;
}

std::string job_text(const Job& job) {
  const std::string role = clean(job.role.value_or(""));
  const std::string company = clean(job.company.value_or(""));
  if (role.empty() && company.empty()) return "(none)";
  if (company.empty()) return role;
  if (role.empty()) return company;
  return role + " at " + company;
}

std::string where(const Notice& n) {
  return clean(n.where.file) + (n.where.line > 0 ? ":" + std::to_string(n.where.line) : "");
}

// The added and updated contacts are listed one a line up to kListedInFull;
// a longer list shows its first kListedAtFirst and a count of the rest.
constexpr std::size_t kListedInFull = 20;
constexpr std::size_t kListedAtFirst = 10;

// "2,990"
std::string with_thousands(std::size_t n) {
  std::string digits = std::to_string(n);
  for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
  return digits;
}

// True when the files held records and every one was skipped: not one
// contact, interaction, profile or setting was matched, added or kept.
bool nothing_imported(const ImportPlan& plan) {
  return !plan.skipped.empty() && plan.added.empty() && plan.updated.empty() &&
         plan.unchanged == 0 && plan.interactions.empty() && plan.interactions_unchanged == 0 &&
         !plan.profile && !plan.settings;
}

// "2,950 by url, 30 by email and 10 by name", the most frequent first.
std::string match_reasons(const std::vector<Match>& matched) {
  std::map<MatchedBy, std::size_t> counts;
  for (const auto& m : matched) ++counts[m.by];
  std::vector<std::pair<std::size_t, MatchedBy>> order;
  for (const auto& [by, n] : counts) order.emplace_back(n, by);
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> parts;
  for (const auto& [n, by] : order)
    parts.push_back(with_thousands(n) + " by " + std::string(to_string(by)));
  return natural_list(parts);
}

void print_plan(const ImportPlan& plan, bool dry_run, Context& ctx) {
  const Style style(ctx.color());
  auto heading = [&](const std::string& text) { ctx.out << style(Tone::bold, text) << "\n"; };
  std::map<std::string, MatchedBy, std::less<>> matched_by;
  for (const auto& m : plan.matched) matched_by.emplace(m.id, m.by);
  auto contact_table = [&](const std::vector<Contact>& list) {
    Table table;
    table.set_max_width(2, 50);
    const std::size_t shown = list.size() > kListedInFull ? kListedAtFirst : list.size();
    for (std::size_t i = 0; i < shown; ++i) {
      const Contact& c = list[i];
      std::string job = c.company || c.role ? job_text({c.company, c.role}) : "";
      std::string by;
      if (auto it = matched_by.find(c.id); it != matched_by.end()) {
        by = "by " + std::string(to_string(it->second));
      }
      if (by.empty()) {
        table.add({{c.id, Tone::cyan}, {clean(c.name)}, {job, Tone::dim}});
      } else {
        table.add({{c.id, Tone::cyan}, {clean(c.name)}, {job, Tone::dim}, {by, Tone::dim}});
      }
    }
    table.print(ctx.out, style, "  ");
    if (shown < list.size()) {
      ctx.out << "  … and " << with_thousands(list.size() - shown)
              << " more (`--json` lists every one)\n";
    }
  };
  if (!plan.added.empty()) {
    heading((dry_run ? "Would add " : "Added ") + with_thousands(plan.added.size()) + ":");
    contact_table(plan.added);
  }
  if (!plan.updated.empty()) {
    heading((dry_run ? "Would update " : "Updated ") + with_thousands(plan.updated.size()) + ":");
    contact_table(plan.updated);
  }
  if (!plan.job_changes.empty()) {
    heading("Job changes (a natural reason to write, with no need):");
    Table table;
    for (const auto& ch : plan.job_changes) {
      table.add({{ch.id, Tone::cyan},
                 {clean(ch.name)},
                 {job_text(ch.from) + " → " + job_text(ch.to), Tone::green}});
    }
    table.print(ctx.out, style, "  ");
  }
  if (!plan.skipped.empty()) {
    heading("Skipped " + with_thousands(plan.skipped.size()) + ":");
    Table table;
    for (const auto& n : plan.skipped) table.add({{where(n), Tone::yellow}, {clean(n.message)}});
    table.print(ctx.out, style, "  ");
  }
  std::vector<std::string> parts;
  parts.push_back(with_thousands(plan.added.size()) + " added");
  parts.push_back(with_thousands(plan.updated.size()) + " updated");
  parts.push_back(with_thousands(static_cast<std::size_t>(plan.unchanged)) + " unchanged");
  parts.push_back(with_thousands(plan.skipped.size()) + " skipped");
  if (!plan.interactions.empty() || plan.interactions_unchanged > 0) {
    parts.push_back(with_thousands(plan.interactions.size()) + " interactions added");
  }
  if (plan.profile) parts.push_back("profile updated");
  if (!plan.settings_added.empty()) parts.push_back("settings added: " + join(plan.settings_added));
  ctx.out << (dry_run ? "Dry run, nothing written: " : "") << join(parts) << ".\n";
  if (!plan.matched.empty()) {
    const std::size_t n = plan.matched.size();
    ctx.out << "Recognised " << with_thousands(n) << (n == 1 ? " record" : " records")
            << " as people you have: " << match_reasons(plan.matched) << ".\n";
  }
  if (!plan.possible_duplicates.empty()) {
    const std::size_t n = plan.possible_duplicates.size();
    ctx.out << with_thousands(n) << (n == 1 ? " possible duplicate" : " possible duplicates")
            << " (a name another contact has): see `kith dupes`.\n";
  }
  if (!dry_run && !plan.job_changes.empty()) {
    ctx.out << "Congratulate them: `kith pitch " << plan.job_changes.front().id
            << "` helps with the message.\n";
  }
}

// The policy for a format's company and role: see MergePolicy.
MergePolicy policy_of(ImportFormat format) {
  switch (format) {
    case ImportFormat::linkedin:
      return MergePolicy::update;
    case ImportFormat::vcard:
    case ImportFormat::csv:
      return MergePolicy::fill;
    case ImportFormat::json:
      return MergePolicy::restore;
  }
  return MergePolicy::fill;
}

Result<ImportChoices> choices_of(const ImportOptions& o) {
  ImportChoices choices;
  for (const auto& tag : o.tags) {
    if (auto s = check_text("--tag", tag); !s) return s.error();
    if (text::trim(tag).empty()) return usage_error("--tag: a tag cannot be empty");
  }
  add_values(ListField::tags, choices.tags, o.tags);
  if (o.every) {
    auto d = parse_duration(*o.every, AllowOff::yes);
    if (!d) return Error{ErrorKind::usage, "--every: " + d.error().message, d.error().hint};
    choices.every = *d;
  }
  return choices;
}

int run_import(ImportFormat format, const ImportOptions& o, Context& ctx) {
  auto choices = choices_of(o);
  if (!choices) return ctx.fail(choices.error());
  auto today = ctx.today();
  if (!today) return ctx.fail(today.error());
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  auto batch = read_batch(format, o.files);
  if (!batch) return ctx.fail(batch.error());
  const std::size_t rows =
      batch->records.size() + batch->skipped.size() + batch->interactions.size();
  const MergePolicy policy = policy_of(format);

  std::optional<fsutil::FileLock> lock;
  if (!o.dry_run) {
    auto locked = store->lock_for_write(ctx.lock_options());
    if (!locked) return ctx.fail(locked.error());
    lock.emplace(std::move(*locked));
  }
  auto network = store->load();
  if (!network) return ctx.fail(network.error());
  ctx.report(network->warnings);
  const ImportPlan plan = plan_import(*network, std::move(*batch), policy, *today, *choices);
  for (const auto& w : plan.warnings) ctx.warn(where(w) + ": " + clean(w.message));

  if (!o.dry_run && plan.changes_something()) {
    // A torn month file stops the import before anything is written.
    auto log = store->prepare_append(plan.interactions);
    if (!log) return ctx.fail(log.error());
    const std::size_t writes = plan.added.size() + plan.updated.size() + log->file_count();
    Progress progress(ctx.err, "importing", writes,
                      ctx.env().stderr_is_tty && !ctx.global.quiet && rows > kProgressRows);
    if (auto s = apply(*store, plan, *log, progress); !s) {
      progress.finish();
      return ctx.fail(s.error());
    }
    std::string sources;
    for (const auto& f : o.files)
      sources += (sources.empty() ? "" : ", ") + fs::path(f).filename().string();
    commit_change(ctx, *store,
                  "import: " + std::to_string(plan.added.size()) + " added, " +
                      std::to_string(plan.updated.size()) + " updated, " +
                      std::to_string(plan.interactions.size()) + " interactions from " + sources);
  }
  if (o.json) {
    print_json(ctx.out, plan_json(plan, o.dry_run));
  } else {
    print_plan(plan, o.dry_run, ctx);
  }
  if (nothing_imported(plan)) {
    const std::string n = std::to_string(plan.skipped.size());
    return ctx.fail(data_error(
        "nothing " + std::string(o.dry_run ? "would be" : "was") + " imported: " +
            (plan.skipped.size() == 1 ? "the one record was" : "all " + n + " records were") +
            " skipped",
        "each skipped record is listed with its reason"));
  }
  return 0;
}

}  // namespace

void setup_import(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<ImportOptions>();
  const FormatCommand command{"import", "linkedin, vcard, csv and json",
                              "linkedin|vcard|csv|json FILE",
                              std::shared_ptr<std::vector<std::string>>(o, &o->stray)};
  expect_format(sub, ctx, command);
  struct Leaf {
    ImportFormat format;
    const char* name;
    const char* summary;
    const char* file_help;
    bool many;
  };
  for (const Leaf& leaf : {
           Leaf{ImportFormat::linkedin, "linkedin",
                "LinkedIn's Connections.csv (from its data export)", "The Connections.csv file",
                false},
           Leaf{ImportFormat::vcard, "vcard",
                "vCard 2.1, 3.0 or 4.0 files (.vcf) from any address book or phone",
                "One or more .vcf files", true},
           Leaf{ImportFormat::csv, "csv",
                "A CSV file with kith's columns, or a Google Contacts or Outlook export",
                "The CSV file", false},
           Leaf{ImportFormat::json, "json", "What `kith export json` wrote, interactions included",
                "The JSON file", false},
       }) {
    const ImportFormat format = leaf.format;
    CLI::App* cmd = add_format(sub, ctx, command, leaf.name, leaf.summary,
                               [o, &ctx, format] { return run_import(format, *o, ctx); });
    auto* files = cmd->add_option("FILE", o->files, leaf.file_help)->required();
    if (!leaf.many) files->expected(1);
    if (format != ImportFormat::json) {
      cmd->add_option("--tag", o->tags,
                      "Tag every contact this import adds or recognises (repeatable)")
          ->type_name("T");
      cmd->add_option("--every", o->every,
                      "How often to be in touch with the contacts it adds: 3m, yearly, off…")
          ->type_name("DURATION");
    }
    cmd->add_flag("--dry-run", o->dry_run, "Show what would change and write nothing");
    cmd->add_flag("--json", o->json, "Print what changed as one JSON document");
  }
}

}  // namespace kith::cli
