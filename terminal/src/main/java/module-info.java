/**
 * inetkit terminal: Telnet sessions for scripts (expect, login, run) and for people (a JLine
 * terminal bridge).
 */
module io.inetkit.terminal {
  requires transitive io.inetkit.core;
  requires org.apache.commons.net;
  requires org.jline.terminal;

  exports io.inetkit.terminal;
}
