/**
 * The {@code inetkit} command line ({@link io.inetkit.cli.Inetkit}), built on picocli. Thin by
 * design: it parses options, calls inetkit's public library API, and prints.
 */
package io.inetkit.cli;
