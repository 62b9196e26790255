#!/bin/sh
# Ad hoc SMTP throughput comparison (issue 18 goal 5): inetkit's SmtpSession / SmtpClient against
# Postfix's own load generator smtp-source, on a throw-away Postfix instance (127.0.0.1, its own
# queue in a temporary folder, every message discarded after queueing) and on testkit's GreenMail.
# Contenders run interleaved, round by round; the summary prints medians and ratios.
#
# Usage (as root; compiles core, mail and testkit first):
#   benchmarks/scripts/smtp-postfix.sh [ROUNDS] [MESSAGES]        default 5 rounds of 2000
set -eu
rounds=${1:-5}
count=${2:-2000}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/smtp-bench.XXXXXX)
chmod 755 "$work"
cp_file="$work/classpath"
(cd "$root" && mvn -B -q -pl testkit,mail -am compile dependency:build-classpath \
    -Dmdep.outputFile="$cp_file" -Dmdep.appendOutput=true >/dev/null)
# a snapshot of the compiled classes, so rebuilding during a run does not change the contender
for m in core mail testkit; do cp -r "$root/$m/target/classes" "$work/$m-classes"; done
cp="$work/core-classes:$work/mail-classes:$work/testkit-classes:$(tr '\n' ':' <"$cp_file")"
driver="$root/benchmarks/scripts/SmtpBench.java"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
conf="$work/conf"
mkdir -p "$conf" "$work/queue" "$work/data"
chown postfix "$work/data"
cat >"$conf/main.cf" <<CF
compatibility_level = 3.6
queue_directory = $work/queue
data_directory = $work/data
mail_owner = postfix
setgid_group = postdrop
myhostname = localhost
mydomain = localdomain
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
relayhost =
alias_maps =
alias_database =
local_recipient_maps =
biff = no
default_transport = discard
smtpd_relay_restrictions = permit_mynetworks, reject
maillog_file = $work/postfix.log
maillog_file_prefixes = $work
CF
cat >"$conf/master.cf" <<CF
127.0.0.1:$port inet n - n - - smtpd
pickup unix n - n 60 1 pickup
cleanup unix n - n - 0 cleanup
qmgr unix n - n 300 1 qmgr
rewrite unix - - n - - trivial-rewrite
bounce unix - - n - 0 bounce
defer unix - - n - 0 bounce
trace unix - - n - 0 bounce
verify unix - - n - 1 verify
flush unix n - n 1000? 0 flush
proxymap unix - - n - - proxymap
showq unix n - n - - showq
error unix - - n - - error
retry unix - - n - - error
discard unix - - n - - discard
anvil unix - - n - 1 anvil
scache unix - - n - 1 scache
postlog unix-dgram n - n - 1 postlogd
CF
postfix -c "$conf" check
postfix -c "$conf" start >/dev/null
gm_port_file="$work/greenmail.port"
java -cp "$cp" "$driver" greenmail "$gm_port_file" &
gm_pid=$!
trap 'postfix -c "$conf" stop >/dev/null 2>&1 || true; kill $gm_pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 300); do [ -s "$gm_port_file" ] && break; sleep 0.2; done
gm_port=$(cat "$gm_port_file")
sleep 1

results="$work/results"
: >"$results"
# one timed run: NAME TARGET COMMAND...; records "target name msg/s"
run() {
  name=$1; target=$2; shift 2
  start=$(date +%s.%N)
  "$@" >"$work/last.out" 2>&1 || { echo "FAILED: $name on $target" >&2; tail -5 "$work/last.out" >&2; return 0; }
  end=$(date +%s.%N)
  rate=$(sed -n 's/^RATE //p' "$work/last.out")   # the library rows time themselves in the JVM
  [ -n "$rate" ] || rate=$(echo "$count / ($end - $start)" | bc -l)
  printf '%s\t%s\t%.1f\n' "$target" "$name" "$rate" | tee -a "$results"
}
src() { smtp-source -l 2048 -m "$count" -f bench@example.org -t bench@example.net "$@"; }
lib() { java -XX:+UseSerialGC -cp "$cp" "$driver" send "$@"; }

for r in $(seq "$rounds"); do
  echo "round $r" >&2
  for target in postfix greenmail; do
    p=$port; [ $target = greenmail ] && p=$gm_port
    run "smtp-source -d" $target src -d "127.0.0.1:$p"
    run "smtp-source -s 4 -d" $target src -d -s 4 "127.0.0.1:$p"
    run "inetkit sendAll (1 session)" $target lib 127.0.0.1 "$p" "$count" 1
    run "inetkit sendAll (4 sessions)" $target lib 127.0.0.1 "$p" "$count" 4
  done
  # let Postfix's queue drain between rounds
  for _ in $(seq 100); do [ -z "$(find "$work/queue/active" "$work/queue/incoming" -type f 2>/dev/null | head -1)" ] && break; sleep 0.2; done
done
echo
echo "medians over $rounds rounds of $count x 2 KiB (msg/s; inetkit rows timed inside the JVM, from open to QUIT):"
python3 - "$results" <<'PY'
import sys, statistics, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    t, n, v = line.rstrip("\n").split("\t")
    rows[(t, n)].append(float(v))
for t in ("postfix", "greenmail"):
    base = {n: statistics.median(v) for (tt, n), v in rows.items() if tt == t}
    for n, m in base.items():
        rel = " ".join(f"{m / base[b]:.2f}x {b}" for b in base if b.startswith("smtp-source"))
        print(f"{t:10} {n:45} {m:8.1f}  {rel}")
PY
