"""ftp_mirror.py HOST PORT USER PASSWORD REMOTE_DIR LOCAL_DIR: every file of a folder, one connection."""
import ftplib
import os
import sys

from bench_common import now, report

host, port, user, password, remote_dir, local_dir = sys.argv[1:7]
started = now()
ftp = ftplib.FTP()
ftp.connect(host, int(port))
ftp.login(user, password)
ftp.cwd(remote_dir)
names = ftp.nlst()
for name in names:
    with open(os.path.join(local_dir, name), "wb") as f:
        ftp.retrbinary("RETR " + name, f.write)
ftp.quit()
report(started, len(names))
