// kith snooze CONTACT --until DATE and kith unsnooze CONTACT: keep a contact
// out of `kith due` until a date, or bring it back now.
#include "cli/actions.h"
#include "cli/commands.h"
#include "cli/contact_change.h"
#include "cli/output.h"

namespace kith::cli {

Result<Date> parse_snooze_until(std::string_view text, Date today, std::string_view option) {
  const std::string name(option);
  const std::string flag = option.starts_with("--") ? name + " " : "";
  auto until = parse_date(text, today, DateDirection::future);
  if (!until)
    return Error{ErrorKind::usage, name + ": " + until.error().message, until.error().hint};
  if (*until <= today) {
    return usage_error(
        name + ": " + format_date(*until) + " is not after today (" + format_date(today) + ")",
        "snooze until a future date, e.g. " + flag + "+1m or " + flag + "2027-01-15");
  }
  return until;
}

int snooze_contact(Context& ctx, std::string_view ref, Date until) {
  return change_contact(ctx, "snooze", ref, Scope::active, [until](Contact& c) {
    if (c.snoozed_until == until) {
      return Change{false, contact_label(c) + " is already snoozed until " + format_date(until)};
    }
    std::string was;
    if (c.snoozed_until) was = " (was " + format_date(*c.snoozed_until) + ")";
    c.snoozed_until = until;
    return Change{true, "snoozed " + contact_label(c) + " until " + format_date(until) + was};
  });
}

namespace {

struct SnoozeOptions {
  std::string contact;
  std::string until;
};

int run_snooze(const SnoozeOptions& o, Context& ctx) {
  auto today = ctx.today();
  if (!today) return ctx.fail(today.error());
  auto until = parse_snooze_until(o.until, *today, "--until");
  if (!until) return ctx.fail(until.error());
  return snooze_contact(ctx, o.contact, *until);
}

struct UnsnoozeOptions {
  std::string contact;
};

int run_unsnooze(const UnsnoozeOptions& o, Context& ctx) {
  auto today = ctx.today();
  if (!today) return ctx.fail(today.error());
  const Date now = *today;
  return change_contact(ctx, "unsnooze", o.contact, Scope::all, [now](Contact& c) {
    if (!c.snoozed_until) return Change{false, contact_label(c) + " is not snoozed"};
    const bool was_active = *c.snoozed_until > now;
    const std::string until = format_date(*c.snoozed_until);
    c.snoozed_until.reset();
    if (!was_active) {
      return Change{true,
                    "cleared the snooze of " + contact_label(c) + ", which ended on " + until};
    }
    return Change{true, "unsnoozed " + contact_label(c) + "; it was snoozed until " + until};
  });
}

}  // namespace

void setup_snooze(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<SnoozeOptions>();
  sub.add_option("CONTACT", o->contact, "Id, id prefix, part of the name, or email")->required();
  sub.add_option("--until", o->until,
                 "Keep them out of `kith due` until this date (YYYY-MM-DD, +2w, +3m, friday…)")
      ->type_name("DATE")
      ->required();
  sub.callback([o, &ctx] { ctx.exit_code = run_snooze(*o, ctx); });
}

void setup_unsnooze(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<UnsnoozeOptions>();
  sub.add_option("CONTACT", o->contact, "Id, id prefix, part of the name, or email")->required();
  sub.callback([o, &ctx] { ctx.exit_code = run_unsnooze(*o, ctx); });
}

}  // namespace kith::cli
