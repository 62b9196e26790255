/**
 * JMH micro-benchmarks of inetkit's parsers (Gopher menus, FTP listings, URLs). Not run by {@code
 * mvn verify}; run them with
 *
 * <pre>{@code
 * ./inetkit-bench --jmh                       # all, JMH defaults
 * ./inetkit-bench --jmh -f 1 -wi 3 -i 5 Url   # quicker, only the URL benchmarks
 * }</pre>
 */
package io.inetkit.benchmarks.jmh;
