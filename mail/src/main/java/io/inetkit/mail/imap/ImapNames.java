package io.inetkit.mail.imap;

import io.inetkit.core.Inputs;
import io.inetkit.core.InvalidInputException;

/** Validation of IMAP folder names and keywords before anything is sent. */
final class ImapNames {
  private ImapNames() {}

  /** Returns a folder name: non-empty, no CR/LF/NUL, at most 1000 characters. */
  static String folder(String parameter, String name) {
    Inputs.requireNonEmpty(parameter, name);
    return Inputs.requireMaxLength(parameter, name, 1000);
  }

  /** Returns a keyword: an IMAP atom without special characters or a leading backslash. */
  static String keyword(String keyword) {
    Inputs.requireToken("keyword", keyword, 200);
    for (char c : keyword.toCharArray()) {
      if ("(){%*\"\\]".indexOf(c) >= 0 || c > 126) {
        throw new InvalidInputException("keyword", "not an IMAP keyword: " + Inputs.quote(keyword));
      }
    }
    return keyword;
  }
}
