#!/usr/bin/env bash
# Maildir sync of a 10,000-message account (4 folders) from Debian's Dovecot over IMAP+STARTTLS:
# `inetkit mail sync --all` against `mbsync` (isync), interleaved round by round on one private
# Dovecot instance (127.0.0.1, a free port). Per round and contender: first sync into an empty
# Maildir, a no-change re-sync, and a re-sync after 10 flag changes on the server (both contenders
# see the same 10). Prints every sample, then medians and ratios (mbsync time / inetkit time: above
# 1 means inetkit is faster).
#
# Usage (as root, Dovecot and isync installed, the CLI jar built by `mvn -pl cli -am package`;
# the CLI runs through cli/src/dist/bin/inetkit, INETKIT_JAR picks another jar):
#   benchmarks/scripts/maildir-sync-vs-mbsync.sh [ROUNDS] [MESSAGES]
set -euo pipefail
ROUNDS=${1:-5}
MESSAGES=${2:-10000}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${INETKIT_JAR:-$REPO/cli/target/inetkit.jar}
[ -f "$JAR" ] || { echo "build the CLI first: mvn -B -pl cli -am package -DskipTests" >&2; exit 2; }
command -v mbsync >/dev/null || { echo "mbsync missing: apt-get install -y isync" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "run as root (Dovecot serves a throwaway user)" >&2; exit 2; }

W=$(mktemp -d /tmp/inetkit-sync-bench.XXXXXX)
chmod 755 "$W"
cleanup() { [ -f "$W/run/master.pid" ] && kill "$(cat "$W/run/master.pid")" 2>/dev/null; sleep 0.5; rm -rf "$W"; }
trap cleanup EXIT

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
USER_NAME=bench
PASS=bench-$RANDOM$RANDOM
HOME_DIR=$W/home
mkdir -p "$HOME_DIR"
chown nobody:nogroup "$HOME_DIR"

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
  -addext subjectAltName=IP:127.0.0.1 -keyout "$W/key.pem" -out "$W/cert.pem" 2>/dev/null
echo "$USER_NAME:{PLAIN}$PASS:65534:65534::$HOME_DIR::" > "$W/passwd"
chgrp dovecot "$W/passwd"; chmod 640 "$W/passwd"
cat > "$W/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $W/run
state_dir = $W/state
instance_name = inetkit-bench-$$
log_path = $W/dovecot.log
ssl = required
ssl_cert = <$W/cert.pem
ssl_key = <$W/key.pem
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $W/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u $W/passwd
}
service imap-login {
  inet_listener imap {
    port = $PORT
  }
  inet_listener imaps {
    port = 0
  }
}
CONF

# The account: INBOX 50%, Work 25%, Lists.Java 15%, Archive 10%; 2-6 KiB text messages, a third seen.
python3 - "$HOME_DIR/Maildir" "$MESSAGES" <<'PY'
import os, sys, random
root, n = sys.argv[1], int(sys.argv[2])
random.seed(7)
folders = [("", .50), (".Work", .25), (".Lists.Java", .15), (".Archive", .10)]
i = 0
for name, share in folders:
    d = os.path.join(root, name) if name else root
    for sub in ("tmp", "new", "cur"):
        os.makedirs(os.path.join(d, sub), exist_ok=True)
    if name:
        open(os.path.join(d, "maildirfolder"), "w").close()
    for k in range(int(n * share)):
        i += 1
        body = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit %d.\r\n" % i) * random.randint(30, 100)
        msg = ("From: sender%d@example.org\r\nTo: bench@example.org\r\nSubject: message %d\r\n"
               "Message-ID: <%d@bench.example>\r\nDate: Mon, 7 Dec 2026 10:00:00 +0000\r\n\r\n%s") % (i % 50, i, i, body)
        seen = i % 3 == 0
        fname = "%d.M%dP1.bench" % (1700000000 + i, i) + (":2,S" if seen else "")
        with open(os.path.join(d, "cur" if seen else "new", fname), "w") as f:
            f.write(msg)
PY
chown -R nobody:nogroup "$HOME_DIR"
dovecot -c "$W/dovecot.conf"
for _ in $(seq 50); do (echo > /dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.1; done
# Let Dovecot build its indexes once, so neither contender pays for that in its first round.
doveadm -c "$W/dovecot.conf" force-resync -u $USER_NAME '*'
doveadm -c "$W/dovecot.conf" index -u $USER_NAME '*' 2>/dev/null || true

export INETKIT_PASSWORD=$PASS
URL="imap://$USER_NAME@127.0.0.1:$PORT"
# Through bin/inetkit, as a user runs it (its class-data-sharing archive, in a cache of this run's
# own, is written after the first mail command, so round 1 runs without it).
inetkit_sync() {
  INETKIT_JAR="$JAR" XDG_CACHE_HOME="$W/cache" sh "$REPO/cli/src/dist/bin/inetkit" \
    mail sync "$URL" --all --cacert "$W/cert.pem" --maildir "$1" >/dev/null
}
mbsync_conf() {
  cat > "$W/mbsyncrc" <<RC
IMAPAccount bench
Host 127.0.0.1
Port $PORT
User $USER_NAME
Pass $PASS
SSLType STARTTLS
CertificateFile $W/cert.pem

IMAPStore remote
Account bench

MaildirStore local
Inbox $1/
SubFolders Maildir++

Channel bench
Far :remote:
Near :local:
Patterns *
Create Near
Sync Pull
SyncState *
RC
}
mbsync_sync() { mbsync_conf "$1"; mbsync -q -c "$W/mbsyncrc" bench >/dev/null; }
export -f inetkit_sync mbsync_conf mbsync_sync
export JAR REPO W URL PORT USER_NAME PASS
# Prints the wall time; appends "contender wall cpu load" to $W/cpu.txt (cpu = user + sys).
timed() {
  /usr/bin/time -f '%e %U %S' -o "$W/time.txt" bash -c '"$@"' timed "$@"
  read -r wall user sys < <(tail -1 "$W/time.txt")
  echo "${1%_sync} $wall $(python3 -c "print(f'{$user+$sys:.2f}')") $(cut -d' ' -f1 /proc/loadavg)" >> "$W/cpu.txt"
  echo "$wall"
}
flag10() { # 10 flag changes: toggle \Flagged on 10 INBOX messages (added, then removed next time)
  local op=$1
  doveadm -c "$W/dovecot.conf" flags "$op" -u $USER_NAME '\Flagged' mailbox INBOX uid 1:10
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); $(dovecot --version | cut -d' ' -f1) dovecot, $(mbsync --version), $(java -version 2>&1 | head -1)"
echo "account: $MESSAGES messages in 4 folders, $(du -sh "$HOME_DIR/Maildir" | cut -f1); IMAP+STARTTLS on 127.0.0.1:$PORT"
echo "round contender first_s resync_s flags10_s"
RESULTS=$W/results.txt
op=add
for r in $(seq "$ROUNDS"); do
  rm -rf "$W/i" "$W/m"; mkdir -p "$W/i" "$W/m"
  if [ $((r % 2)) = 1 ]; then order="inetkit mbsync"; else order="mbsync inetkit"; fi
  declare -A first resync flags
  for c in $order; do
    first[$c]=$(timed ${c}_sync "$W/${c:0:1}")
    resync[$c]=$(timed ${c}_sync "$W/${c:0:1}")
  done
  flag10 $op; [ $op = add ] && op=remove || op=add
  for c in $order; do flags[$c]=$(timed ${c}_sync "$W/${c:0:1}"); done
  for c in $order; do
    echo "$r $c ${first[$c]} ${resync[$c]} ${flags[$c]}" | tee -a "$RESULTS"
  done
  if [ "$r" = 1 ]; then
    for c in inetkit mbsync; do
      echo "  check: $c has $(find "$W/${c:0:1}" -path '*/cur/*' -o -path '*/new/*' | grep -v '/\.mbsyncstate\|/\.uidvalidity\|/\.inetkit-sync' | wc -l) files"
    done
  fi
done
python3 - "$RESULTS" "$MESSAGES" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1])]
n = int(sys.argv[2])
med = {}
for c in ("inetkit", "mbsync"):
    for i, col in enumerate(("first", "resync", "flags10")):
        med[c, col] = statistics.median(float(r[2 + i]) for r in rows if r[1] == c)
print("\nmedians over %d rounds (seconds; ratio = mbsync / inetkit, >1 means inetkit is faster)" % (len(rows) // 2))
print("| job | inetkit CLI | mbsync | ratio |\n|---|---|---|---|")
for col, label in (("first", "first sync of %d" % n), ("resync", "no-change re-sync"), ("flags10", "re-sync after 10 flag changes")):
    i, m = med["inetkit", col], med["mbsync", col]
    extra = " (%.0f msg/s vs %.0f msg/s)" % (n / i, n / m) if col == "first" else ""
    print("| %s | %.3f s | %.3f s | %.2fx%s |" % (label, i, m, m / i, extra))
PY
echo "every run in order: contender wall_s cpu_s(user+sys) load (first, re-sync, flags per round)"
cat "$W/cpu.txt"
