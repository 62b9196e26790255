#!/bin/sh
# Issue 18 goal 1: 1 GiB get, plain and implicit FTPS: the library (a fresh JVM; its second of two
# gets, warm, is reported), the CLI through bin/inetkit with C1 only (before) and as bin/inetkit
# now chooses (after), curl and lftp; interleaved round by round, wall and CPU time.
# Usage: benchmarks/issue18/goal1.sh PLAIN_PORT IMPLICIT_PORT CA ROUNDS
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$(cd "$(dirname "$0")" && pwd)
L=$root/cli/src/dist/bin/inetkit
export INETKIT_JAR=$root/cli/target/inetkit.jar
pp=$1; ip=$2; ca=$3; rounds=$4
for r in $(seq 1 "$rounds"); do
  for mode in plain implicit; do
    if [ $mode = plain ]; then port=$pp; url=ftp://anonymous:x@127.0.0.1:$pp/big.bin; tls="--tls none";
    else port=$ip; url=ftps://anonymous:x@127.0.0.1:$ip/big.bin; tls=""; fi
    echo "$mode|lib|$(java -cp "$INETKIT_JAR" "$here/LibGet.java" "$port" $mode "$ca" 2 | tail -1)|load $(cut -d' ' -f1 /proc/loadavg)"
    # shellcheck disable=SC2086
    INETKIT_JAVA_OPTS=-XX:TieredStopAtLevel=1 /usr/bin/time -f "$mode|cli-c1|%e|%U|%S" sh "$L" ftp get -q --no-progress $tls --cacert "$ca" "$url" -o cli.bin 2>&1 | tail -1
    # shellcheck disable=SC2086
    /usr/bin/time -f "$mode|cli-new|%e|%U|%S" sh "$L" ftp get -q --no-progress $tls --cacert "$ca" "$url" -o cli.bin 2>&1 | tail -1
    /usr/bin/time -f "$mode|curl|%e|%U|%S" curl -sS --cacert "$ca" -o curl.bin "$url" 2>&1 | tail -1
    if [ $mode = plain ]; then set_tls="set ftp:ssl-allow no"; else set_tls="set ssl:ca-file $ca"; fi
    /usr/bin/time -f "$mode|lftp|%e|%U|%S" lftp -c "$set_tls; get $url -o lftp.bin" 2>&1 | tail -1
    rm -f curl.bin cli.bin lftp.bin lib-out.bin
  done
done
