package io.inetkit.testkit.telnet;

import java.io.IOException;
import java.nio.file.Path;

/** One verb of the test server's shell; one small class per verb. */
interface ShellCommand {

  /** What the shell does after a command. */
  enum Outcome {
    /** Print the prompt and read the next line. */
    CONTINUE,
    /** End the session. */
    EXIT
  }

  /** What a command may use: the output and who is logged in. */
  record Context(NvtOutput out, String user, Path files) {}

  /**
   * Runs the command; {@code args} is the rest of the line after the verb and one space (may be
   * empty). Output goes to {@code context.out()} as text with {@code \n} line ends.
   */
  Outcome run(String args, Context context) throws IOException, InterruptedException;
}
