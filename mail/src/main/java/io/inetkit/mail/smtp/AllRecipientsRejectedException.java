package io.inetkit.mail.smtp;

import io.inetkit.core.Endpoint;
import io.inetkit.core.ProtocolReplyException;
import java.util.List;

/**
 * The server refused every recipient of a message, so nothing was sent. {@link #reply()} is the
 * first refusal; {@link #rejected()} lists them all.
 *
 * <pre>{@code
 * catch (AllRecipientsRejectedException e) {
 *   e.rejected().forEach(r -> System.err.println(r.recipient().address() + ": " + r.reply()));
 * }
 * }</pre>
 */
public class AllRecipientsRejectedException extends ProtocolReplyException {
  private static final long serialVersionUID = 1L;

  private final transient List<RecipientReply> rejected;

  /**
   * @param endpoint the server
   * @param rejected every refused recipient with its reply (not empty)
   */
  public AllRecipientsRejectedException(Endpoint endpoint, List<RecipientReply> rejected) {
    super(
        "RCPT TO (all " + rejected.size() + " recipient(s))",
        endpoint,
        rejected.get(0).reply(),
        null);
    this.rejected = List.copyOf(rejected);
  }

  /** {@return every refused recipient with its reply} */
  public List<RecipientReply> rejected() {
    return rejected;
  }
}
