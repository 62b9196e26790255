/**
 * inetkit core: the types every protocol module shares — errors, endpoints, TLS trust, timeouts,
 * credentials and {@code .netrc}, URLs, progress and input validation.
 *
 * <p>{@code io.inetkit.core.internal} is shared with inetkit's own modules only.
 */
@SuppressWarnings("module") // io.inetkit.testkit and io.inetkit.cli are automatic modules
module io.inetkit.core {
  requires transitive org.slf4j; // LoggingEventListener takes an SLF4J Logger

  exports io.inetkit.core;
  exports io.inetkit.core.internal to
      io.inetkit.mail,
      io.inetkit.transfer,
      io.inetkit.terminal,
      io.inetkit.testkit,
      io.inetkit.cli;
}
