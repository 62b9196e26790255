package io.inetkit.cli;

import java.util.Arrays;

/**
 * Configures the CLI's logging backend (slf4j-simple) before any logger exists: warnings only by
 * default, the protocol trace (secrets redacted) with {@code -v}/{@code --verbose}.
 */
final class Verbosity {
  private static volatile boolean verbose;

  private Verbosity() {}

  /** Sets log levels from the raw arguments; must run before the first logger is created. */
  static void configureLogging(String[] args) {
    verbose = Arrays.stream(args).anyMatch(a -> a.equals("-v") || a.equals("--verbose"));
    // The logging backend by name, so that SLF4J does not scan the class path with a ServiceLoader
    // at start-up (issue 18).
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
      // SLF4J would say on standard error that it loads the provider named.
      setIfAbsent("slf4j.internal.verbosity", "WARN");
    }
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
    setIfAbsent("org.slf4j.simpleLogger.showLogName", verbose ? "true" : "false");
    setIfAbsent("org.slf4j.simpleLogger.levelInBrackets", "true");
    // TlsOptions prints its own --tls none warning once; the library's would repeat it per login.
    setIfAbsent("org.slf4j.simpleLogger.log.io.inetkit.core.PlaintextLogin", "error");
  }

  /** {@return whether -v was given} */
  static boolean isVerbose() {
    return verbose;
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
