package io.inetkit.testkit.telnet;

import java.io.IOException;

/** {@code echo text}: prints the rest of the line exactly as sent. */
final class EchoCommand implements ShellCommand {
  @Override
  public Outcome run(String args, Context context) throws IOException {
    context.out().text(args + "\n");
    return Outcome.CONTINUE;
  }
}
