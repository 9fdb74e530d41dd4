#!/usr/bin/env python3
"""A realistic mbox of a given size for the mail reader's benchmark
(bench/mail_read): messages as a mail server and common clients write them,
deterministically (same arguments, same bytes).

    bench/mail_gen.py FILE SIZE_MB [--seed N]

Each message has a delivery header block (Return-Path, Delivered-To, two to
four Received lines, a DKIM signature, often ARC and spam-filter headers),
From/To/Cc with quoted and RFC 2047-encoded names, Message-ID, replies with
In-Reply-To and References chains, a Date in various zones, a MIME structure
(text, text + HTML, or with an attachment); one message in eight comes from a
mailing list (List-Id, List-Unsubscribe, Precedence), a few are auto-replies
or from no-reply senders. Bodies vary from a line to a few kilobytes of
quoted text; 1% carry a base64 attachment of 30 to 150 KB and one in 10,000
an attachment of 2 to 6 MB. Body lines starting with "From " are
written as ">From " (mboxo). About 200,000 messages make 1 GB.
"""
import base64
import random
import sys

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
FIRST = ["Ada", "José", "Priya", "Noor", "Łukasz", "Chen", "Zoë", "Olu", "Mariana", "Søren",
         "Hiroshi", "Fatima", "Grace", "Ivan", "Amélie", "Kwame", "Lena", "Mateo", "Yuki", "Sam",
         "Björn", "Anaïs", "Dmitri", "Nia", "Rahul", "Tomás", "Ines", "Omar", "Chloé", "Wei"]
LAST = ["Lovelace", "Núñez", "Raman", "Haddad", "Wiśniewski", "Wei", "Müller", "Okafor", "Silva",
        "Kierkegaard", "Tanaka", "Zahra", "Hopper", "Petrov", "Dubois", "Mensah", "Schmidt",
        "García", "Sato", "O'Brien", "Åberg", "Lefèvre", "Ivanov", "Brown", "Gupta", "Ortega"]
DOMAINS = ["example.com", "example.org", "paywell.example", "globex.example", "initech.example",
           "mail.example.net", "uni.example.edu", "startup.example.io"]
LISTS = [("rust-users", "users.rust-lang.example"), ("climate-tech", "lists.example.org"),
         ("kernel-dev", "vger.example.org"), ("hiring", "groups.example.com")]
WORDS = ("the of and to a in is that for it as was with be by on not he this are or his from at "
         "which but have an they you were her she there been one all we their has would when if "
         "so no will more about can out up them into do time only could new some these two may "
         "first then other like now over such our man me even most made after also did many "
         "before must through back years where much your way well down should because each just "
         "those people how too little state good very make world still own see men work long get "
         "here between both life being under never day same another know while last might us "
         "great old year off come since against go came right used take three meeting coffee "
         "hiring intro thanks project launch review draft").split()
ME = ("Noor Haddad", "noor@home.example")


def b64(text, charset="UTF-8"):
    return "=?%s?B?%s?=" % (charset, base64.b64encode(text.encode("utf-8")).decode())


def qp(text):
    out = []
    for byte in text.encode("utf-8"):
        ch = chr(byte)
        if ch == " ":
            out.append("_")
        elif ch.isalnum() and byte < 128:
            out.append(ch)
        else:
            out.append("=%02X" % byte)
    return "=?UTF-8?Q?%s?=" % "".join(out)


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.people = []
        for i in range(400):
            first, last = self.r.choice(FIRST), self.r.choice(LAST)
            local = (first + "." + last).lower().encode("ascii", "ignore").decode()
            local = "".join(c for c in local if c.isalnum() or c == ".") or "x"
            self.people.append(("%s %s" % (first, last), "%s%d@%s" % (local, i % 7, self.r.choice(DOMAINS))))
        self.paragraphs = [self.paragraph() for _ in range(300)]
        self.attachment = base64.encodebytes(bytes(self.r.getrandbits(8) for _ in range(600_000))).decode()
        self.threads = []  # (subject, [message ids])
        self.serial = 0
        self.when = 1_500_000_000

    def paragraph(self):
        words = [self.r.choice(WORDS) for _ in range(self.r.randint(20, 90))]
        words[0] = words[0].capitalize()
        lines, line = [], ""
        for w in words:
            if len(line) + len(w) + 1 > 72:
                lines.append(line)
                line = w
            else:
                line = (line + " " + w).strip()
        lines.append(line + ".")
        if self.r.random() < 0.05:
            lines.append("From what I remember, we agreed on this.")
        return "\n".join(lines)

    def display(self, person):
        name, email = person
        roll = self.r.random()
        if roll < 0.25:
            return "%s <%s>" % (b64(name) if self.r.random() < 0.5 else qp(name), email)
        if roll < 0.35:
            last, first = name.split(" ", 1)[1], name.split(" ", 1)[0]
            return '"%s, %s" <%s>' % (last, first, email)
        if roll < 0.45:
            return email
        if roll < 0.9:
            return '"%s" <%s>' % (name, email)
        return "%s <%s>" % (name.encode("ascii", "replace").decode().replace("?", ""), email)

    def address_list(self, people):
        return ",\n ".join(self.display(p) for p in people)

    def date(self, t):
        offset = self.r.choice([0, 60, -300, -420, 120, 330, 540, -180])
        local = t + offset * 60
        days, rest = divmod(local, 86400)
        # civil from days (Howard Hinnant's algorithm)
        z = days + 719468
        era = z // 146097
        doe = z - era * 146097
        yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
        y = yoe + era * 400
        doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
        mp = (5 * doy + 2) // 153
        d = doy - (153 * mp + 2) // 5 + 1
        m = mp + 3 if mp < 10 else mp - 9
        y += m <= 2
        weekday = DAYS[(days + 3) % 7]
        sign = "+" if offset >= 0 else "-"
        zone = "%s%02d%02d" % (sign, abs(offset) // 60, abs(offset) % 60)
        hms = "%02d:%02d:%02d" % (rest // 3600, rest // 60 % 60, rest % 60)
        rfc = "%s, %d %s %d %s %s" % (weekday, d, MONTHS[m - 1], y, hms, zone)
        if self.r.random() < 0.3:
            rfc += " (UTC)" if offset == 0 else ""
        utc_days, utc_rest = divmod(t, 86400)
        return rfc, utc_days, utc_rest

    def from_line_date(self, t):
        days, rest = divmod(t, 86400)
        z = days + 719468
        era = z // 146097
        doe = z - era * 146097
        yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
        y = yoe + era * 400
        doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
        mp = (5 * doy + 2) // 153
        d = doy - (153 * mp + 2) // 5 + 1
        m = mp + 3 if mp < 10 else mp - 9
        y += m <= 2
        return "%s %s %2d %02d:%02d:%02d %d" % (DAYS[(days + 3) % 7], MONTHS[m - 1], d,
                                                rest // 3600, rest // 60 % 60, rest % 60, y)

    def token(self, n):
        return "".join(self.r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
                       for _ in range(n))

    def folded_b64(self, n):
        s = self.token(n)
        return "\n\t".join(s[i:i + 70] for i in range(0, len(s), 70))

    def message(self):
        r = self.r
        self.serial += 1
        self.when += r.randint(30, 900)
        sent = r.random() < 0.3
        sender = ME if sent else r.choice(self.people)
        to = [r.choice(self.people) for _ in range(r.choice([1, 1, 1, 2, 3, 5, 12]))]
        if not sent and r.random() < 0.7:
            to.insert(0, ME)
        cc = [r.choice(self.people) for _ in range(r.choice([0, 0, 0, 1, 2, 4]))]
        msgid = "%s.%d@%s" % (self.token(16), self.serial, sender[1].split("@")[1])
        listed = r.random() < 0.125
        headers = []
        rfc_date, _, _ = self.date(self.when)
        headers.append("Return-Path: <%s>" % sender[1])
        headers.append("Delivered-To: %s" % ME[1])
        for hop in range(r.randint(2, 4)):
            host = "mx%d.%s" % (hop, r.choice(DOMAINS))
            headers.append("Received: from %s (%s [203.0.113.%d])\n\tby mail.home.example (Postfix) "
                           "with ESMTPS id %s\n\tfor <%s>; %s" % (host, host, r.randint(1, 254),
                                                                 self.token(10), ME[1], rfc_date))
        headers.append("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=%s; s=s%d;\n"
                       "\th=from:to:subject:date:message-id:mime-version;\n\tbh=%s;\n\tb=%s" %
                       (sender[1].split("@")[1], r.randint(1, 9), self.token(44), self.folded_b64(344)))
        if r.random() < 0.4:
            headers.append("ARC-Seal: i=1; a=rsa-sha256; t=%d; cv=none; d=google.example; s=arc;\n\tb=%s" %
                           (self.when, self.folded_b64(344)))
            headers.append("ARC-Authentication-Results: i=1; mx.google.example;\n"
                           "\tdkim=pass header.i=@%s;\n\tspf=pass smtp.mailfrom=%s" %
                           (sender[1].split("@")[1], sender[1]))
        if r.random() < 0.5:
            headers.append("X-Spam-Status: No, score=-%d.%d required=5.0 tests=BAYES_00,DKIM_SIGNED,\n"
                           "\tDKIM_VALID,SPF_PASS autolearn=ham version=3.4.6" % (r.randint(0, 9), r.randint(0, 9)))
        subject = None
        thread = None
        if self.threads and r.random() < 0.45:
            thread = r.choice(self.threads)
            subject = ("Re: " if r.random() < 0.9 else "Fwd: ") + thread[0]
        if subject is None:
            words = " ".join(r.choice(WORDS) for _ in range(r.randint(2, 8)))
            subject = words.capitalize()
            if r.random() < 0.2:
                subject = b64(subject + " — " + r.choice(FIRST))
        headers.append("From: %s" % self.display(sender))
        headers.append("To: %s" % self.address_list(to))
        if cc:
            headers.append("Cc: %s" % self.address_list(cc))
        headers.append("Subject: %s" % subject)
        headers.append("Date: %s" % rfc_date)
        headers.append("Message-ID: <%s>" % msgid)
        if thread is not None:
            headers.append("In-Reply-To: <%s>" % thread[1][-1])
            headers.append("References: %s" % "\n ".join("<%s>" % m for m in thread[1][-10:]))
            thread[1].append(msgid)
        elif r.random() < 0.3:
            self.threads.append((subject if not subject.startswith("=?") else "Status", [msgid]))
            if len(self.threads) > 500:
                self.threads.pop(0)
        if listed:
            name, host = r.choice(LISTS)
            headers.append("List-Id: %s <%s.%s>" % (name.capitalize(), name, host))
            headers.append("List-Unsubscribe: <mailto:%s-leave@%s>, <https://%s/unsub/%s>" %
                           (name, host, host, self.token(20)))
            headers.append("Precedence: list")
            headers.append("Sender: %s-bounces@%s" % (name, host))
        elif r.random() < 0.01:
            headers.append("Auto-Submitted: auto-replied")
            headers.append("X-Auto-Response-Suppress: All")
        headers.append("MIME-Version: 1.0")
        headers.append("X-Mailer: %s" % r.choice(["Apple Mail (2.3731)", "Microsoft Outlook 16.0",
                                                  "Thunderbird 115.3.1", "aerc 0.16.0", "mutt 2.2.9"]))
        body_text = "\n\n".join(r.choice(self.paragraphs) for _ in range(r.choice([1, 1, 2, 3, 4, 7])))
        if thread is not None and r.random() < 0.6:
            quoted = "\n".join("> " + line for line in r.choice(self.paragraphs).split("\n"))
            body_text += "\n\nOn %s, someone wrote:\n%s" % (rfc_date, quoted)
        roll = r.random()
        boundary = "b1_" + self.token(24)
        if roll < 0.0001:
            size = r.randint(2_000_000, 6_000_000)
            body = self.with_attachment(boundary, body_text, size)
        elif roll < 0.0101:
            body = self.with_attachment(boundary, body_text, r.randint(30_000, 150_000))
        elif roll < 0.5:
            headers.append('Content-Type: multipart/alternative; boundary="%s"' % boundary)
            html = "<html><body><p>" + body_text.replace("\n\n", "</p><p>") + "</p></body></html>"
            body = ("--%s\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n%s\n"
                    "--%s\nContent-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n%s\n--%s--\n"
                    % (boundary, body_text, boundary, html, boundary))
        else:
            headers.append("Content-Type: text/plain; charset=UTF-8")
            headers.append("Content-Transfer-Encoding: 8bit")
            body = body_text + "\n"
        if body.startswith("--"):
            if not any(h.startswith("Content-Type") for h in headers):
                headers.append('Content-Type: multipart/mixed; boundary="%s"' % boundary)
        headers.append("Status: RO")
        body = "\n".join(">" + line if line.startswith("From ") else line for line in body.split("\n"))
        return "From %s %s\n%s\n\n%s\n" % (sender[1], self.from_line_date(self.when), "\n".join(headers), body)

    def with_attachment(self, boundary, text, size):
        blob = self.attachment
        while len(blob) < size:
            blob += self.attachment
        start = self.r.randint(0, 76 * 100)
        start -= start % 77
        data = blob[start:start + size]
        data = data[:len(data) - len(data) % 77]
        return ("--%s\nContent-Type: text/plain; charset=UTF-8\n\n%s\n"
                "--%s\nContent-Type: application/pdf; name=\"report-%d.pdf\"\n"
                "Content-Disposition: attachment; filename=\"report-%d.pdf\"\n"
                "Content-Transfer-Encoding: base64\n\n%s--%s--\n"
                % (boundary, text, boundary, self.serial, self.serial, data, boundary))


def main():
    args = sys.argv[1:]
    seed = 1
    if "--seed" in args:
        i = args.index("--seed")
        seed = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit("usage: bench/mail_gen.py FILE SIZE_MB [--seed N]")
    path, size = args[0], int(float(args[1]) * 1_000_000)
    gen = Gen(seed)
    written = 0
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
        while written < size:
            text = gen.message()
            out.write(text)
            written += len(text.encode("utf-8")) if not text.isascii() else len(text)
            count += 1
    print("%s: %d messages, %d bytes" % (path, count, written), file=sys.stderr)


if __name__ == "__main__":
    main()
