// kith export vcard|csv|json|ics [-o FILE]: give the network back in formats
// other tools read.
#include <algorithm>

#include "cli/commands.h"
#include "cli/format_command.h"
#include "cli/output.h"
#include "core/backup.h"
#include "core/contact_csv.h"
#include "core/ics.h"
#include "core/text.h"
#include "core/vcard.h"

namespace kith::cli {
namespace {

enum class ExportFormat { vcard, csv, json, ics };

struct ExportOptions {
  std::string output;  // empty or "-": standard output
  bool all = false;
  std::vector<std::string> tags;
  std::vector<std::string> stray;  // arguments no format took: an unknown format, an extra one
};

std::vector<Contact> selected(const Network& network, const ExportOptions& o) {
  std::vector<Contact> out;
  for (const Contact& c : network.contacts) {
    if (c.archived && !o.all) continue;
    const bool tagged = std::all_of(o.tags.begin(), o.tags.end(), [&](const std::string& tag) {
      return std::any_of(c.tags.begin(), c.tags.end(),
                         [&](const std::string& t) { return text::terms_match(t, tag); });
    });
    if (tagged) out.push_back(c);
  }
  return out;
}

int run_export(ExportFormat format, const ExportOptions& o, Context& ctx) {
  auto today = ctx.today();
  if (!today) return ctx.fail(today.error());
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  // A backup of everything kith can read: what it cannot is named at the
  // end, and the exit status is 1. A calendar needs the records and the
  // log's summary only, which the read cache holds, as `kith due` reads them.
  const bool summary_only = format == ExportFormat::ics;
  auto network = summary_only ? store->load_records(Reading::around) : store->load(Reading::around);
  if (!network) return ctx.fail(network.error());
  StoreLogSummary log;
  if (summary_only) {
    SummaryOptions whole;
    whole.aliases = alias_map(network->contacts);
    whole.read_around = true;
    auto summary = store->summarize_log(whole);
    if (!summary) return ctx.fail(summary.error());
    log = std::move(*summary);
    network->warnings.insert(network->warnings.end(), log.warnings.begin(), log.warnings.end());
    network->unreadable.insert(network->unreadable.end(), log.unreadable.begin(),
                               log.unreadable.end());
  }
  ctx.report(network->warnings);

  std::string content;
  std::size_t count = 0;
  std::string what = "contacts";
  switch (format) {
    case ExportFormat::vcard: {
      auto contacts = selected(*network, o);
      count = contacts.size();
      content = vcard::write_vcards(contacts);
      break;
    }
    case ExportFormat::csv: {
      auto contacts = selected(*network, o);
      count = contacts.size();
      content = write_contact_csv(contacts);
      break;
    }
    case ExportFormat::json:
      count = network->contacts.size();
      content = export_text(*network);
      break;
    case ExportFormat::ics: {
      auto events = ics::outreach_events(*network, log, *today);
      count = events.size();
      what = "events";
      content = ics::write_calendar(events, *today);
      break;
    }
  }

  if (o.output.empty() || o.output == "-") {
    ctx.out << content;
  } else {
    const fs::path path(o.output);
    if (auto s = fsutil::write_file_atomic(path, content); !s) {
      Error e = s.error();
      e.hint = "check that the directory of --output exists and is writable";
      return ctx.fail(e);
    }
    ctx.confirm("wrote " + std::to_string(count) + " " + what + " to " + clean(o.output));
  }
  if (network->contacts.empty() && network->unreadable.empty()) {
    ctx.confirm(
        "no contacts yet: `kith add NAME` adds one, `kith import` brings them in, and "
        "`kith me` tells kith what you can offer");
  }
  return ctx.served(network->unreadable);
}

}  // namespace

void setup_export(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<ExportOptions>();
  const FormatCommand command{"export", "vcard, csv, json and ics", "vcard|csv|json|ics [-o FILE]",
                              std::shared_ptr<std::vector<std::string>>(o, &o->stray)};
  expect_format(sub, ctx, command);
  struct Leaf {
    ExportFormat format;
    const char* name;
    const char* summary;
    bool select;  // takes --all and --tag
  };
  for (const Leaf& leaf : {
           Leaf{ExportFormat::vcard, "vcard", "Contacts as one vCard 4.0 file (.vcf)", true},
           Leaf{ExportFormat::csv, "csv", "Contacts as CSV with kith's columns", true},
           Leaf{ExportFormat::json, "json", "Everything, for backups and `kith import json`",
                false},
           Leaf{ExportFormat::ics, "ics",
                "Due outreach, follow-ups and birthdays as an iCalendar file", false},
       }) {
    const ExportFormat format = leaf.format;
    CLI::App* cmd = add_format(sub, ctx, command, leaf.name, leaf.summary,
                               [o, &ctx, format] { return run_export(format, *o, ctx); });
    cmd->add_option("-o,--output", o->output, "Write to FILE (atomically, mode 0600), not stdout")
        ->type_name("FILE");
    if (leaf.select) {
      cmd->add_flag("--all", o->all, "Include archived contacts");
      cmd->add_option("--tag", o->tags, "Only contacts with this tag (repeatable: all must match)")
          ->type_name("T");
    }
  }
}

}  // namespace kith::cli
