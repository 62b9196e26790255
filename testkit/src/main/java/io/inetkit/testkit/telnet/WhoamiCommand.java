package io.inetkit.testkit.telnet;

import java.io.IOException;

/** {@code whoami}: prints the logged-in user ({@code nobody} when no login was required). */
final class WhoamiCommand implements ShellCommand {
  @Override
  public Outcome run(String args, Context context) throws IOException {
    context.out().text(context.user() + "\n");
    return Outcome.CONTINUE;
  }
}
