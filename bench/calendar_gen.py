#!/usr/bin/python3
"""Writes a calendar of N events (default 10,000) with python3-icalendar, the
shape a few years of a busy work calendar has: one-off meetings, weekly and
monthly series with exceptions, all-day events, attendees (some of them
contacts of bench/kith_gen's network), conference links.

    bench/calendar_gen.py OUT.ics [N]
"""
import datetime as dt
import random
import sys

from icalendar import Calendar, Event, vCalAddress, vText

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
rng = random.Random(7)
UTC = dt.timezone.utc
summaries = ["Coffee with {}", "Lunch: {}", "Quick call with {}", "1:1 {}", "Project sync",
             "Design review", "Interview loop", "Planning", "Retro", "Demo day"]
people = ["person%d@example.org" % k for k in range(2000)]
cal = Calendar()
cal.add("prodid", "-//kith bench//EN")
cal.add("version", "2.0")
start = dt.datetime(2024, 1, 1, 8, 0, tzinfo=UTC)
for n in range(count):
    e = Event()
    e.add("uid", "bench-%d@kith.test" % n)
    who = rng.sample(people, rng.randint(1, 4))
    e.add("summary", rng.choice(summaries).format(who[0].split("@")[0]))
    when = start + dt.timedelta(days=rng.randint(0, 3 * 365), hours=rng.randint(0, 9))
    if n % 20 == 0:
        e.add("dtstart", when.date())
    else:
        e.add("dtstart", when)
        e.add("dtend", when + dt.timedelta(minutes=30))
    e.add("dtstamp", start)
    e.add("organizer", vCalAddress("mailto:me@home.example"))
    for address in who:
        a = vCalAddress("mailto:" + address)
        a.params["cn"] = vText(address.split("@")[0].title())
        a.params["partstat"] = vText("ACCEPTED")
        e.add("attendee", a)
    if n % 7 == 0:
        e.add("location", "https://meet.google.com/abc-defg-hij")
    if n % 50 == 0:
        e.add("rrule", {"freq": "weekly", "count": rng.randint(4, 40)})
        e.add("exdate", when + dt.timedelta(weeks=2))
    elif n % 97 == 0:
        e.add("rrule", {"freq": "monthly", "until": when + dt.timedelta(days=400)})
    cal.add_component(e)
with open(out, "wb") as f:
    f.write(cal.to_ical())
