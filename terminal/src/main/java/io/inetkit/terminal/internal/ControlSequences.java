package io.inetkit.terminal.internal;

import java.util.regex.Pattern;

/**
 * Terminal control sequences in text a shell sends: removed from scripted output, and tolerated at
 * the end of prompts. Covers what shells and readline write even to simple terminals: CSI ({@code
 * ESC [ ... final}, such as bracketed-paste mode {@code ESC[?2004h} and erase-line {@code ESC[K}),
 * OSC ({@code ESC ] ... BEL}, such as window titles) and two-character escapes.
 */
public final class ControlSequences {
  /** One CSI sequence (what shells put after prompts), as a regex fragment. */
  public static final String CSI = "\\e\\[[0-?]*[ -/]*[@-~]";

  private static final Pattern ANY =
      Pattern.compile(CSI + "|\\e\\][^\\u0007\\e]*(?:\\u0007|\\e\\\\)|\\e[@-Z\\\\-_]");

  private ControlSequences() {}

  /** Returns {@code text} without control sequences and NULs. */
  public static String strip(String text) {
    return ANY.matcher(text).replaceAll("").replace("\0", "");
  }
}
