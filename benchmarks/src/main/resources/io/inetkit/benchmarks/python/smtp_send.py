"""smtp_send.py HOST PORT COUNT MESSAGE_FILE FROM TO: COUNT messages over one smtplib session."""
import smtplib
import sys

from bench_common import now, report

host, port, count, message_file, sender, recipient = sys.argv[1:7]
with open(message_file, "rb") as f:
    message = f.read()
started = now()
smtp = smtplib.SMTP(host, int(port))
smtp.ehlo()
for _ in range(int(count)):
    smtp.sendmail(sender, [recipient], message)
smtp.quit()
report(started, int(count))
