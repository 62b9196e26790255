package io.inetkit.testkit.telnet;

import java.io.IOException;

/** {@code exit} (or {@code logout}): says {@code logout} and closes the connection. */
final class ExitCommand implements ShellCommand {
  @Override
  public Outcome run(String args, Context context) throws IOException {
    context.out().text("logout\n");
    return Outcome.EXIT;
  }
}
