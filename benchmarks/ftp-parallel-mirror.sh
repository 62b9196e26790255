#!/bin/sh
# Parallel FTP mirror benchmark: 1,000 x 4 KiB files from vsftpd and testkit's FtpServer, direct
# and through a 10 ms (each way) latency relay; inetkit library and CLI at parallelism 1/2/4/8
# against `lftp mirror --parallel=4` and `rclone copy --transfers 4`, interleaved round by round.
# Needs root (vsftpd), lftp and rclone (apt-get install -y lftp rclone).
# Usage: benchmarks/ftp-parallel-mirror.sh [--rounds N] [--files N] [--size BYTES]
#            [--networks direct,latency] [--servers vsftpd,testkit]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ ! -f benchmarks/target/inetkit-benchmarks.jar ] || [ ! -f cli/target/inetkit.jar ]; then
  mvn -B -q -DskipTests -pl benchmarks -am package
fi
for tool in lftp rclone; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y $tool" >&2; exit 1; }
done
exec java -cp benchmarks/target/inetkit-benchmarks.jar \
  io.inetkit.benchmarks.parallel.ParallelMirrorBench \
  --cli cli/target/inetkit.jar --launcher cli/src/dist/bin/inetkit "$@"
