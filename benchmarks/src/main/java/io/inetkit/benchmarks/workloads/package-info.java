/**
 * The workloads of issue 10, one class each, registered in {@link
 * io.inetkit.benchmarks.workloads.Workloads}.
 *
 * <pre>{@code
 * List<Workload> all = Workloads.all();
 * }</pre>
 */
package io.inetkit.benchmarks.workloads;
