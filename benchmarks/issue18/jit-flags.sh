#!/bin/sh
# Goal 1: a 1 GiB implicit-FTPS get through bin/inetkit (its CDS archive, the launcher's JVM options)
# with extra JIT options in INETKIT_JAVA_OPTS, against curl; interleaved round by round.
# Usage: benchmarks/issue18/jit-flags.sh PORT CA ROUNDS   (PORT, CA: from start-vsftpd.sh)
root=$(cd "$(dirname "$0")/../.." && pwd)
L=$root/cli/src/dist/bin/inetkit
export INETKIT_JAR=$root/cli/target/inetkit.jar
port=$1; ca=$2; rounds=$3
url=ftps://anonymous:x@127.0.0.1:$port/big.bin
for r in $(seq 1 "$rounds"); do
  for cfg in "default:" "cts01:-XX:CompileThresholdScaling=0.1" "noTiered:-XX:-TieredCompilation" \
      "c1:-XX:TieredStopAtLevel=1"; do
    name=${cfg%%:*}
    INETKIT_JAVA_OPTS=${cfg#*:} /usr/bin/time -f "$name round $r: wall %e s user %U s sys %S s" \
      sh "$L" ftp get -q --no-progress --cacert "$ca" "$url" -o cli.bin 2>&1 | tail -1
    rm -f cli.bin
  done
  /usr/bin/time -f "curl round $r: wall %e s user %U s sys %S s" curl -sS --cacert "$ca" -o curl.bin "$url" 2>&1 | tail -1
  rm -f curl.bin
  echo "   load $(cut -d' ' -f1 /proc/loadavg)"
done
