#!/bin/sh
# Issue 18 goal 2: --version and a one-file `ftp ls` through bin/inetkit (CDS archive on) with C1
# only and with the full JIT, against curl and lftp; interleaved, wall and CPU (user+sys) time.
# Usage: benchmarks/issue18/startup.sh PLAIN_PORT ROUNDS
root=$(cd "$(dirname "$0")/../.." && pwd)
L=$root/cli/src/dist/bin/inetkit
export INETKIT_JAR=$root/cli/target/inetkit.jar
port=$1; rounds=$2
# The first runs write the CDS archives.
sh "$L" --version >/dev/null; sh "$L" ftp ls "ftp://127.0.0.1:$port/" --tls none >/dev/null; sleep 5
for r in $(seq 1 "$rounds"); do
  for cfg in "c1:" "tiered:-XX:TieredStopAtLevel=4"; do
    name=${cfg%%:*}; flags=${cfg#*:}
    INETKIT_JAVA_OPTS="$flags" /usr/bin/time -f "$name|--version|%e|%U|%S" sh "$L" --version 2>&1 >/dev/null | tail -1
    INETKIT_JAVA_OPTS="$flags" /usr/bin/time -f "$name|ftp ls|%e|%U|%S" sh "$L" ftp ls "ftp://127.0.0.1:$port/" --tls none 2>&1 >/dev/null | tail -1
  done
  /usr/bin/time -f "native|curl ls|%e|%U|%S" curl -s "ftp://127.0.0.1:$port/" 2>&1 >/dev/null | tail -1
  /usr/bin/time -f "native|lftp ls|%e|%U|%S" lftp -c "set ftp:ssl-allow no; open ftp://127.0.0.1:$port/; ls" 2>&1 >/dev/null | tail -1
done
