#!/bin/sh
# Issue 18 goal 2, each step's effect: a one-file `ftp ls` and --version with the JVM's start-up
# options added one at a time (plain `java -jar`; + serial GC, no perf data; + C1 only; + the
# launcher's CDS archive, i.e. bin/inetkit as shipped), and optionally the same launcher on an
# older jar (BASE_JAR, e.g. one built from main) to show the code changes' effect. Rounds are
# interleaved; prints "label|command|wall|user|sys" per run and the load, then medians.
# INETKIT_JAR chooses the jar measured (default cli/target/inetkit.jar).
# Usage: BASE_JAR=/tmp/old-inetkit.jar benchmarks/issue18/startup-steps.sh PLAIN_PORT ROUNDS
root=$(cd "$(dirname "$0")/../.." && pwd)
L=$root/cli/src/dist/bin/inetkit
jar=${INETKIT_JAR:-$root/cli/target/inetkit.jar}
port=$1; rounds=$2
out=$(mktemp)
cache=$(mktemp -d)
# The first runs write the CDS archives (one cache per jar, so they do not replace each other).
warm() {
  XDG_CACHE_HOME=$cache/$2 INETKIT_JAR=$1 sh "$L" --version >/dev/null
  XDG_CACHE_HOME=$cache/$2 INETKIT_JAR=$1 sh "$L" ftp ls "ftp://127.0.0.1:$port/" --tls none >/dev/null
}
warm "$jar" new
[ -n "${BASE_JAR:-}" ] && warm "$BASE_JAR" base
sleep 10
run() { # label, then the command
  label=$1; shift
  /usr/bin/time -f "$label|%e|%U|%S" -o "$out.t" "$@" >/dev/null 2>&1
  tail -n 1 "$out.t" | tee -a "$out"
}
for r in $(seq 1 "$rounds"); do
  echo "load $(cut -d ' ' -f 1 /proc/loadavg)"
  for cmd in "--version" "ftp ls ftp://127.0.0.1:$port/ --tls none"; do
    # shellcheck disable=SC2086
    {
      run "java -jar|$cmd" java -jar "$jar" $cmd
      run "+ SerialGC -UsePerfData|$cmd" java -XX:+UseSerialGC -XX:-UsePerfData -jar "$jar" $cmd
      run "+ C1 only|$cmd" java -XX:+UseSerialGC -XX:-UsePerfData -XX:TieredStopAtLevel=1 -jar "$jar" $cmd
      run "+ CDS (bin/inetkit)|$cmd" env XDG_CACHE_HOME="$cache/new" INETKIT_JAR="$jar" sh "$L" $cmd
      if [ -n "${BASE_JAR:-}" ]; then
        run "BASE_JAR bin/inetkit|$cmd" env XDG_CACHE_HOME="$cache/base" INETKIT_JAR="$BASE_JAR" sh "$L" $cmd
      fi
    }
  done
done
echo "load $(cut -d ' ' -f 1 /proc/loadavg)"
python3 - "$out" <<'EOF'
import collections, statistics, sys
runs = collections.OrderedDict()
for line in open(sys.argv[1]):
    label, cmd, wall, user, sys_ = line.strip().split("|")
    runs.setdefault((label, cmd.split(" ftp:")[0]), []).append((float(wall), float(user) + float(sys_)))
print("| step | command | wall median (range) | CPU median (range) |")
print("|---|---|---|---|")
for (label, cmd), v in runs.items():
    w = sorted(x[0] for x in v); c = sorted(x[1] for x in v)
    print(f"| {label} | {cmd} | {statistics.median(w):.3f} ({w[0]:.2f}-{w[-1]:.2f}) s "
          f"| {statistics.median(c):.3f} ({c[0]:.2f}-{c[-1]:.2f}) s |")
EOF
rm -rf "$out" "$out.t" "$cache"
