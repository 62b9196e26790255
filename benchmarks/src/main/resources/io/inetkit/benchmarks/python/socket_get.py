"""socket_get.py HOST PORT REQUEST LOCAL: send one request line (CRLF), save everything until EOF.

Plain socket, as a Gopher client in a few lines of Python would do it.
"""
import socket
import sys

from bench_common import now, report

host, port, request, local = sys.argv[1:5]
started = now()
total = 0
with socket.create_connection((host, int(port))) as s, open(local, "wb") as f:
    s.sendall(request.encode("utf-8") + b"\r\n")
    buf = bytearray(256 * 1024)
    view = memoryview(buf)
    while True:
        n = s.recv_into(buf)
        if n == 0:
            break
        f.write(view[:n])
        total += n
report(started, total)
