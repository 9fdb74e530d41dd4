#include "core/ics_read.h"

#include <algorithm>
#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <utility>

#include "core/contentline.h"
#include "core/ics_recur.h"
#include "core/text.h"

namespace kith::ics_read {
namespace {

using ics_recur::WallTime;

// The work a read may ask of libical: a fixed part, and more for a longer text.
constexpr long kBudgetBase = 50000;
constexpr long kBudgetPerByte = 2;

// How much of a bad value a reason quotes.
constexpr std::size_t kQuoteLength = 60;

// ---------------------------------------------------------------------------
// Text helpers

char ics_read_lower_char(char ch) {
  return (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
}

std::string ics_read_lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out) ch = ics_read_lower_char(ch);
  return out;
}

std::string ics_read_upper(std::string_view s) {
  std::string out(s);
  for (char& ch : out) {
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  }
  return out;
}

bool ics_read_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ics_read_lower_char(a[i]) != ics_read_lower_char(b[i])) return false;
  }
  return true;
}

bool ics_read_istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && ics_read_iequals(s.substr(0, prefix.size()), prefix);
}

// `s` on one line: line breaks and other control characters become spaces,
// then it is trimmed.
std::string ics_read_one_line(std::string_view s) {
  std::string out(s);
  for (char& ch : out) {
    const auto u = static_cast<unsigned char>(ch);
    if (u < 0x20 || u == 0x7f) ch = ' ';
  }
  return std::string(text::trim(out));
}

// A value as a reason quotes it: on one line, at most kQuoteLength bytes
// (never cutting a UTF-8 sequence), in quotes.
std::string ics_read_quote(std::string_view value) {
  std::string s = ics_read_one_line(value);
  if (s.size() > kQuoteLength) {
    std::size_t cut = kQuoteLength;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut) + "…";
  }
  return "'" + s + "'";
}

// ---------------------------------------------------------------------------
// Content lines

struct IcsProperty {
  int line = 0;
  std::string name;                                         // upper case
  std::vector<std::pair<std::string, std::string>> params;  // names upper case, quotes removed
  std::string value;                                        // as written

  const std::string* param(std::string_view wanted) const {
    for (const auto& [key, given] : params) {
      if (key == wanted) return &given;
    }
    return nullptr;
  }
};

bool ics_read_is_name_char(char ch) {
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
         ch == '-';
}

// One unfolded content line, NAME;PARAM=VALUE,VALUE;...:value; nullopt when it
// is not one.
std::optional<IcsProperty> ics_read_parse_line(std::string_view s, int line) {
  std::size_t i = 0;
  while (i < s.size() && ics_read_is_name_char(s[i])) ++i;
  if (i == 0 || i == s.size()) return std::nullopt;
  IcsProperty p;
  p.line = line;
  p.name = ics_read_upper(s.substr(0, i));
  while (i < s.size() && s[i] == ';') {
    const std::size_t start = ++i;
    while (i < s.size() && ics_read_is_name_char(s[i])) ++i;
    if (i == start || i == s.size() || s[i] != '=') return std::nullopt;
    std::string key = ics_read_upper(s.substr(start, i - start));
    ++i;
    std::string value;
    for (bool first = true; first || (i < s.size() && s[i] == ','); first = false) {
      if (!first) {
        value += ',';
        ++i;
      }
      if (i < s.size() && s[i] == '"') {
        const std::size_t close = s.find('"', i + 1);
        if (close == std::string_view::npos) return std::nullopt;
        value += s.substr(i + 1, close - i - 1);
        i = close + 1;
      } else {
        const std::size_t start_value = i;
        while (i < s.size() && s[i] != ';' && s[i] != ':' && s[i] != ',' && s[i] != '"') ++i;
        value += s.substr(start_value, i - start_value);
      }
    }
    p.params.emplace_back(std::move(key), std::move(value));
  }
  if (i == s.size() || s[i] != ':') return std::nullopt;
  p.value = std::string(s.substr(i + 1));
  return p;
}

// ---------------------------------------------------------------------------
// Components, as the structure of the text gives them

struct IcsEventText {
  int line = 0;
  std::vector<IcsProperty> properties;  // the VEVENT's own, not its VALARMs'
  bool cancel_method = false;           // in a METHOD:CANCEL calendar
  int bad_utf8_line = 0;                // a line that is not UTF-8, 0 if none
};

struct IcsObservanceText {
  int line = 0;
  bool daylight = false;
  std::vector<IcsProperty> properties;
};

struct IcsZoneText {
  int line = 0;
  std::vector<IcsProperty> properties;
  std::vector<IcsObservanceText> observances;
  int bad_line = 0;  // a line that is not UTF-8 or not a content line, 0 if none
};

struct IcsStructure {
  std::vector<IcsEventText> events;
  std::vector<IcsZoneText> zones;
  std::vector<Skip> skipped;
  bool calendar_seen = false;  // a BEGIN:VCALENDAR or a BEGIN:VEVENT
  bool blank = true;           // nothing but white space
};

// Calls f(line number, unfolded line) for each content line of `text`.
template <class F>
void ics_read_for_each_line(std::string_view text, F&& f) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::string current;
  int current_line = 0;
  bool have = false;
  int number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = pos;
    while (end < text.size() && text[end] != '\r' && text[end] != '\n') ++end;
    const std::string_view physical = text.substr(pos, end - pos);
    ++number;
    if (end < text.size()) {
      end += (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1;
    }
    pos = end;
    if (have && !physical.empty() && (physical[0] == ' ' || physical[0] == '\t')) {
      current.append(physical.substr(1));
      continue;
    }
    if (have) f(current_line, std::string_view(current));
    current.assign(physical);
    current_line = number;
    have = true;
  }
  if (have) f(current_line, std::string_view(current));
}

class IcsScanner {
 public:
  IcsStructure take() && {
    close_to(0);
    return std::move(out_);
  }

  void line(int number, std::string_view s) {
    if (!text::trim(s).empty()) out_.blank = false;
    if (s.empty()) return;
    const bool utf8 = text::is_valid_utf8(s);
    std::optional<IcsProperty> p = ics_read_parse_line(s, number);
    if (in_event()) {
      if (!utf8 && out_.events.back().bad_utf8_line == 0) out_.events.back().bad_utf8_line = number;
    } else if (in_zone() && (!utf8 || !p) && out_.zones.back().bad_line == 0) {
      out_.zones.back().bad_line = number;
    }
    if (!p) {
      if (in_event() && utf8) {
        out_.skipped.push_back({number, "not an iCalendar content line: " + ics_read_quote(s)});
      }
      return;
    }
    if (p->name == "BEGIN") {
      begin(ics_read_upper(text::trim(p->value)), number);
    } else if (p->name == "END") {
      end(ics_read_upper(text::trim(p->value)), number);
    } else {
      property(std::move(*p));
    }
  }

 private:
  enum class Kind { calendar, event, zone, observance, other };
  struct Open {
    std::string name;
    int line = 0;
    Kind kind = Kind::other;
  };

  bool in_event() const { return event_depth_ >= 0; }
  bool in_zone() const { return zone_depth_ >= 0; }

  void begin(std::string name, int number) {
    Kind kind = Kind::other;
    if (stack_.size() >= kMaxDepth && name != "VEVENT") return;  // nesting no tool writes
    if (name == "VCALENDAR") {
      kind = Kind::calendar;
      out_.calendar_seen = true;
    } else if (name == "VEVENT") {
      kind = Kind::event;
      out_.calendar_seen = true;
      if (in_event()) {  // a VEVENT is never nested: the open one has no END
        close_to(static_cast<std::size_t>(event_depth_));
      }
    } else if (name == "VTIMEZONE" && !in_event() && !in_zone()) {
      kind = Kind::zone;
    } else if ((name == "STANDARD" || name == "DAYLIGHT") && in_zone() &&
               static_cast<int>(stack_.size()) == zone_depth_ + 1) {
      kind = Kind::observance;
    }
    stack_.push_back({name, number, kind});
    const int depth = static_cast<int>(stack_.size()) - 1;
    if (kind == Kind::event) {
      event_depth_ = depth;
      IcsEventText e;
      e.line = number;
      e.cancel_method = cancel_method_;
      out_.events.push_back(std::move(e));
    } else if (kind == Kind::zone) {
      zone_depth_ = depth;
      IcsZoneText z;
      z.line = number;
      out_.zones.push_back(std::move(z));
    } else if (kind == Kind::observance) {
      IcsObservanceText o;
      o.line = number;
      o.daylight = name == "DAYLIGHT";
      out_.zones.back().observances.push_back(std::move(o));
    } else if (kind == Kind::calendar) {
      cancel_method_ = false;
      calendar_first_event_ = out_.events.size();
    }
  }

  void end(const std::string& name, int number) {
    for (std::size_t i = stack_.size(); i-- > 0;) {
      if (stack_[i].name != name) continue;
      close_to(i + 1);  // those opened inside it have no END
      const Open open = stack_.back();
      stack_.pop_back();
      closed(open);
      return;
    }
    if (in_event()) {
      out_.skipped.push_back({number, "END:" + name + " without BEGIN:" + name});
    }
  }

  // Closes, as unterminated, everything open from depth `depth` up.
  void close_to(std::size_t depth) {
    while (stack_.size() > depth) {
      const Open open = stack_.back();
      stack_.pop_back();
      unclosed(open);
    }
  }

  void closed(const Open& open) {
    const int depth = static_cast<int>(stack_.size());
    if (open.kind == Kind::event && depth == event_depth_) event_depth_ = -1;
    if (open.kind == Kind::zone && depth == zone_depth_) zone_depth_ = -1;
    if (open.kind == Kind::calendar) cancel_method_ = false;
  }

  void unclosed(const Open& open) {
    const int depth = static_cast<int>(stack_.size());
    if (open.kind == Kind::event && depth == event_depth_) {
      event_depth_ = -1;
      out_.events.pop_back();
      out_.skipped.push_back({open.line, "BEGIN:VEVENT has no END:VEVENT"});
    } else if (open.kind == Kind::zone && depth == zone_depth_) {
      zone_depth_ = -1;
      if (out_.zones.back().bad_line == 0) out_.zones.back().bad_line = open.line;
    }
    if (open.kind == Kind::calendar) cancel_method_ = false;
  }

  void property(IcsProperty p) {
    const int depth = static_cast<int>(stack_.size()) - 1;
    if (in_event()) {
      if (depth == event_depth_) out_.events.back().properties.push_back(std::move(p));
      return;
    }
    if (in_zone()) {
      IcsZoneText& zone = out_.zones.back();
      if (depth == zone_depth_) {
        zone.properties.push_back(std::move(p));
      } else if (depth == zone_depth_ + 1 && stack_.back().kind == Kind::observance) {
        zone.observances.back().properties.push_back(std::move(p));
      }
      return;
    }
    if (depth >= 0 && stack_.back().kind == Kind::calendar && p.name == "METHOD") {
      cancel_method_ = ics_read_iequals(text::trim(p.value), "CANCEL");
      // The method is the whole calendar's, also of events written before it.
      for (std::size_t i = calendar_first_event_; i < out_.events.size(); ++i) {
        out_.events[i].cancel_method = cancel_method_;
      }
    }
  }

  // Components open at once, beyond which a BEGIN is passed over (and its END
  // then matches nothing): keeps a text of nested BEGINs linear.
  static constexpr std::size_t kMaxDepth = 32;

  IcsStructure out_;
  std::vector<Open> stack_;
  int event_depth_ = -1;
  int zone_depth_ = -1;
  bool cancel_method_ = false;
  std::size_t calendar_first_event_ = 0;
};

// ---------------------------------------------------------------------------
// Values

struct IcsTime {
  WallTime wall;
  bool utc = false;
  std::string tzid;  // "" for UTC and floating times
};

std::optional<int> ics_read_digits(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int n = 0;
  for (char ch : s) {
    if (ch < '0' || ch > '9') return std::nullopt;
    n = n * 10 + (ch - '0');
  }
  return n;
}

// A DATE (YYYYMMDD) or DATE-TIME (YYYYMMDDTHHMMSS, then Z for UTC) value.
std::optional<IcsTime> ics_read_parse_time(std::string_view s, std::string_view tzid) {
  s = text::trim(s);
  if (s.size() != 8 && s.size() != 15 && s.size() != 16) return std::nullopt;
  const auto y = ics_read_digits(s.substr(0, 4));
  const auto mo = ics_read_digits(s.substr(4, 2));
  const auto d = ics_read_digits(s.substr(6, 2));
  if (!y || !mo || !d || *y < 1 || *mo < 1 || *mo > 12 || *d < 1) return std::nullopt;
  const date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*mo)},
                                 date::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  IcsTime t;
  t.wall.year = *y;
  t.wall.month = *mo;
  t.wall.day = *d;
  if (s.size() == 8) {
    t.wall.is_date = true;
    return t;
  }
  if (s[8] != 'T' && s[8] != 't') return std::nullopt;
  const auto h = ics_read_digits(s.substr(9, 2));
  const auto mi = ics_read_digits(s.substr(11, 2));
  const auto se = ics_read_digits(s.substr(13, 2));
  if (!h || !mi || !se || *h > 23 || *mi > 59 || *se > 60) return std::nullopt;
  t.wall.hour = *h;
  t.wall.minute = *mi;
  t.wall.second = std::min(*se, 59);
  if (s.size() == 16) {
    if (s[15] != 'Z' && s[15] != 'z') return std::nullopt;
    t.utc = true;
  } else {
    t.tzid = std::string(text::trim(tzid));
  }
  return t;
}

std::optional<IcsTime> ics_read_time_of(const IcsProperty& p) {
  const std::string* tzid = p.param("TZID");
  return ics_read_parse_time(p.value, tzid ? std::string_view(*tzid) : std::string_view());
}

// A UTC offset, +HHMM or -HHMM (seconds allowed), in seconds; under a day.
std::optional<int> ics_read_parse_offset(std::string_view s) {
  s = text::trim(s);
  if ((s.size() != 5 && s.size() != 7) || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  const auto h = ics_read_digits(s.substr(1, 2));
  const auto m = ics_read_digits(s.substr(3, 2));
  const auto sec = s.size() == 7 ? ics_read_digits(s.substr(5, 2)) : std::optional<int>(0);
  if (!h || !m || !sec || *h > 23 || *m > 59 || *sec > 59) return std::nullopt;
  const int total = *h * 3600 + *m * 60 + *sec;
  return s[0] == '-' ? -total : total;
}

date::local_seconds ics_read_local(const WallTime& w) {
  const date::local_days day{date::year{w.year} / date::month{static_cast<unsigned>(w.month)} /
                             date::day{static_cast<unsigned>(w.day)}};
  return day + std::chrono::hours{w.hour} + std::chrono::minutes{w.minute} +
         std::chrono::seconds{w.second};
}

WallTime ics_read_wall(date::local_seconds t, bool is_date) {
  const auto day = date::floor<date::days>(t);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::seconds> hms{t - day};
  WallTime w;
  w.year = static_cast<int>(ymd.year());
  w.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  w.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  w.is_date = is_date;
  if (!is_date) {
    w.hour = static_cast<int>(hms.hours().count());
    w.minute = static_cast<int>(hms.minutes().count());
    w.second = static_cast<int>(hms.seconds().count());
  }
  return w;
}

WallTime ics_read_clamped_wall(date::local_seconds t, bool is_date) {
  const date::local_seconds first{date::local_days{date::year{1} / 1 / 1}};
  const date::local_seconds last{date::local_days{date::year{9999} / 12 / 31}};
  return ics_read_wall(std::clamp(t, first, last), is_date);
}

std::string ics_read_two(int n) {
  return std::string(1, static_cast<char>('0' + n / 10)) + static_cast<char>('0' + n % 10);
}

std::string ics_read_date_text(const WallTime& w) {
  std::string y = std::to_string(w.year);
  while (y.size() < 4) y.insert(0, "0");
  return y + ics_read_two(w.month) + ics_read_two(w.day);
}

std::string ics_read_utc_text(date::sys_seconds t) {
  const WallTime w = ics_read_wall(date::local_seconds{t.time_since_epoch()}, false);
  return ics_read_date_text(w) + "T" + ics_read_two(w.hour) + ics_read_two(w.minute) +
         ics_read_two(w.second) + "Z";
}

// ---------------------------------------------------------------------------
// Zones

// The clock of a time value: how its wall-clock times map to instants.
struct IcsFrame {
  enum class Kind { utc, tzdb, vtimezone } kind = Kind::utc;
  const date::time_zone* tzdb = nullptr;
  const ics_recur::TimeZone* vtimezone = nullptr;

  date::sys_seconds instant(const WallTime& w) const {
    const date::local_seconds local = ics_read_local(w);
    switch (kind) {
      case Kind::tzdb:
        return tzdb->to_sys(local, date::choose::earliest);
      case Kind::vtimezone:
        return date::sys_seconds{local.time_since_epoch()} -
               std::chrono::seconds{vtimezone->offset_at_local(w)};
      case Kind::utc:
        break;
    }
    return date::sys_seconds{local.time_since_epoch()};
  }

  WallTime wall(date::sys_seconds t, bool is_date) const {
    switch (kind) {
      case Kind::tzdb:
        return ics_read_clamped_wall(tzdb->to_local(t), is_date);
      case Kind::vtimezone: {
        const WallTime utc =
            ics_read_clamped_wall(date::local_seconds{t.time_since_epoch()}, false);
        const std::chrono::seconds offset{vtimezone->offset_at_utc(utc)};
        return ics_read_clamped_wall(date::local_seconds{t.time_since_epoch()} + offset, is_date);
      }
      case Kind::utc:
        break;
    }
    return ics_read_clamped_wall(date::local_seconds{t.time_since_epoch()}, is_date);
  }
};

// A name the time zone database may know: letters, digits and "/_+-." only.
bool ics_read_zone_name_like(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.find("..") != std::string_view::npos ||
      name.front() == '/') {
    return false;
  }
  for (char ch : name) {
    if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
          ch == '/' || ch == '_' || ch == '+' || ch == '-' || ch == '.')) {
      return false;
    }
  }
  return true;
}

const date::time_zone* ics_read_locate(std::string_view name) {
  if (!ics_read_zone_name_like(name)) return nullptr;
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;
  }
}

// The zone of the database a TZID names: "Europe/Berlin", or one behind a
// prefix, "/mozilla.org/20050126_1/Europe/Berlin".
const date::time_zone* ics_read_tzdb_zone(std::string_view tzid) {
  if (const date::time_zone* zone = ics_read_locate(tzid)) return zone;
  int tries = 0;
  for (std::size_t slash = tzid.find('/'); slash != std::string_view::npos && tries < 8;
       slash = tzid.find('/', slash + 1), ++tries) {
    if (const date::time_zone* zone = ics_read_locate(tzid.substr(slash + 1))) return zone;
  }
  return nullptr;
}

class IcsZones {
 public:
  IcsZones(const Options& options, ics_recur::Budget& budget, std::vector<IcsZoneText> zones,
           std::vector<Skip>& skipped)
      : budget_(budget), skipped_(skipped) {
    user_.kind = IcsFrame::Kind::utc;
    if (options.zone != nullptr) {
      user_.kind = IcsFrame::Kind::tzdb;
      user_.tzdb = options.zone;
    }
    for (IcsZoneText& z : zones) {
      std::string tzid;
      for (const IcsProperty& p : z.properties) {
        if (p.name == "TZID") {
          tzid = std::string(text::trim(p.value));
          break;
        }
      }
      if (!tzid.empty() && texts_.count(tzid) == 0) texts_.emplace(tzid, std::move(z));
    }
  }

  const IcsFrame& user() const { return user_; }

  // The clock of a time value.
  const IcsFrame& frame(const IcsTime& t) {
    if (t.utc) return utc_;
    if (t.tzid.empty() || t.wall.is_date) return user_;
    auto found = frames_.find(t.tzid);
    if (found != frames_.end()) return found->second;
    return frames_.emplace(t.tzid, resolve(t.tzid)).first->second;
  }

 private:
  IcsFrame resolve(const std::string& tzid) {
    if (const date::time_zone* zone = ics_read_tzdb_zone(tzid)) {
      IcsFrame f;
      f.kind = IcsFrame::Kind::tzdb;
      f.tzdb = zone;
      return f;
    }
    auto text = texts_.find(tzid);
    if (text == texts_.end()) return user_;  // an unknown zone: read as floating
    std::string why;
    std::unique_ptr<ics_recur::TimeZone> zone = build(tzid, text->second, why);
    if (!zone) {
      skipped_.push_back({text->second.line, "VTIMEZONE " + ics_read_quote(tzid) +
                                                 " is not read (" + why +
                                                 "): its times are read in your time zone"});
      return user_;
    }
    IcsFrame f;
    f.kind = IcsFrame::Kind::vtimezone;
    f.vtimezone = zone.get();
    built_.push_back(std::move(zone));
    return f;
  }

  std::unique_ptr<ics_recur::TimeZone> build(const std::string& tzid, const IcsZoneText& z,
                                             std::string& why) {
    if (z.bad_line != 0) {
      why = "line " + std::to_string(z.bad_line) + " cannot be read";
      return nullptr;
    }
    std::vector<ics_recur::Observance> observances;
    for (const IcsObservanceText& o : z.observances) {
      ics_recur::Observance obs;
      obs.daylight = o.daylight;
      bool start = false, from = false, to = false;
      for (const IcsProperty& p : o.properties) {
        if (p.name == "DTSTART") {
          std::optional<IcsTime> t = ics_read_parse_time(p.value, "");
          if (!t || t->utc || t->wall.is_date) {
            why = "DTSTART " + ics_read_quote(p.value) + " is not a local date and time";
            return nullptr;
          }
          obs.start = t->wall;
          start = true;
        } else if (p.name == "TZOFFSETFROM" || p.name == "TZOFFSETTO") {
          std::optional<int> offset = ics_read_parse_offset(p.value);
          if (!offset) {
            why = p.name + " " + ics_read_quote(p.value) + " is not an offset";
            return nullptr;
          }
          (p.name == "TZOFFSETFROM" ? obs.offset_from : obs.offset_to) = *offset;
          (p.name == "TZOFFSETFROM" ? from : to) = true;
        }
      }
      if (!start || !to) {
        why = "a " + std::string(o.daylight ? "DAYLIGHT" : "STANDARD") + " at line " +
              std::to_string(o.line) + " has no DTSTART or TZOFFSETTO";
        return nullptr;
      }
      if (!from) obs.offset_from = obs.offset_to;
      for (const IcsProperty& p : o.properties) {
        if (p.name == "RRULE") {
          std::optional<ics_recur::Rule> rule = observance_rule(p.value, obs.offset_from);
          if (!rule) {
            why = "RRULE " + ics_read_quote(p.value) + " is not understood";
            return nullptr;
          }
          obs.rules.push_back(std::move(*rule));
        } else if (p.name == "RDATE") {
          for (const std::string& v : contentline::split_unescaped(p.value, ',')) {
            std::optional<IcsTime> t = ics_read_parse_time(v, "");
            if (!t || t->utc || t->wall.is_date) {
              why = "RDATE " + ics_read_quote(v) + " is not a local date and time";
              return nullptr;
            }
            obs.dates.push_back(t->wall);
          }
        }
      }
      observances.push_back(std::move(obs));
    }
    return ics_recur::TimeZone::build(tzid, observances, budget_, why);
  }

  static std::optional<ics_recur::Rule> observance_rule(std::string_view value, int offset_from);

  ics_recur::Budget& budget_;
  std::vector<Skip>& skipped_;
  IcsFrame utc_;
  IcsFrame user_;
  std::map<std::string, IcsZoneText> texts_;
  std::map<std::string, IcsFrame> frames_;
  std::vector<std::unique_ptr<ics_recur::TimeZone>> built_;
};

// An RRULE value split into the rule without UNTIL and its UNTIL text
// (nullopt when it has none; "" when it is empty).
std::pair<std::string, std::optional<std::string>> ics_read_split_until(std::string_view value) {
  std::string rest;
  std::optional<std::string> until;
  std::size_t start = 0;
  value = text::trim(value);
  while (start <= value.size()) {
    std::size_t end = value.find(';', start);
    if (end == std::string_view::npos) end = value.size();
    const std::string_view part = value.substr(start, end - start);
    if (ics_read_istarts_with(part, "UNTIL=")) {
      if (!until) until = std::string(part.substr(6));
    } else if (!part.empty()) {
      if (!rest.empty()) rest += ';';
      rest += part;
    }
    start = end + 1;
  }
  return {rest, until};
}

std::optional<ics_recur::Rule> IcsZones::observance_rule(std::string_view value, int offset_from) {
  auto [rest, until_text] = ics_read_split_until(value);
  ics_recur::Rule rule;
  rule.text = std::move(rest);
  if (until_text) {
    std::optional<IcsTime> until = ics_read_parse_time(*until_text, "");
    if (!until) return std::nullopt;
    if (until->utc) {  // in the local time before the change, as libical reads it
      until->wall = ics_read_clamped_wall(
          ics_read_local(until->wall) + std::chrono::seconds{offset_from}, false);
    }
    rule.until = until->wall;
  }
  return rule;
}

// ---------------------------------------------------------------------------
// Events

struct IcsPerson {
  std::string address;
  std::string name;
};

// An occurrence: its original start (the key) and when it takes place.
struct IcsOccurrence {
  std::string key;
  date::sys_seconds start{};
  Date date{};
  Date wall_date{};  // the date in the event's own clock, for a DATE in EXDATE
};

struct IcsEvent {
  int line = 0;
  bool cancel_method = false;
  std::string uid;
  std::optional<IcsTime> start;
  std::optional<IcsTime> recurrence_id;
  bool cancelled = false;
  bool declined = false;
  std::vector<const IcsProperty*> rules, rdates, exdates;
  std::string summary;
  std::string kind;
  std::vector<IcsPerson> people;
};

// The address of a mailto: URI (or of an EMAIL parameter), lower case; "" for
// anything else.
std::string ics_read_address(const IcsProperty& p) {
  std::string_view v = text::trim(p.value);
  std::string address;
  if (ics_read_istarts_with(v, "mailto:")) {
    address = ics_read_lower(text::trim(v.substr(7)));
  } else if (const std::string* email = p.param("EMAIL")) {
    address = ics_read_lower(text::trim(*email));
  }
  if (address.find('@') == std::string::npos || address.size() > 320) return {};
  for (char ch : address) {
    const auto u = static_cast<unsigned char>(ch);
    if (u <= 0x20 || u == 0x7f || ch == '<' || ch == '>' || ch == '"') return {};
  }
  return address;
}

// A parameter value with RFC 6868's escapes resolved (^n, ^', ^^).
std::string ics_read_param_text(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '^' && i + 1 < s.size()) {
      const char next = s[i + 1];
      if (next == 'n' || next == 'N') {
        out += ' ';
        ++i;
        continue;
      }
      if (next == '\'') {
        out += '"';
        ++i;
        continue;
      }
      if (next == '^') {
        out += '^';
        ++i;
        continue;
      }
    }
    out += s[i];
  }
  return ics_read_one_line(out);
}

// The VEVENT's properties read; nullopt (with the Skip) when its DTSTART or
// RECURRENCE-ID is not a date.
std::optional<IcsEvent> ics_read_event(const IcsEventText& t,
                                       const std::set<std::string, std::less<>>& own,
                                       std::vector<Skip>& skipped) {
  IcsEvent e;
  e.line = t.line;
  e.cancel_method = t.cancel_method;
  std::vector<IcsPerson> organizers, attendees;
  bool have_summary = false;
  bool conference = false;
  std::vector<std::string> links;
  for (const IcsProperty& p : t.properties) {
    const std::string& n = p.name;
    if (n == "UID") {
      if (e.uid.empty()) e.uid = ics_read_one_line(p.value);
    } else if (n == "DTSTART") {
      if (e.start) continue;
      e.start = ics_read_time_of(p);
      if (!e.start) {
        skipped.push_back(
            {p.line, "DTSTART " + ics_read_quote(p.value) + " is not a date or a date and time"});
        return std::nullopt;
      }
    } else if (n == "RECURRENCE-ID") {
      if (e.recurrence_id) continue;
      e.recurrence_id = ics_read_time_of(p);
      if (!e.recurrence_id) {
        skipped.push_back({p.line, "RECURRENCE-ID " + ics_read_quote(p.value) +
                                       " is not a date or a date and time"});
        return std::nullopt;
      }
    } else if (n == "STATUS") {
      e.cancelled = e.cancelled || ics_read_iequals(text::trim(p.value), "CANCELLED");
    } else if (n == "RRULE") {
      e.rules.push_back(&p);
    } else if (n == "RDATE") {
      e.rdates.push_back(&p);
    } else if (n == "EXDATE") {
      e.exdates.push_back(&p);
    } else if (n == "SUMMARY") {
      if (!have_summary) e.summary = ics_read_one_line(contentline::unescape_text(p.value));
      have_summary = true;
    } else if (n == "CONFERENCE" || n == "X-GOOGLE-CONFERENCE" ||
               n == "X-MICROSOFT-SKYPETEAMSMEETINGURL") {
      conference = true;
    } else if (n == "URL" || n == "LOCATION" || n == "DESCRIPTION") {
      links.push_back(p.value);
    } else if (n == "ORGANIZER" || n == "ATTENDEE") {
      std::string address = ics_read_address(p);
      if (address.empty()) continue;
      const std::string* cutype = p.param("CUTYPE");
      if (cutype && (ics_read_iequals(*cutype, "ROOM") || ics_read_iequals(*cutype, "RESOURCE"))) {
        continue;
      }
      const std::string* partstat = p.param("PARTSTAT");
      if (n == "ATTENDEE" && partstat && ics_read_iequals(text::trim(*partstat), "DECLINED") &&
          own.count(address) != 0) {
        e.declined = true;
      }
      const std::string* cn = p.param("CN");
      IcsPerson person{std::move(address), cn ? ics_read_param_text(*cn) : std::string()};
      (n == "ORGANIZER" ? organizers : attendees).push_back(std::move(person));
    }
  }
  std::map<std::string, std::size_t, std::less<>> index;  // address -> place in people
  for (auto* list : {&organizers, &attendees}) {
    for (IcsPerson& person : *list) {
      if (own.count(person.address) != 0) continue;
      auto [at, added] = index.emplace(person.address, e.people.size());
      if (added) {
        e.people.push_back(std::move(person));
      } else if (e.people[at->second].name.empty()) {
        e.people[at->second].name = std::move(person.name);
      }
    }
  }
  e.kind = kind_of(e.summary, conference, links);
  return e;
}

// ---------------------------------------------------------------------------
// The read

struct IcsFound {
  date::sys_seconds start;
  Event event;
};

class IcsReader {
 public:
  IcsReader(const Options& options, std::size_t text_size, IcsStructure structure)
      : options_(options),
        budget_(kBudgetBase +
                kBudgetPerByte * static_cast<long>(std::min<std::size_t>(text_size, 100'000'000))),
        skipped_(std::move(structure.skipped)),
        zones_(options, budget_, std::move(structure.zones), skipped_),
        texts_(std::move(structure.events)) {
    for (const std::string& a : options.own_addresses) own_.insert(ics_read_lower(a));
  }

  Scan run() && {
    std::vector<IcsEvent> events;
    events.reserve(texts_.size());
    for (const IcsEventText& t : texts_) {
      if (t.bad_utf8_line != 0) {
        skipped_.push_back({t.line, "not valid UTF-8 (line " + std::to_string(t.bad_utf8_line) +
                                        "; iCalendar files are UTF-8)"});
        continue;
      }
      std::optional<IcsEvent> e = ics_read_event(t, own_, skipped_);
      if (!e) continue;
      if (!e->start && !e->recurrence_id) {
        skipped_.push_back({t.line, "no DTSTART"});
        continue;
      }
      events.push_back(std::move(*e));
    }

    // The recurring events by UID, and the occurrences their overrides replace.
    std::map<std::string, std::size_t> masters;
    std::map<std::pair<std::string, std::string>, int> overrides;
    std::vector<std::string> override_keys(events.size());
    std::vector<bool> keep(events.size(), true);
    for (std::size_t i = 0; i < events.size(); ++i) {
      const IcsEvent& e = events[i];
      if (!e.recurrence_id) {
        if (e.uid.empty()) continue;
        auto [it, added] = masters.emplace(e.uid, i);
        if (!added) {
          skipped_.push_back({e.line, "another VEVENT with UID " + ics_read_quote(e.uid) +
                                          " came first (line " +
                                          std::to_string(events[it->second].line) + ")"});
          keep[i] = false;
        }
        continue;
      }
      override_keys[i] = key_of(*e.recurrence_id);
      auto [it, added] = overrides.emplace(std::make_pair(e.uid, override_keys[i]), e.line);
      if (!added) {
        skipped_.push_back({e.line, "another VEVENT with UID " + ics_read_quote(e.uid) +
                                        " and RECURRENCE-ID " + override_keys[i] +
                                        " came first (line " + std::to_string(it->second) + ")"});
        keep[i] = false;
      }
    }

    for (std::size_t i = 0; i < events.size(); ++i) {
      if (!keep[i]) continue;
      const IcsEvent& e = events[i];
      if (e.recurrence_id) {
        const IcsEvent* master = nullptr;
        if (!e.uid.empty()) {
          auto m = masters.find(e.uid);
          if (m != masters.end()) master = &events[m->second];
        }
        emit_override(e, override_keys[i], master);
        continue;
      }
      std::set<std::string> replaced;
      if (!e.uid.empty()) {
        for (auto it = overrides.lower_bound({e.uid, std::string()});
             it != overrides.end() && it->first.first == e.uid; ++it) {
          replaced.insert(it->first.second);
        }
      }
      emit_series(e, replaced);
    }

    std::stable_sort(found_.begin(), found_.end(), [](const IcsFound& a, const IcsFound& b) {
      return std::tie(a.start, a.event.uid, a.event.recurrence_id) <
             std::tie(b.start, b.event.uid, b.event.recurrence_id);
    });
    Scan scan;
    scan.events.reserve(found_.size());
    for (IcsFound& f : found_) scan.events.push_back(std::move(f.event));
    scan.skipped = std::move(skipped_);
    std::stable_sort(scan.skipped.begin(), scan.skipped.end(),
                     [](const Skip& a, const Skip& b) { return a.line < b.line; });
    if (scan.skipped.size() > max_skips) {
      const std::size_t more = scan.skipped.size() - max_skips;
      const int line = scan.skipped[max_skips].line;
      scan.skipped.resize(max_skips);
      scan.skipped.push_back({line, "and " + std::to_string(more) + " more problems"});
    }
    return scan;
  }

 private:
  // The local date of an instant in the user's zone.
  Date local_date(date::sys_seconds t) const {
    const IcsFrame& user = zones_.user();
    if (user.kind == IcsFrame::Kind::tzdb) {
      return Date{date::floor<date::days>(user.tzdb->to_local(t)).time_since_epoch()};
    }
    return date::floor<date::days>(t);
  }

  // An occurrence's key: the UTC start of a date and time, the date of a date.
  std::string key_of(const IcsTime& t) {
    if (t.wall.is_date) return ics_read_date_text(t.wall);
    return ics_read_utc_text(zones_.frame(t).instant(t.wall));
  }

  IcsOccurrence occurrence_of(const IcsTime& t) {
    IcsOccurrence o;
    const date::year_month_day ymd{date::year{t.wall.year},
                                   date::month{static_cast<unsigned>(t.wall.month)},
                                   date::day{static_cast<unsigned>(t.wall.day)}};
    o.wall_date = Date{ymd};
    if (t.wall.is_date) {
      o.key = ics_read_date_text(t.wall);
      o.date = o.wall_date;
      o.start = zones_.user().instant(t.wall);  // the local midnight that begins it
    } else {
      o.start = zones_.frame(t).instant(t.wall);
      o.key = ics_read_utc_text(o.start);
      o.date = local_date(o.start);
    }
    return o;
  }

  bool in_window(const IcsOccurrence& o) const {
    return o.date >= options_.since && o.start < options_.now;
  }

  void emit(const IcsEvent& e, const IcsOccurrence& o, std::string recurrence_id) {
    Event out;
    out.uid = e.uid;
    out.recurrence_id = std::move(recurrence_id);
    out.date = o.date;
    out.summary = e.summary;
    out.kind = e.kind;
    for (const IcsPerson& p : e.people) {
      out.addresses.push_back(p.address);
      out.names.push_back(p.name);
    }
    found_.push_back({o.start, std::move(out)});
  }

  void emit_override(const IcsEvent& e, const std::string& key, const IcsEvent* master) {
    if (e.cancel_method || e.cancelled || e.declined) return;
    if (master != nullptr && (master->cancel_method || master->cancelled)) return;
    const IcsOccurrence o = occurrence_of(e.start ? *e.start : *e.recurrence_id);
    if (in_window(o)) emit(e, o, key);
  }

  void emit_series(const IcsEvent& e, const std::set<std::string>& replaced) {
    if (e.cancel_method || e.cancelled || e.declined) return;
    const IcsTime& start = *e.start;
    const bool recurring = !e.rules.empty() || !e.rdates.empty();
    std::map<std::string, IcsOccurrence> occurrences;
    const IcsOccurrence first = occurrence_of(start);
    occurrences.emplace(first.key, first);
    if (recurring) {
      for (const IcsProperty* rule : e.rules) expand(start, *rule, occurrences);
      for (const IcsProperty* rdate : e.rdates) {
        for_each_time(*rdate, [&](IcsTime t) {
          if (start.wall.is_date && !t.wall.is_date) {
            t.wall = ics_recur::WallTime{t.wall.year, t.wall.month, t.wall.day, 0, 0, 0, true};
          } else if (!start.wall.is_date && t.wall.is_date) {
            WallTime w = start.wall;
            w.year = t.wall.year;
            w.month = t.wall.month;
            w.day = t.wall.day;
            t = IcsTime{w, start.utc, start.tzid};
          }
          IcsOccurrence o = occurrence_of(t);
          if (in_window(o)) occurrences.emplace(o.key, std::move(o));
        });
      }
      std::set<std::string> excluded_keys;
      std::set<Date> excluded_dates;
      for (const IcsProperty* exdate : e.exdates) {
        for_each_time(*exdate, [&](const IcsTime& t) {
          if (t.wall.is_date && !start.wall.is_date) {
            excluded_dates.insert(occurrence_of(t).wall_date);
          } else if (!t.wall.is_date && start.wall.is_date) {
            excluded_keys.insert(ics_read_date_text(t.wall));
          } else {
            excluded_keys.insert(key_of(t));
          }
        });
      }
      for (auto it = occurrences.begin(); it != occurrences.end();) {
        if (excluded_keys.count(it->first) != 0 ||
            excluded_dates.count(it->second.wall_date) != 0) {
          it = occurrences.erase(it);
        } else {
          ++it;
        }
      }
    }
    for (const auto& [key, o] : occurrences) {
      if (replaced.count(key) != 0 || !in_window(o)) continue;
      emit(e, o, recurring ? key : std::string());
    }
  }

  // Calls f(time) for each value of an RDATE or EXDATE (the start of a
  // PERIOD); a value that is not a date is skipped with its line.
  template <class F>
  void for_each_time(const IcsProperty& p, F&& f) {
    const std::string* tzid = p.param("TZID");
    for (const std::string& value : contentline::split_unescaped(p.value, ',')) {
      std::string_view v = text::trim(value);
      if (v.empty()) continue;
      const std::size_t slash = v.find('/');
      std::optional<IcsTime> t =
          ics_read_parse_time(slash == std::string_view::npos ? v : v.substr(0, slash),
                              tzid ? std::string_view(*tzid) : std::string_view());
      if (!t) {
        skipped_.push_back(
            {p.line, p.name + " value " + ics_read_quote(v) + " is not a date; left out"});
        continue;
      }
      f(*t);
    }
  }

  // Adds the occurrences of one RRULE within the window.
  void expand(const IcsTime& start, const IcsProperty& p,
              std::map<std::string, IcsOccurrence>& occurrences) {
    const bool all_day = start.wall.is_date;
    auto [rest, until_text] = ics_read_split_until(p.value);
    ics_recur::Rule rule;
    rule.text = std::move(rest);
    if (until_text) {
      std::optional<IcsTime> until = ics_read_parse_time(*until_text, "");
      if (!until) {
        skipped_.push_back({p.line, "RRULE " + ics_read_quote(p.value) +
                                        " is not understood: the event is read without it"});
        return;
      }
      if (until->utc) {
        const date::sys_seconds at{ics_read_local(until->wall).time_since_epoch()};
        rule.until = zones_.frame(start).wall(at, all_day);
      } else {
        rule.until = until->wall;
      }
    }
    const date::local_days since{options_.since.time_since_epoch()};
    const WallTime walk_from =
        ics_read_clamped_wall(date::local_seconds{since - date::days{2}}, all_day);
    const WallTime stop_at = ics_read_clamped_wall(
        date::local_seconds{options_.now.time_since_epoch()} + date::days{2}, all_day);
    // Most of a long walk is before the window: its occurrences are only
    // placed in time, their keys made for those in the window.
    const IcsFrame& clock = all_day ? zones_.user() : zones_.frame(start);
    const ics_recur::Outcome outcome =
        ics_recur::expand(rule, start.wall, walk_from, stop_at, budget_, [&](const WallTime& w) {
          const date::sys_seconds at = clock.instant(w);
          if (at >= options_.now) return false;
          const Date date = all_day ? Date{date::year{w.year} / w.month / w.day} : local_date(at);
          if (date < options_.since) return true;
          IcsOccurrence o = occurrence_of(IcsTime{w, start.utc, start.tzid});
          occurrences.emplace(o.key, std::move(o));
          return true;
        });
    const std::string quoted = "RRULE " + ics_read_quote(p.value);
    switch (outcome) {
      case ics_recur::Outcome::complete:
        break;
      case ics_recur::Outcome::not_understood:
        skipped_.push_back({p.line, quoted + " is not understood: the event is read without it"});
        break;
      case ics_recur::Outcome::too_frequent:
        skipped_.push_back({p.line, quoted +
                                        " repeats more often than daily with BY parts: the event "
                                        "is read without it"});
        break;
      case ics_recur::Outcome::no_repeat:
        skipped_.push_back({p.line, quoted +
                                        " does not repeat within 30 years as libical reads it: "
                                        "the event is read without it"});
        break;
      case ics_recur::Outcome::out_of_budget:
        skipped_.push_back({p.line, quoted + " has too many occurrences to walk: those it did not "
                                             "reach are left out"});
        break;
    }
  }

  const Options& options_;
  ics_recur::Budget budget_;
  std::vector<Skip> skipped_;
  IcsZones zones_;
  std::vector<IcsEventText> texts_;
  std::set<std::string, std::less<>> own_;
  std::vector<IcsFound> found_;
};

bool ics_read_has_word(std::string_view s, std::string_view word) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto is_word = [](char ch) {
      return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
             static_cast<unsigned char>(ch) >= 0x80;
    };
    while (i < s.size() && !is_word(s[i])) ++i;
    const std::size_t start = i;
    while (i < s.size() && is_word(s[i])) ++i;
    if (i > start && ics_read_iequals(s.substr(start, i - start), word)) return true;
  }
  return false;
}

}  // namespace

std::string kind_of(std::string_view summary, bool conference,
                    const std::vector<std::string>& links) {
  static constexpr std::string_view kVideo[] = {
      "zoom.us",     "meet.google.com", "teams.microsoft.com", "teams.live.com", "whereby.com",
      "meet.jit.si", "webex.com"};
  bool video = conference;
  for (const std::string& link : links) {
    if (video) break;
    const std::string lower = ics_read_lower(link);
    for (std::string_view host : kVideo) {
      if (lower.find(host) != std::string::npos) video = true;
    }
  }
  if (video) return "video";
  for (std::string_view word : {"coffee", "lunch", "call"}) {
    if (ics_read_has_word(summary, word)) return std::string(word);
  }
  return "meeting";
}

Scan read(std::string_view text, const Options& options) {
  IcsScanner scanner;
  ics_read_for_each_line(text, [&](int line, std::string_view s) { scanner.line(line, s); });
  IcsStructure structure = std::move(scanner).take();
  if (!structure.calendar_seen && !structure.blank) {
    structure.skipped.push_back({1, "not an iCalendar file: no BEGIN:VCALENDAR or BEGIN:VEVENT"});
  }
  return IcsReader(options, text.size(), std::move(structure)).run();
}

}  // namespace kith::ics_read
