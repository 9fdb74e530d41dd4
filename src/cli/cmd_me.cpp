// kith me [--name N] [--email E]... [--skill S]... [--interest I]... [--goal G]...
// [--role R] [--json]:
// your own profile. With options it adds to it (`kith edit me` changes or
// removes); without, it shows it.
#include "cli/commands.h"
#include "cli/contact_fields.h"
#include "cli/git_support.h"
#include "cli/output.h"
#include "core/fields.h"

namespace kith::cli {
namespace {

struct MeOptions {
  std::optional<std::string> name;
  std::vector<std::string> emails;
  std::vector<std::string> skills;
  std::vector<std::string> interests;
  std::vector<std::string> goals;
  std::vector<std::string> tags;
  std::optional<std::string> company;
  std::optional<std::string> role;
  std::optional<std::string> location;
  bool json = false;

  bool changes_something() const {
    return name || company || role || location || !emails.empty() || !skills.empty() ||
           !interests.empty() || !goals.empty() || !tags.empty();
  }
};

Status validate(const MeOptions& o) {
  if (o.name) {
    if (auto s = check_text("--name", *o.name); !s) return s;
  }
  for (const auto& email : o.emails) {
    if (auto s = check_email("--email", email); !s) return s;
  }
  for (const auto& [option, values] :
       std::initializer_list<std::pair<const char*, const std::vector<std::string>*>>{
           {"--skill", &o.skills},
           {"--interest", &o.interests},
           {"--goal", &o.goals},
           {"--tag", &o.tags}}) {
    for (const auto& v : *values) {
      if (auto s = check_text(option, v); !s) return s;
    }
  }
  if (o.company) {
    if (auto s = check_text("--company", *o.company); !s) return s;
  }
  if (o.role) {
    if (auto s = check_text("--role", *o.role); !s) return s;
  }
  if (o.location) {
    if (auto s = check_text("--location", *o.location); !s) return s;
  }
  return {};
}

// Nothing at all written down yet. (Profile::empty() is narrower: it is
// about having something to offer, and a profile with only goals is "empty"
// for pitch but still has something to show.)
bool blank(const Profile& p) {
  return p.empty() && p.emails.empty() && p.goals.empty() && p.tags.empty() && !p.company &&
         !p.role && !p.location;
}

void print_profile(const Profile& p, Context& ctx) {
  const Style style(ctx.color());
  if (blank(p)) {
    ctx.out << "Your profile is empty. kith's pitch starts from what you can offer:\n"
            << "  kith me --name \"Your Name\" --skill \"what you know\" --interest \"what you "
               "look for\"\n";
    return;
  }
  ctx.out << style(Tone::bold, p.name.empty() ? "(no name: kith me --name \"…\")" : clean(p.name))
          << "\n";
  Table table;
  auto add = [&](const char* label, const std::string& value, const char* how) {
    table.add({{label, Tone::dim},
               value.empty() ? Cell{std::string("none yet: kith me ") + how, Tone::dim}
                             : Cell{clean(value)}});
  };
  if (!p.emails.empty()) add("emails", join(p.emails), "");
  add("skills", join(p.skills), "--skill S");
  add("interests", join(p.interests), "--interest I");
  add("goals", join(p.goals), "--goal G");
  if (!p.tags.empty()) add("tags", join(p.tags), "");
  if (p.company) add("company", *p.company, "");
  if (p.role) add("role", *p.role, "");
  if (p.location) add("location", *p.location, "");
  table.print(ctx.out, style, "  ");
}

int run_me(const MeOptions& o, Context& ctx) {
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  if (!o.changes_something()) {
    if (auto config = store->load_config(); !config) return ctx.fail(config.error());
    auto profile = store->load_profile();
    if (!profile) return ctx.fail(profile.error());
    if (o.json) {
      print_json(ctx.out, to_json(*profile));
    } else {
      print_profile(*profile, ctx);
    }
    return 0;
  }
  if (auto s = validate(o); !s) return ctx.fail(s.error());
  auto lock = store->lock_for_write(ctx.lock_options());
  if (!lock) return ctx.fail(lock.error());
  auto profile = store->load_profile();
  if (!profile) return ctx.fail(profile.error());
  Profile p = std::move(*profile);
  if (o.name) p.name = *o.name;
  if (o.company) p.company = *o.company;
  if (o.role) p.role = *o.role;
  if (o.location) p.location = *o.location;
  add_values(ListField::emails, p.emails, o.emails);
  add_values(ListField::skills, p.skills, o.skills);
  add_values(ListField::interests, p.interests, o.interests);
  add_values(ListField::goals, p.goals, o.goals);
  add_values(ListField::tags, p.tags, o.tags);
  if (auto s = store->save_profile(p); !s) return ctx.fail(s.error());
  commit_change(ctx, *store, "me: profile");
  if (o.json) {
    print_json(ctx.out, to_json(p));
  } else {
    print_profile(p, ctx);
  }
  ctx.confirm("profile updated");
  return 0;
}

}  // namespace

void setup_me(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<MeOptions>();
  sub.add_option("--name", o->name, "Your name (used in drafts)")->type_name("N");
  sub.add_option("--email", o->emails,
                 "An email address of yours, to tell the mail you send (repeatable)")
      ->type_name("E");
  sub.add_option("--skill", o->skills, "Something you know or can offer (repeatable)")
      ->type_name("S");
  sub.add_option("--interest", o->interests, "Something you care about or look for (repeatable)")
      ->type_name("I");
  sub.add_option("--goal", o->goals, "A goal for your network (repeatable)")->type_name("G");
  sub.add_option("--tag", o->tags, "A tag you share with people, for common ground (repeatable)")
      ->type_name("T");
  sub.add_option("--company", o->company, "Your company, for common ground")->type_name("C");
  sub.add_option("--role", o->role, "Your role, to say who you are in a first message")
      ->type_name("R");
  sub.add_option("--location", o->location, "Where you are, for common ground")->type_name("L");
  sub.add_flag("--json", o->json, "Print the profile as JSON");
  sub.callback([o, &ctx] { ctx.exit_code = run_me(*o, ctx); });
}

}  // namespace kith::cli
