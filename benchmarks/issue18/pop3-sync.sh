#!/bin/sh
# What `inetkit mail sync` over POP3 spends: wall and CPU with the launcher's JIT and with C1 only,
# then the system calls of one run (strace -f -c), and Python's poplib loop into memory.
# Start a Dovecot first (root):
#   javac -d /tmp/sd -cp benchmarks/target/inetkit-benchmarks.jar benchmarks/issue18/StartDovecot.java
#   java -cp /tmp/sd:benchmarks/target/inetkit-benchmarks.jar StartDovecot 2000 &   # prints user, password, pop3 port
# Usage: INETKIT_PASSWORD=... benchmarks/issue18/pop3-sync.sh POP3_PORT USER ROUNDS
root=$(cd "$(dirname "$0")/../.." && pwd)
L=$root/cli/src/dist/bin/inetkit
export INETKIT_JAR=$root/cli/target/inetkit.jar
port=$1; user=$2; rounds=$3
box=$(mktemp -d)
for r in $(seq 1 "$rounds"); do
  for opts in "" "-XX:TieredStopAtLevel=1"; do
    rm -rf "$box/m"
    INETKIT_JAVA_OPTS=$opts /usr/bin/time -f "[$opts] round $r: wall %e s user %U s sys %S s" \
      sh "$L" mail sync -q --tls none --password-env INETKIT_PASSWORD --maildir "$box/m" \
      "pop3://$user@127.0.0.1:$port" 2>&1 | tail -1
  done
done
rm -rf "$box/m"
strace -f -c -o "$box/strace.txt" sh "$L" mail sync -q --tls none --password-env INETKIT_PASSWORD \
  --maildir "$box/m" "pop3://$user@127.0.0.1:$port" >/dev/null 2>&1
sort -k4 -n -r "$box/strace.txt" | head -8
python3 - "$port" "$user" <<'PY'
import os, poplib, sys, time
t = time.time()
p = poplib.POP3("127.0.0.1", int(sys.argv[1]))
p.user(sys.argv[2]); p.pass_(os.environ["INETKIT_PASSWORD"])
n = len(p.list()[1])
for i in range(1, n + 1):
    p.retr(i)
p.quit()
print("poplib", n, "messages", round(time.time() - t, 2), "s")
PY
rm -rf "$box"
