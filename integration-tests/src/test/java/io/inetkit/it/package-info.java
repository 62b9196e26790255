/**
 * End-to-end tests: the packaged {@code inetkit.jar} run as a child process against testkit servers
 * started in the test JVM (stdout, {@code --json}, exit codes, files written, bad input), and
 * library scenarios with fault injection that no single module covers.
 */
package io.inetkit.it;
