#!/bin/sh
# JVM flags for a 1 GiB implicit-FTPS get by the CLI (java -jar, no CDS), interleaved round by round.
# Usage: benchmarks/issue18/cli-flags.sh PORT CA ROUNDS   (PORT, CA: from start-vsftpd.sh)
root=$(cd "$(dirname "$0")/../.." && pwd)
J=$root/cli/target/inetkit.jar
port=$1; ca=$2; rounds=$3
for r in $(seq 1 "$rounds"); do
  for cfg in "c1serial:-XX:+UseSerialGC -XX:-UsePerfData -XX:TieredStopAtLevel=1" \
      "tieredserial:-XX:+UseSerialGC -XX:-UsePerfData" "default:-XX:-UsePerfData" \
      "tieredparallel:-XX:+UseParallelGC -XX:-UsePerfData"; do
    name=${cfg%%:*}; flags=${cfg#*:}
    rm -f cli-out.bin
    # shellcheck disable=SC2086
    /usr/bin/time -f "$name round $r: wall %e s user %U s sys %S s maxrss %M KB" java $flags -jar "$J" \
      ftp get -q --no-progress --cacert "$ca" "ftps://anonymous:x@127.0.0.1:$port/big.bin" -o cli-out.bin 2>&1 | tail -1
    echo "   load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
rm -f cli-out.bin
