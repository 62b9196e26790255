"""ftp_get.py HOST PORT USER PASSWORD REMOTE LOCAL BLOCKSIZE [CAFILE]: one RETR with ftplib.

With CAFILE the control and data connections use TLS (AUTH TLS, PROT P) verified against it.
"""
import ftplib
import os
import ssl
import sys

from bench_common import now, report

host, port, user, password, remote, local, block = sys.argv[1:8]
cafile = sys.argv[8] if len(sys.argv) > 8 else None
started = now()
if cafile:
    ftp = ftplib.FTP_TLS(context=ssl.create_default_context(cafile=cafile))
else:
    ftp = ftplib.FTP()
ftp.connect(host, int(port))
ftp.login(user, password)
if cafile:
    ftp.prot_p()
with open(local, "wb") as f:
    ftp.retrbinary("RETR " + remote, f.write, blocksize=int(block))
ftp.quit()
report(started, os.path.getsize(local))
