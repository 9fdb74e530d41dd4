// kith pitch CONTACT [--ask TEXT] [--tone TONE] [--template FILE] [--intros N]
// [--copy] [--json]: why this person would want to hear from you, and a
// draft message.
#include <charconv>

#include "cli/clipboard.h"
#include "cli/commands.h"
#include "cli/contact_fields.h"
#include "cli/output.h"
#include "core/contacts.h"
#include "core/english.h"
#include "core/pitch.h"
#include "core/text.h"

namespace kith::cli {
namespace {

struct PitchCliOptions {
  std::string contact;
  std::optional<std::string> ask;
  std::optional<std::string> template_file;
  std::string intros = "3";
  std::string tone = "warm";
  bool copy = false;
  bool json = false;
};

constexpr std::size_t kWrapWidth = 78;
constexpr std::size_t kMaxIntros = 1000;

Result<std::size_t> parse_intros(const std::string& s) {
  std::size_t n = 0;
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, n);
  if (s.empty() || ec != std::errc() || ptr != end || n > kMaxIntros) {
    return usage_error("bad --intros '" + clean(s) + "': expected a whole number from 0 to " +
                       std::to_string(kMaxIntros));
  }
  return n;
}

Result<DraftTemplate> load_template(const std::string& file) {
  auto content = fsutil::read_file(file);
  if (!content) {
    return usage_error(content.error().message, "check the file given to --template");
  }
  if (!*content) {
    return usage_error("cannot read template " + clean(file) + ": no such file",
                       "check the file given to --template");
  }
  return parse_template(**content, file);
}

// Words of `s` on lines of at most `width` columns; lines after the first
// start with `indent`. A command in backticks is kept on one line; a word
// wider than the line gets a line of its own.
std::string wrap(std::string_view s, std::size_t width, std::string_view indent) {
  std::string out;
  std::size_t column = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i == s.size()) break;
    std::size_t end = i;
    bool quoted = false;
    while (end < s.size() && (quoted || s[end] != ' ')) {
      if (s[end] == '`') quoted = !quoted;
      ++end;
    }
    const std::string_view word = s.substr(i, end - i);
    const std::size_t w = text::display_width(word);
    if (column > 0 && column + 1 + w > width) {
      out += "\n";
      out += indent;
      column = text::display_width(indent);
    } else if (column > 0) {
      out += ' ';
      ++column;
    }
    out += word;
    column += w;
    i = end;
  }
  return out;
}

void heading(Context& ctx, const Style& style, const std::string& title) {
  ctx.out << "\n" << style(Tone::bold, title) << "\n";
}

void hint_line(Context& ctx, const Style& style, const std::string& s) {
  ctx.out << "  " << style(Tone::dim, wrap(clean(s), kWrapWidth - 2, "  ")) << "\n";
}

void print_pitch(const Pitch& p, const Contact& c, const Profile& me, const PitchCliOptions& o,
                 std::size_t max_intros, Context& ctx) {
  const Style style(ctx.color());
  const std::string f = clean(p.first_name);

  ctx.out << style(Tone::bold, "Pitch for " + clean(p.name)) << "  "
          << style(Tone::dim, "(" + p.id + ")") << "\n";
  std::string headline;
  if (c.role) headline = clean(*c.role);
  if (c.company) headline += (headline.empty() ? "" : " at ") + clean(*c.company);
  if (c.location) headline += (headline.empty() ? "" : " · ") + clean(*c.location);
  if (!headline.empty()) ctx.out << "  " << headline << "\n";

  if (!p.owed.empty()) {
    heading(ctx, style, "What you owe " + f);
    for (const auto& owed : p.owed) {
      const std::string when = "promised " + format_date(owed.date) +
                               (owed.by ? ", due " + format_date(*owed.by) : std::string()) + ": ";
      ctx.out << "  " << clean(owed.text) << "\n    " << style(Tone::dim, when)
              << style(owed.days_late > 0 ? Tone::yellow : Tone::plain,
                       lateness_phrase(owed.days_late))
              << "\n";
    }
  }

  heading(ctx, style, "What you can offer " + f);
  if (!p.offers.empty()) {
    std::vector<std::string> help;
    std::vector<std::string> trade;
    for (const auto& offer : p.offers) (offer.theirs ? trade : help).push_back(offer.skill);
    if (!help.empty()) ctx.out << "  " << style(Tone::green, clean(join(help))) << "\n";
    if (!trade.empty()) {
      ctx.out << "  " << style(Tone::green, clean(join(trade)))
              << style(Tone::dim, "  (" + f + " knows it too: trade notes)") << "\n";
    }
  } else if (me.skills.empty()) {
    hint_line(ctx, style, "nothing yet: add your skills with `kith me --skill \"what you know\"`");
  } else if (c.interests.empty()) {
    hint_line(ctx, style,
              "nothing yet: no interests recorded for " + f + " (`kith edit " + p.id +
                  " --interest \"what they look for\"`)");
  } else {
    hint_line(ctx, style,
              "none of your skills matches " + f + "'s interests (" + join(c.interests) + ")");
  }

  heading(ctx, style, "People " + f + " might want to meet");
  if (!p.introductions.empty()) {
    Table table;
    for (const auto& intro : p.introductions) {
      table.add({{clean(intro.name)},
                 {clean(join(intro.topics)), Tone::green},
                 {std::string(to_string(intro.warmth)),
                  intro.warmth == Warmth::warm ? Tone::plain : Tone::dim},
                 {intro.id, Tone::dim}});
    }
    table.print(ctx.out, style, "  ");
  } else if (max_intros == 0) {
    hint_line(ctx, style, "not shown (--intros 0)");
  } else if (c.interests.empty()) {
    hint_line(ctx, style, "nobody yet: no interests recorded for " + f);
  } else {
    hint_line(ctx, style,
              "nobody in your network, apart from those " + f +
                  " already met through you, has a skill among " + f + "'s interests");
  }

  heading(ctx, style, "What " + f + " can offer you");
  if (!p.they_can_offer_you.empty()) {
    ctx.out << "  " << clean(join(p.they_can_offer_you)) << "\n";
  } else if (me.interests.empty()) {
    hint_line(ctx, style,
              "nothing yet: add your interests with `kith me --interest \"what you look for\"`");
  } else if (c.skills.empty()) {
    hint_line(ctx, style,
              "nothing yet: no skills recorded for " + f + " (`kith edit " + p.id +
                  " --skill \"what they know\"`)");
  } else {
    hint_line(ctx, style, "none of " + f + "'s skills matches your interests");
  }

  heading(ctx, style, "Common ground");
  if (p.common_ground.empty()) {
    hint_line(ctx, style,
              "nothing recorded (tags, interests, skills, companies, location, people met "
              "together, how you met)");
  } else {
    for (const auto& g : p.common_ground) {
      ctx.out << "  " << wrap(clean(describe(g)), kWrapWidth - 2, "    ") << "\n";
    }
  }

  heading(ctx, style, "Balance");
  const Balance& b = p.balance;
  if (!b.last) {
    hint_line(ctx, style, "no interactions yet");
  } else {
    ctx.out << "  " << style(Tone::green, plural(b.gives, "give", "gives")) << " · "
            << plural(b.catch_ups, "catch-up", "catch-ups") << " · "
            << style(b.asks > b.gives ? Tone::yellow : Tone::plain, plural(b.asks, "ask", "asks"))
            << "\n";
    const Tone tone = b.last->intent == Intent::give  ? Tone::green
                      : b.last->intent == Intent::ask ? Tone::yellow
                                                      : Tone::plain;
    ctx.out << "  last: " << style(tone, std::string(to_string(b.last->intent))) << " ("
            << clean(b.last->kind) << ") on " << format_date(b.last->date);
    const int days = p.timing.days_since_last.value_or(0);
    ctx.out << style(Tone::dim, ", " + (days == 0   ? std::string("today")
                                        : days == 1 ? std::string("yesterday")
                                                    : plural(days, "day", "days") + " ago"));
    if (p.timing.recent) ctx.out << style(Tone::dim, ": recent, so no new meeting yet");
    ctx.out << "\n  " << std::string(to_string(b.warmth))
            << style(Tone::dim,
                     b.warmth == Warmth::warm     ? " (a give or catch-up within the cadence)"
                     : b.warmth == Warmth::lapsed ? " (no give or catch-up within the cadence)"
                                                  : " (no give or catch-up yet)")
            << "\n";
  }

  if (p.occasion) {
    heading(ctx, style, "Occasion");
    const PitchOccasion& occasion = *p.occasion;
    const std::string when = occasion.kind == Occasion::Kind::job_change
                                 ? ", seen " + format_date(occasion.date)
                                 : " on " + format_date(occasion.date);
    ctx.out << "  " << style(Tone::green, wrap(clean(occasion.text) + when, kWrapWidth - 2, "  "))
            << "\n";
  }

  heading(ctx, style, "Advice");
  // What you owe and "lead with a give" come first, marked.
  const std::size_t marked = (p.owed.empty() ? 0 : 1) + (p.give_first.any() ? 1 : 0);
  for (std::size_t i = 0; i < p.advice.size(); ++i) {
    const std::string line = wrap(clean(p.advice[i]), kWrapWidth - 4, "    ");
    ctx.out << "  " << (i < marked ? style(Tone::yellow, "!") : "-") << " " << line << "\n";
  }

  std::string rule;
  for (std::size_t i = 0; i < kWrapWidth; ++i) rule += "─";
  heading(ctx, style,
          o.template_file             ? "Draft (from " + clean(*o.template_file) + ")"
          : p.tone == DraftTone::warm ? std::string("Draft")
                                      : "Draft (" + std::string(to_string(p.tone)) + ")");
  ctx.out << style(Tone::dim, rule) << "\n";
  std::size_t start = 0;
  const std::string& d = p.draft;
  while (start <= d.size()) {
    std::size_t end = d.find('\n', start);
    if (end == std::string::npos) end = d.size();
    ctx.out << clean(std::string_view(d).substr(start, end - start)) << "\n";
    start = end + 1;
  }
  ctx.out << style(Tone::dim, rule) << "\n";
}

int run_pitch(const PitchCliOptions& o, Context& ctx) {
  // Everything the command line says is checked before any file is read.
  auto intros = parse_intros(o.intros);
  if (!intros) return ctx.fail(intros.error());
  PitchOptions options;
  options.max_intros = *intros;
  if (o.ask) {
    if (auto s = check_text("--ask", *o.ask); !s) return ctx.fail(s.error());
    options.ask = *o.ask;
  }
  if (auto tone = parse_draft_tone(o.tone)) {
    options.tone = *tone;
  } else {
    return ctx.fail(usage_error("bad --tone '" + clean(o.tone) + "'", "use warm, brief or formal"));
  }
  if (o.template_file) {
    auto tmpl = load_template(*o.template_file);
    if (!tmpl) return ctx.fail(tmpl.error());
    options.draft_template = std::move(*tmpl);
  }
  auto today = ctx.today();
  if (!today) return ctx.fail(today.error());
  // With --copy, a way to copy must exist before anything is printed: the
  // terminal (OSC 52) on stdout or stderr, or a clipboard program.
  const Environment& env = ctx.env();
  std::ostream* terminal = env.stdout_is_tty ? &ctx.out : env.stderr_is_tty ? &ctx.err : nullptr;
  if (o.copy && !(terminal && terminal_takes_osc52(env)) && clipboard_program(env).empty()) {
    return ctx.fail(
        io_error("cannot copy the draft: no terminal that takes OSC 52 (stdout and "
                 "stderr are not one, or TERM is dumb or linux), and neither wl-copy "
                 "nor xclip is there for a display (WAYLAND_DISPLAY, DISPLAY)",
                 "run it in a terminal, or take the draft from `kith pitch " + clean(o.contact) +
                     " --json | jq -r .draft`"));
  }

  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  // Other contacts, your profile and log lines that cannot be read are left
  // out of the pitch and named at the end (exit 1); the contact's own file
  // must be read.
  auto network = store->load_records(Reading::around);
  if (!network) return ctx.fail(network.error());
  SummaryOptions summary;
  summary.aliases = alias_map(network->contacts);
  summary.read_around = true;
  auto log = store->summarize_log(summary);
  if (!log) return ctx.fail(log.error());
  ctx.report(log->warnings);
  std::vector<Unreadable>& unreadable = network->unreadable;
  unreadable.insert(unreadable.end(), log->unreadable.begin(), log->unreadable.end());
  if (network->contacts.empty() && unreadable.empty()) {
    return ctx.fail(usage_error("no contacts yet, so nobody to pitch",
                                "add one with `kith add NAME --interest …`, and say what you offer "
                                "with `kith me --skill …`"));
  }
  auto found = resolve_contact(network->contacts, o.contact, Scope::active, unreadable);
  if (!found) return ctx.fail(found.error());
  const Contact& contact = **found;

  // The log as summaries, and the contact's own interactions in full (for
  // the last one), so that the whole history is never held in memory.
  std::vector<std::string> warnings;
  auto own = store->load_interactions_of(contact.id, warnings, contact.aliases, &unreadable);
  if (!own) return ctx.fail(own.error());
  const Pitch pitch = make_pitch(*network, log->history, *own, contact, *today, options);
  if (o.json) {
    print_json(ctx.out, to_json(pitch));
  } else {
    print_pitch(pitch, contact, network->profile, o, options.max_intros, ctx);
  }
  if (o.copy) {
    ctx.out.flush();
    const CopyResult copied = copy_to_clipboard(env, terminal, pitch.draft);
    if (copied.ways.empty()) {
      return ctx.fail(io_error("cannot copy the draft: " + join(copied.problems, "; ")));
    }
    for (const auto& problem : copied.problems) ctx.warn(problem);
    ctx.confirm("copied the draft through " + join(copied.ways, " and "));
  }
  return ctx.served(unreadable);
}

}  // namespace

void setup_pitch(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<PitchCliOptions>();
  sub.add_option("CONTACT", o->contact, "Id, id prefix, part of the name, or email")->required();
  sub.add_option("--ask", o->ask, "Something you want to ask for; the draft puts it after the give")
      ->type_name("TEXT");
  sub.add_option("--tone", o->tone, "The draft's register: warm (default), brief or formal")
      ->type_name("TONE:{warm,brief,formal}");
  sub.add_option("--template", o->template_file,
                 "Draft from FILE, with placeholders such as {{first_name}} {{offer}} {{owed}} "
                 "(kith-pitch(1) lists them)")
      ->type_name("FILE");
  sub.add_option("--intros", o->intros, "How many introductions to suggest (default 3)")
      ->type_name("N");
  sub.add_flag("--copy", o->copy,
               "Also put the draft on the clipboard (OSC 52, else wl-copy or xclip)");
  sub.add_flag("--json", o->json, "Print the pitch as JSON");
  sub.callback([o, &ctx] { ctx.exit_code = run_pitch(*o, ctx); });
}

}  // namespace kith::cli
