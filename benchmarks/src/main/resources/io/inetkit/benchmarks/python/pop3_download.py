"""pop3_download.py HOST PORT USER PASSWORD: RETR every message with poplib (content discarded)."""
import poplib
import sys

from bench_common import now, report

host, port, user, password = sys.argv[1:5]
started = now()
pop = poplib.POP3(host, int(port))
pop.user(user)
pop.pass_(password)
count, _ = pop.stat()
pop.list()
total = 0
for i in range(1, count + 1):
    _, lines, octets = pop.retr(i)
    total += octets
pop.quit()
report(started, count)
