"""telnet_flood.py HOST PORT BYTES: run `flood BYTES` in a Telnet shell over a plain socket.

Refuses every option the server offers (a minimal NVT), waits for the "$ " prompt, sends the
command and reads until BYTES bytes of output and the next prompt have arrived.
"""
import socket
import sys

from bench_common import now, report

IAC, DONT, DO, WONT, WILL, SB, SE = 255, 254, 253, 252, 251, 250, 240


def strip_iac(sock, data):
    """Answers and removes Telnet commands; fast path when there are none."""
    if IAC not in data:
        return data
    out = bytearray()
    i = 0
    while i < len(data):
        b = data[i]
        if b != IAC:
            out.append(b)
            i += 1
            continue
        cmd = data[i + 1] if i + 1 < len(data) else None
        if cmd in (DO, DONT, WILL, WONT) and i + 2 < len(data):
            opt = data[i + 2]
            if cmd == DO:
                sock.sendall(bytes([IAC, WONT, opt]))
            elif cmd == WILL:
                sock.sendall(bytes([IAC, DONT, opt]))
            i += 3
        elif cmd == SB:
            end = data.find(bytes([IAC, SE]), i)
            i = len(data) if end < 0 else end + 2
        elif cmd == IAC:
            out.append(IAC)
            i += 2
        else:
            i += 2
    return bytes(out)


host, port, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
started = now()
sock = socket.create_connection((host, port))
buf = bytearray(256 * 1024)
pending = b""
while not pending.endswith(b"$ "):
    n = sock.recv_into(buf)
    if n == 0:
        raise SystemExit("closed before the prompt")
    pending += strip_iac(sock, bytes(buf[:n]))
command = b"flood %d" % size
sock.sendall(command + b"\r\n")
received = 0
tail = b""
while True:
    n = sock.recv_into(buf)
    if n == 0:
        raise SystemExit("closed after %d bytes" % received)
    chunk = strip_iac(sock, bytes(buf[:n]))
    received += len(chunk)
    tail = (tail + chunk)[-64:]
    # (The echo of the command, if the server echoes,) the flood, then the prompt again.
    if received >= size + 2 and tail.endswith(b"$ "):
        break
sock.close()
report(started, size)
