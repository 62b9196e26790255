"""imap_envelopes.py HOST PORT USER PASSWORD EXPECTED: one UID FETCH 1:* (UID FLAGS ENVELOPE RFC822.SIZE).

Reports one listing; fails unless EXPECTED messages were listed.
"""
import imaplib
import sys

from bench_common import now, report

host, port, user, password, expected = sys.argv[1:6]
started = now()
imap = imaplib.IMAP4(host, int(port))
imap.login(user, password)
imap.select("INBOX", readonly=True)
typ, data = imap.uid("FETCH", "1:*", "(UID FLAGS ENVELOPE RFC822.SIZE)")
count = sum(1 for d in data if d is not None and not (isinstance(d, bytes) and d == b")"))
imap.logout()
if count != int(expected):
    raise SystemExit("listed %d messages, expected %s" % (count, expected))
report(started, 1)
