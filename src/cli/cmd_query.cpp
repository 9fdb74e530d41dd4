// kith query [TEXT...] [--all] [--json]: the email addresses of the contacts
// TEXT finds, for a mail client's address completion: mutt's and neomutt's
// query_command, aerc's address-book-cmd. The protocol is mutt's: a first
// line for the user, then one line per address, "email<TAB>name<TAB>extra";
// no address found is a non-zero exit status, as mutt asks.
#include "cli/commands.h"
#include "cli/output.h"
#include "core/address_query.h"
#include "core/english.h"
#include "core/text.h"

namespace kith::cli {
namespace {

struct QueryOptions {
  std::vector<std::string> words;  // TEXT: what the mail client passes, maybe split at spaces
  bool all = false;
  bool json = false;
};

// `s` as one field of a line of the protocol: every control character (a
// tab, a line break, an escape…) made a space, and what cannot be shown made
// "�" (text::sanitize_for_terminal), trimmed. A name with a tab in it must
// not start a new field, nor one with a line break a new line.
std::string field_text(std::string_view s) {
  std::string spaced(s);
  for (char& ch : spaced) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte < 0x20 || byte == 0x7f) ch = ' ';
  }
  return std::string(text::trim(text::sanitize_for_terminal(spaced)));
}

// The first line: what the mail client shows about the answer.
std::string status_line(const AddressQuery& result, const std::string& text) {
  const std::string quoted = "'" + field_text(text) + "'";
  if (!result.lines.empty()) {
    const auto n = static_cast<long long>(result.lines.size());
    return "kith: " + (text.empty() ? plural(n, "address", "addresses")
                                    : plural(n, "match", "matches") + " for " + quoted);
  }
  if (const auto n = result.contacts_without_email; n > 0) {
    return "kith: no address for " + quoted + ": " +
           plural(static_cast<long long>(n), "contact matches but has", "contacts match but have") +
           " no email";
  }
  return text.empty() ? "kith: no contact has an email" : "kith: no match for " + quoted;
}

int run_query(const QueryOptions& o, Context& ctx) {
  std::string text;
  for (const auto& word : o.words) text += (text.empty() ? "" : " ") + word;
  text = std::string(text::trim(text));
  auto store = ctx.store();
  if (!store) return ctx.fail(store.error());
  if (auto config = store->load_config(); !config) return ctx.fail(config.error());
  std::vector<Unreadable> unreadable;  // left out, and named at the end
  std::vector<std::string> latin;      // each name transliterated, from the read cache
  auto contacts = store->load_contacts(&latin, &unreadable);
  if (!contacts) return ctx.fail(contacts.error());

  const AddressQuery result = query_addresses(*contacts, latin, text, o.all);
  if (o.json) {
    Json array = Json::array();
    for (const AddressLine& line : result.lines) {
      Json j = Json::object();
      j["email"] = line.email;
      j["name"] = line.name;
      j["extra"] = line.extra;
      j["id"] = line.id;
      array.push_back(std::move(j));
    }
    print_json(ctx.out, array);
  } else {
    std::string out = status_line(result, text) + "\n";
    for (const AddressLine& line : result.lines) {
      const std::string email = field_text(line.email);
      if (email.empty()) continue;
      std::string name = field_text(line.name);
      // An empty name would let mutt read the extra as the name.
      if (name.empty()) name = line.id;
      out += email + "\t" + name + "\t" + field_text(line.extra) + "\n";
    }
    ctx.out << out;
  }
  const int served = ctx.served(unreadable);
  return result.lines.empty() ? 1 : served;
}

}  // namespace

void setup_query(CLI::App& sub, Context& ctx) {
  auto o = std::make_shared<QueryOptions>();
  sub.add_option("TEXT", o->words,
                 "Part of a name, id, email or company (words are joined with spaces; none: "
                 "everyone)");
  sub.add_flag("--all", o->all, "Include archived contacts");
  sub.add_flag("--json", o->json,
               "Print the addresses as a JSON array of {email, name, extra, id}");
  sub.callback([o, &ctx] { ctx.exit_code = run_query(*o, ctx); });
}

}  // namespace kith::cli
