#!/bin/sh
# Starts two vsftpd instances (plain with AUTH TLS optional, and implicit FTPS) serving big.bin of
# SIZE_MIB MiB, prints "plain=PORT implicit=PORT ca=FILE" and runs until killed (root only).
# Usage: benchmarks/issue18/start-vsftpd.sh 1024 &
root=$(cd "$(dirname "$0")/../.." && pwd)
exec java -cp "$root/cli/target/inetkit.jar" "$(dirname "$0")/StartVsftpd.java" "$1"
