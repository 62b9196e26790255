#!/bin/sh
# Issue 18 goal 7: 2 x 1 GiB implicit-FTPS gets from vsftpd per fresh JVM, the JDK's TLS against
# Conscrypt (inserted as the first provider), interleaved; each JVM first checks that a client
# trusting only the system CAs is refused. Needs conscrypt-openjdk-uber in the local Maven repo:
#   mvn -B dependency:get -Dartifact=org.conscrypt:conscrypt-openjdk-uber:2.5.2
# Usage: benchmarks/issue18/tls.sh IMPLICIT_PORT CA ROUNDS
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$(cd "$(dirname "$0")" && pwd)
CP=$root/cli/target/inetkit.jar:$HOME/.m2/repository/org/conscrypt/conscrypt-openjdk-uber/2.5.2/conscrypt-openjdk-uber-2.5.2.jar
for r in $(seq 1 "$3"); do
  for p in jdk conscrypt; do
    /usr/bin/time -f "$p jvm: wall %e user %U sys %S" java -cp "$CP" "$here/TlsGet.java" "$1" "$2" 2 $p 2>&1 | grep -v "^\s*at "
    echo "  load $(cut -d' ' -f1 /proc/loadavg)"
    rm -f tls-out-*.bin
  done
done
