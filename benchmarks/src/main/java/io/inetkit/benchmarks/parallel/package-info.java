/**
 * A self-contained benchmark of parallel FTP mirroring against lftp and rclone, run by {@code
 * benchmarks/ftp-parallel-mirror.sh}; not part of the harness.
 */
package io.inetkit.benchmarks.parallel;
