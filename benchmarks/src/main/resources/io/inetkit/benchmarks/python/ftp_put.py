"""ftp_put.py HOST PORT USER PASSWORD LOCAL REMOTE BLOCKSIZE: one STOR with ftplib."""
import ftplib
import os
import sys

from bench_common import now, report

host, port, user, password, local, remote, block = sys.argv[1:8]
started = now()
ftp = ftplib.FTP()
ftp.connect(host, int(port))
ftp.login(user, password)
with open(local, "rb") as f:
    ftp.storbinary("STOR " + remote, f, blocksize=int(block))
ftp.quit()
report(started, os.path.getsize(local))
