#include "bench/gen.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string_view>

#include <sys/stat.h>

#include "core/contacts.h"
#include "core/text.h"
#include "core/transliterate.h"

namespace kith::bench {
namespace {

namespace fs = std::filesystem;

// SplitMix64: tiny, fast, and the same sequence everywhere.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); n > 0.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  // Uniform in [lo, hi].
  int between(int lo, int hi) {
    return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1)));
  }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
  double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
  template <class T, std::size_t N>
  const T& pick(const std::array<T, N>& items) {
    return items[below(N)];
  }

 private:
  std::uint64_t state_;
};

constexpr std::array<std::string_view, 64> kFirst = {
    "Ada",      "José",   "Amélie", "Björn",     "Zoë",     "Priya",  "Kwame",   "Hana",
    "Matteo",   "Sofia",  "Tomasz", "Daniel",    "Rafael",  "Chloé",  "Søren",   "Łukasz",
    "Grace",    "Alan",   "Linus",  "Margaret",  "Barbara", "Ken",    "Dennis",  "Frances",
    "Radia",    "Edsger", "Donald", "Leslie",    "Shafi",   "Silvio", "Niklaus", "Anita",
    "Yukihiro", "Guido",  "Bjarne", "Katherine", "Hedy",    "Jean",   "Sophie",  "Ingrid",
    "Aisha",    "Omar",   "Mei",    "Wei",       "Lucía",   "Mateus", "Olga",    "Ivan",
    "Fatima",   "Yusuf",  "Nadia",  "Kofi",      "Ama",     "Lars",   "Emma",    "Noah",
    "Liam",     "Mia",    "Élodie", "Gonçalo",   "Ayşe",    "Mehmet", "Siobhán", "Ciarán"};
constexpr std::array<std::string_view, 64> kLast = {
    "Lovelace", "Núñez",      "Dubois",     "Halvorsen",  "Achterberg", "Raman",   "Asante",
    "Kovač",    "Rossi",      "Ferreira",   "Wójcik",     "Oyelaran",   "Mendes",  "Hopper",
    "Turing",   "Torvalds",   "Hamilton",   "Liskov",     "Thompson",   "Ritchie", "Allen",
    "Perlman",  "Dijkstra",   "Knuth",      "Lamport",    "Goldwasser", "Micali",  "Wirth",
    "Borg",     "Matsumoto",  "van Rossum", "Stroustrup", "Johnson",    "Lamarr",  "Sammet",
    "Wilson",   "Daubechies", "Khan",       "Haddad",     "Chen",       "Zhang",   "García",
    "Costa",    "Petrova",    "Ivanov",     "Hassan",     "Yilmaz",     "Mensah",  "Boateng",
    "Larsen",   "Schmidt",    "Müller",     "Bernard",    "Martin",     "Öztürk",  "Kaya",
    "Murphy",   "O'Brien",    "Kelly",      "Walsh",      "Nakamura",   "Sato",    "Kim",
    "Park"};
constexpr std::array<std::string_view, 6> kNonLatin = {"李小龙",       "王菲",     "Дмитрий Петров",
                                                       "Νίκος Παππάς", "山田太郎", "김민준"};
constexpr std::array<std::string_view, 40> kCompanies = {"Acme",
                                                         "Gridwise",
                                                         "Northwind",
                                                         "Globex",
                                                         "Initech",
                                                         "Umbrella",
                                                         "Hooli",
                                                         "Pied Piper",
                                                         "Stark Industries",
                                                         "Wayne Enterprises",
                                                         "Cyberdyne",
                                                         "Tyrell",
                                                         "Soylent",
                                                         "Vandelay",
                                                         "Wonka",
                                                         "Aperture",
                                                         "Black Mesa",
                                                         "Oscorp",
                                                         "Massive Dynamic",
                                                         "Dunder Mifflin",
                                                         "Prestige Worldwide",
                                                         "Monarch",
                                                         "Blue Sun",
                                                         "Weyland",
                                                         "Zorg",
                                                         "Nakatomi",
                                                         "Gringotts",
                                                         "Ollivanders",
                                                         "Duff",
                                                         "Krusty",
                                                         "Sirius Cybernetics",
                                                         "Veidt",
                                                         "Rekall",
                                                         "InGen",
                                                         "Genco",
                                                         "Bluth",
                                                         "Sterling Cooper",
                                                         "Los Pollos",
                                                         "Mom's Friendly Robots",
                                                         "Planet Express"};
constexpr std::array<std::string_view, 20> kRoles = {"Software Engineer",
                                                     "Staff Engineer",
                                                     "Engineering Manager",
                                                     "CTO",
                                                     "Product Manager",
                                                     "Data Scientist",
                                                     "Designer",
                                                     "Site Reliability Engineer",
                                                     "Recruiter",
                                                     "Founder",
                                                     "VP Engineering",
                                                     "Researcher",
                                                     "Developer Advocate",
                                                     "Security Engineer",
                                                     "Architect",
                                                     "Consultant",
                                                     "Investor",
                                                     "Technical Writer",
                                                     "QA Lead",
                                                     "Student"};
constexpr std::array<std::string_view, 25> kLocations = {
    "Berlin", "Lisbon", "London",    "Paris",   "Amsterdam", "Oslo",      "Warsaw",
    "Zagreb", "Milan",  "Lagos",     "Accra",   "Nairobi",   "Bangalore", "Singapore",
    "Tokyo",  "Seoul",  "São Paulo", "Toronto", "New York",  "Austin",    "Seattle",
    "Dublin", "Madrid", "Zürich",    "Remote"};
constexpr std::array<std::string_view, 20> kTags = {
    "mentor",  "ex-colleague", "meetup",    "conference", "university", "client", "investor",
    "friend",  "open-source",  "recruiter", "founder",    "neighbour",  "rust",   "python",
    "climate", "fintech",      "health",    "design",     "speaker",    "alumni"};
constexpr std::array<std::string_view, 60> kTopics = {"Rust",
                                                      "Python",
                                                      "C++",
                                                      "Go",
                                                      "TypeScript",
                                                      "Kubernetes",
                                                      "observability",
                                                      "on-call",
                                                      "incident response",
                                                      "public speaking",
                                                      "technical writing",
                                                      "climate tech",
                                                      "fundraising",
                                                      "hiring",
                                                      "machine learning",
                                                      "data engineering",
                                                      "compilers",
                                                      "databases",
                                                      "security",
                                                      "cryptography",
                                                      "distributed systems",
                                                      "product management",
                                                      "UX research",
                                                      "design systems",
                                                      "accessibility",
                                                      "mentoring",
                                                      "career change",
                                                      "startups",
                                                      "venture capital",
                                                      "open source",
                                                      "embedded",
                                                      "robotics",
                                                      "game development",
                                                      "music tech",
                                                      "fintech",
                                                      "payments",
                                                      "health tech",
                                                      "bioinformatics",
                                                      "education",
                                                      "remote work",
                                                      "management",
                                                      "staff engineering",
                                                      "SRE",
                                                      "cloud costs",
                                                      "FinOps",
                                                      "mobile",
                                                      "Android",
                                                      "iOS",
                                                      "frontend",
                                                      "WebAssembly",
                                                      "graph databases",
                                                      "search",
                                                      "NLP",
                                                      "computer vision",
                                                      "energy markets",
                                                      "grid forecasting",
                                                      "supply chain",
                                                      "logistics",
                                                      "legal tech",
                                                      "negotiation"};
constexpr std::array<std::string_view, 9> kKinds = {"coffee",  "lunch",   "call",  "video", "email",
                                                    "message", "meeting", "event", "intro"};
constexpr std::array<std::string_view, 8> kHowMet = {
    "Colleague at {c}",         "Met at a meetup in {l}",
    "Conference hallway track", "Introduced by a friend",
    "University, same lab",     "Open-source project",
    "Reached out on a forum",   "Neighbour"};
constexpr std::array<std::string_view, 10> kNotes = {
    "Talked about {t}.",
    "Wants an intro to someone in {t}.",
    "Sent them an article on {t}.",
    "Compared notes on {t}; promised to keep in touch.",
    "Asked for advice on {t}.",
    "They are hiring for {t}.",
    "Shared a conference talk on {t}.",
    "Caught up over coffee; new job soon.",
    "Introduced them to a {t} person.",
    "Long chat about {t} and family."};

std::string replace(std::string_view pattern, std::string_view key, std::string_view value) {
  std::string out(pattern);
  if (auto at = out.find(key); at != std::string::npos) out.replace(at, key.size(), value);
  return out;
}

std::string ascii_slug(std::string_view s) { return text::slugify(s, 40); }

template <std::size_t N>
std::vector<std::string> some(Rng& rng, const std::array<std::string_view, N>& pool, int lo,
                              int hi) {
  std::vector<std::string> out;
  const int n = rng.between(lo, hi);
  for (int k = 0; k < n; ++k) {
    std::string item(rng.pick(pool));
    if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(std::move(item));
  }
  return out;
}

Contact make_contact(Rng& rng, Date today, const std::set<std::string, std::less<>>& taken,
                     const text::Transliterator& transliterator) {
  Contact c;
  if (rng.chance(1)) {
    c.name = std::string(rng.pick(kNonLatin));
  } else {
    c.name = std::string(rng.pick(kFirst)) + " " + std::string(rng.pick(kLast));
  }
  c.id = allocate_id(c.name, taken, transliterator);
  const std::string company(rng.pick(kCompanies));
  const std::string location(rng.pick(kLocations));
  if (rng.chance(85)) {
    std::string email = c.id;
    std::replace(email.begin(), email.end(), '-', '.');
    c.emails.push_back(email + "@" + ascii_slug(company) + ".example");
    if (rng.chance(20)) c.emails.push_back(email + "@mail.example");
  }
  if (rng.chance(40)) {
    char phone[32];
    std::snprintf(phone, sizeof phone, "+%d %d 555 %04d", rng.between(1, 99), rng.between(10, 999),
                  rng.between(0, 9999));
    c.phones.push_back(phone);
  }
  if (rng.chance(80)) c.company = company;
  if (rng.chance(70)) c.role = std::string(rng.pick(kRoles));
  if (rng.chance(75)) c.location = location;
  if (rng.chance(30)) c.links.push_back("https://example.org/" + c.id);
  c.tags = some(rng, kTags, 0, 3);
  c.skills = some(rng, kTopics, 1, 5);
  c.interests = some(rng, kTopics, 0, 3);
  if (rng.chance(60)) {
    c.how_met = replace(replace(rng.pick(kHowMet), "{c}", company), "{l}", location);
  }
  // Added at some point in the ten years before today.
  c.added_on = today - date::days{rng.between(1, 3650)};
  if (rng.chance(50)) c.met_on = c.added_on - date::days{rng.between(0, 2000)};
  if (rng.chance(30)) {
    static constexpr std::array<std::string_view, 7> every = {"2w", "monthly", "6w", "quarterly",
                                                              "6m", "yearly",  "off"};
    c.every = *parse_duration(rng.pick(every), AllowOff::yes);
  }
  if (rng.chance(40)) {
    Birthday b;
    if (rng.chance(50)) b.year = rng.between(1950, 2004);
    b.month = static_cast<unsigned>(rng.between(1, 12));
    b.day = static_cast<unsigned>(rng.between(1, 28));
    c.birthday = b;
  }
  if (rng.chance(50)) c.notes = replace(rng.pick(kNotes), "{t}", rng.pick(kTopics));
  c.archived = rng.chance(3);
  if (!c.archived && rng.chance(2)) c.snoozed_until = today + date::days{rng.between(1, 120)};
  return c;
}

std::chrono::system_clock::time_point at(Date d, int seconds) {
  return std::chrono::system_clock::time_point(d) + std::chrono::seconds(seconds);
}

void write_text(const fs::path& file, std::string_view content, Status& status) {
  if (!status) return;
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) {
    status = io_error("cannot write " + file.string());
    return;
  }
  ::chmod(file.c_str(), 0600);
}

}  // namespace

Network generate(const GenParams& params) {
  Rng rng(params.seed);
  Network n;
  n.profile.name = "Bench Mark";
  n.profile.skills = {"Rust", "distributed systems", "public speaking", "hiring", "mentoring"};
  n.profile.interests = {"climate tech", "fundraising", "compilers", "technical writing"};
  n.profile.goals = {"Meet one new person a month"};

  std::set<std::string, std::less<>> taken;
  const text::Transliterator transliterator;
  n.contacts.reserve(params.contacts);
  for (std::size_t k = 0; k < params.contacts; ++k) {
    Contact c = make_contact(rng, params.today, taken, transliterator);
    taken.insert(c.id);
    n.contacts.push_back(std::move(c));
  }

  // Who gets the interactions: a few contacts get many, many get few, and
  // about a fifth get none (the homework suggestions).
  std::vector<std::size_t> reachable;
  for (std::size_t k = 0; k < n.contacts.size(); ++k) {
    if (!rng.chance(20)) reachable.push_back(k);
  }
  if (reachable.empty() && !n.contacts.empty()) reachable.push_back(0);
  std::set<std::string, std::less<>> ids;
  const Date ten_years_ago = params.today - date::days{3652};
  n.interactions.reserve(params.interactions);
  for (std::size_t k = 0; k < params.interactions && !reachable.empty(); ++k) {
    const double u = rng.unit();
    const std::size_t who =
        reachable[static_cast<std::size_t>(u * u * static_cast<double>(reachable.size()))];
    Interaction i;
    i.contacts.push_back(n.contacts[who].id);
    if (rng.chance(8)) {
      const std::string& other = n.contacts[reachable[rng.below(reachable.size())]].id;
      if (other != i.contacts.front()) i.contacts.push_back(other);
    }
    const Date start = std::max(ten_years_ago, n.contacts[who].added_on - date::days{365});
    const int span = static_cast<int>((params.today - start).count());
    i.date = start + date::days{rng.between(0, span)};
    i.kind = std::string(rng.pick(kKinds));
    const auto roll = rng.below(100);
    i.intent = roll < 60 ? Intent::catch_up : roll < 85 ? Intent::give : Intent::ask;
    if (rng.chance(60)) i.note = replace(rng.pick(kNotes), "{t}", rng.pick(kTopics));
    const int delay_days = i.date == params.today ? 0 : rng.chance(80) ? 0 : 1;
    const auto logged = at(i.date + date::days{delay_days}, rng.between(7 * 3600, 22 * 3600));
    i.logged_at = format_timestamp(logged);
    do {
      i.id = make_interaction_id(logged, static_cast<std::uint32_t>(rng.next()));
    } while (ids.contains(i.id));
    ids.insert(i.id);
    if (rng.chance(3)) {
      FollowUp f;
      f.text = replace("Send the {t} article", "{t}", rng.pick(kTopics));
      f.by = i.date + date::days{rng.between(3, 30)};
      if (*f.by < params.today - date::days{30} || rng.chance(30)) {
        f.done_on = std::min(params.today, *f.by - date::days{rng.between(0, 2)});
        if (*f.done_on < i.date) f.done_on = i.date;
      }
      i.follow_up = std::move(f);
    }
    n.interactions.push_back(std::move(i));
  }
  std::sort(n.contacts.begin(), n.contacts.end(),
            [](const Contact& a, const Contact& b) { return a.id < b.id; });
  std::sort(n.interactions.begin(), n.interactions.end(),
            [](const Interaction& a, const Interaction& b) {
              if (a.date != b.date) return a.date < b.date;
              if (a.logged_at != b.logged_at) return a.logged_at < b.logged_at;
              return a.id < b.id;
            });
  return n;
}

Status write_data_dir(const Network& network, const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir / "contacts", ec);
  fs::create_directories(dir / "log", ec);
  if (ec) return io_error("cannot create " + dir.string() + ": " + ec.message());
  for (const auto& sub : {dir, dir / "contacts", dir / "log"}) ::chmod(sub.c_str(), 0700);
  Status status;
  write_text(dir / "kith.json", serialize_document(to_json(network.config)), status);
  write_text(dir / "me.json", serialize_document(to_json(network.profile)), status);
  for (const auto& c : network.contacts) {
    write_text(dir / "contacts" / (c.id + ".json"), serialize_document(to_json(c)), status);
  }
  // One file per month of the interaction date, lines in the order logged.
  std::map<date::year_month, std::vector<const Interaction*>> months;
  for (const auto& i : network.interactions) {
    const date::year_month_day ymd{i.date};
    months[ymd.year() / ymd.month()].push_back(&i);
  }
  const Store store(dir);
  for (auto& [month, list] : months) {
    std::stable_sort(list.begin(), list.end(), [](const Interaction* a, const Interaction* b) {
      return a->logged_at != b->logged_at ? a->logged_at < b->logged_at : a->id < b->id;
    });
    std::string content;
    for (const Interaction* i : list) content += serialize_line(to_json(*i));
    write_text(store.month_path(month), content, status);
  }
  return status;
}

std::string taskwarrior_tasks(std::size_t count, std::uint64_t seed, Date today) {
  Rng rng(seed);
  Json tasks = Json::array();
  for (std::size_t k = 0; k < count; ++k) {
    Json t = Json::object();
    char uuid[40];
    std::snprintf(uuid, sizeof uuid, "%08x-%04x-4%03x-8%03x-%012llx",
                  static_cast<unsigned>(rng.next() & 0xffffffffu),
                  static_cast<unsigned>(rng.next() & 0xffffu),
                  static_cast<unsigned>(rng.next() & 0xfffu),
                  static_cast<unsigned>(rng.next() & 0xfffu),
                  static_cast<unsigned long long>(rng.next() & 0xffffffffffffULL));
    const Date entry = today - date::days{rng.between(30, 3650)};
    // Half overdue, half due in the coming year.
    const Date due = k % 2 == 0 ? today - date::days{rng.between(1, 365)}
                                : today + date::days{rng.between(1, 365)};
    auto stamp = [](Date d) {
      return date::format("%Y%m%dT%H%M%SZ", date::floor<std::chrono::seconds>(at(d, 9 * 3600)));
    };
    t["uuid"] = uuid;
    t["status"] = "pending";
    t["entry"] = stamp(entry);
    t["modified"] = stamp(entry);
    t["due"] = stamp(due);
    t["description"] = "Catch up with " + std::string(rng.pick(kFirst)) + " " +
                       std::string(rng.pick(kLast)) + " about " + std::string(rng.pick(kTopics));
    t["project"] = ascii_slug(rng.pick(kCompanies));
    Json tags = Json::array();
    for (const auto& tag : some(rng, kTags, 1, 3)) tags.push_back(tag);
    t["tags"] = std::move(tags);
    if (rng.chance(50)) {
      Json note = Json::object();
      note["entry"] = stamp(entry);
      note["description"] = replace(rng.pick(kNotes), "{t}", rng.pick(kTopics));
      t["annotations"] = Json::array({note});
    }
    tasks.push_back(std::move(t));
  }
  return tasks.dump(1) + "\n";
}

namespace {

// A CSV field, quoted when it holds a comma, a quote or a line break.
std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string linkedin_export(std::size_t rows, std::uint64_t seed, Date today) {
  static constexpr std::array<std::string_view, 6> kLegalForms = {"",     " Inc.", ", Inc.",
                                                                  " Ltd", " GmbH", " LLC"};
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  Rng rng(seed);
  std::string out =
      "\xEF\xBB\xBFNotes:\r\n\"When exporting your connection data, you may notice that some of "
      "the email addresses are missing.\"\r\n\r\n"
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n";
  for (std::size_t k = 0; k < rows; ++k) {
    std::string first, last;
    if (rng.chance(1)) {
      const std::string name(rng.pick(kNonLatin));
      const auto space = name.find(' ');
      first = space == std::string::npos ? name : name.substr(0, space);
      last = space == std::string::npos ? "" : name.substr(space + 1);
    } else {
      first = rng.pick(kFirst);
      last = rng.pick(kLast);
    }
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "-%06zx", k * 7919 % 0xffffff);
    const std::string slug = ascii_slug(first + " " + last) + suffix;
    const std::string company(rng.pick(kCompanies));
    std::string email;
    if (rng.chance(10)) email = slug + "@" + ascii_slug(company) + ".example";
    const Date on = today - date::days{rng.between(1, 3650)};
    const date::year_month_day ymd{on};
    char connected[24];
    std::snprintf(connected, sizeof connected, "%02u %s %d", static_cast<unsigned>(ymd.day()),
                  std::string(kMonths[static_cast<unsigned>(ymd.month()) - 1]).c_str(),
                  static_cast<int>(ymd.year()));
    out += csv_field(first) + "," + csv_field(last) + ",https://www.linkedin.com/in/" + slug + "," +
           email + "," + csv_field(company + std::string(rng.pick(kLegalForms))) + "," +
           csv_field(rng.pick(kRoles)) + "," + connected + "\r\n";
  }
  return out;
}

}  // namespace kith::bench
