/**
 * The server side of the benchmarks, run in a child JVM: testkit servers, a raw loopback file
 * server (the physical limit) and the data they serve.
 *
 * <pre>{@code
 * java -cp inetkit-benchmarks.jar io.inetkit.benchmarks.host.ServerHost \
 *     dir=/tmp/x services=raw files=big.bin:1048576
 * # prints: READY raw.port=40123 data=/tmp/x/data
 * }</pre>
 */
package io.inetkit.benchmarks.host;
