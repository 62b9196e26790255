package io.inetkit.mail.internal;

import io.inetkit.core.Endpoint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Names of sync states, shared by IMAP and POP3 sync. */
public final class SyncIds {
  private SyncIds() {}

  /**
   * Names a sync state after the mailbox, not the connection: protocol, user, host and folder,
   * without the port (ports 143/993 or 110/995 reach the same mailbox).
   */
  public static String of(String protocol, String user, Endpoint endpoint, String folder) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest =
          sha.digest(
              (protocol + "\n" + user + "\n" + endpoint.host() + "\n" + folder)
                  .getBytes(StandardCharsets.UTF_8));
      return protocol + "-" + HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
