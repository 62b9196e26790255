package io.inetkit.mail.internal.sync;

import io.inetkit.mail.internal.StrictImapCommand;
import java.io.IOException;
import java.util.Set;
import org.eclipse.angus.mail.iap.ParsingException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;

/** Sends one sync command and streams its responses (see {@link StrictImapCommand#stream}). */
final class SyncWire {
  private SyncWire() {}

  /**
   * Sends {@code command}, hands FETCH responses and the untagged responses named in {@code keys}
   * to {@code handler}, and checks the completion: a NO or BAD becomes a {@link ProtocolException},
   * a local failure of the handler (a full disk) is rethrown as itself.
   */
  static void stream(
      IMAPProtocol p, String command, Set<String> keys, StrictImapCommand.Handler handler)
      throws IOException, ProtocolException {
    Response end;
    try {
      end = StrictImapCommand.stream(p, command, null, keys, handler);
    } catch (ParsingException e) {
      if (e.getCause() instanceof IOException local) {
        throw local;
      }
      throw e;
    }
    p.handleResult(end);
  }
}
