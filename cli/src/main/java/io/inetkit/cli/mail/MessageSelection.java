package io.inetkit.cli.mail;

import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The URL and extra {@code --uid}s naming the messages that move, flag and delete act on. */
final class MessageSelection {
  @Parameters(index = "0", paramLabel = "URL", description = "imap[s]://user@host/FOLDER;UID=n")
  String url;

  @Option(
      names = "--uid",
      paramLabel = "UID",
      split = ",",
      description = "More messages of the same folder (repeat or separate with commas).")
  List<Long> uids;
}
