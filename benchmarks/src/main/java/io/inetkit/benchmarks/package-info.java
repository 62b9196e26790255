/**
 * The inetkit benchmark harness: runs each {@link io.inetkit.benchmarks.Workload} with every {@link
 * io.inetkit.benchmarks.Contender} (inetkit in-process, the {@code inetkit} CLI, curl, Python's
 * standard library, a raw loopback socket copy), pairs the runs, and reports medians, ratios and
 * goals on stdout and in {@code BENCHMARKS.md}.
 *
 * <pre>{@code
 * ./inetkit-bench --quick                 # sizes divided by 100, one run
 * ./inetkit-bench --only ftp-get --runs 5 --out BENCHMARKS.md
 * }</pre>
 *
 * <p>Not published; nothing here is API.
 */
package io.inetkit.benchmarks;
