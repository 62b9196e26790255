package io.inetkit.mail.internal;

import io.inetkit.core.internal.Inputs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.LiteralException;
import org.eclipse.angus.mail.iap.ParsingException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;

/**
 * Sends one IMAP command and collects its responses as Angus Mail's {@code Protocol.command} does,
 * with two differences. Untagged responses other than FETCH and SEARCH go to the connection's
 * response handlers as they arrive instead of being collected, so a server flooding untagged lines
 * holds one line in memory until the operation's deadline ends it. And Angus logs and
 * <em>skips</em> a response it cannot parse (a garbage {@code FETCH}), so a download would look
 * like a missing message and a listing would silently lose an entry. Here the command's responses
 * are still read to its tagged completion (the connection stays in step), and then the malformed
 * response is reported as a {@link ParsingException} quoting the start of what the server sent.
 * Memory stays bounded by the socket guard's line and literal limits; time by the operation's
 * deadline. Not part of the public API.
 *
 * <pre>{@code
 * Response[] r = (Response[]) folder.doCommand(p -> StrictImapCommand.send(p, "UID FETCH 7 (FLAGS)", null));
 * }</pre>
 */
public final class StrictImapCommand {
  private StrictImapCommand() {}

  /**
   * Sends {@code command} and returns its FETCH and SEARCH responses and the tagged completion (or
   * a synthetic BYE when the connection failed, last); other untagged responses have gone to the
   * response handlers.
   *
   * @throws ParsingException when a response could not be parsed (and no BYE ended the connection);
   *     the command's completion has been read
   */
  public static Response[] send(IMAPProtocol p, String command, Argument args)
      throws ParsingException {
    synchronized (p) { // as Protocol.command: one command at a time on a connection
      String tag;
      try {
        tag = p.writeCommand(command, args);
      } catch (LiteralException e) {
        return new Response[] {e.getResponse()};
      } catch (IOException | ProtocolException | RuntimeException e) {
        return new Response[] {Response.byeResponse(e)};
      }
      List<Response> responses = new ArrayList<>();
      Response bye = null;
      String malformed = null;
      while (true) {
        IMAPResponse r;
        try {
          r = new IMAPResponse(p);
        } catch (IOException e) {
          if (bye == null) {
            bye = Response.byeResponse(e);
          }
          break;
        } catch (ProtocolException e) {
          malformed = malformed != null ? malformed : String.valueOf(e.getMessage());
          continue;
        }
        if (r.keyEquals("FETCH")) {
          try {
            r = new FetchResponse(r, p.getFetchItems(), p);
          } catch (IOException | ProtocolException e) {
            malformed =
                malformed != null
                    ? malformed
                    : e.getMessage() + "; the server sent: " + Inputs.quote(r.toString());
            continue;
          }
        }
        if (r.isBYE()) {
          bye = r;
          continue; // read on until the server closes, as Angus does
        }
        if (r.isUnTagged() && !(r instanceof FetchResponse) && !r.keyEquals("SEARCH")) {
          // EXISTS, EXPUNGE, FLAGS, OK [...] and whatever else: Angus's handlers keep its state
          // right; not kept, so a flood of untagged lines costs one line of memory, not all
          p.notifyResponseHandlers(new Response[] {r});
          continue;
        }
        responses.add(r);
        if (r.isTagged() && tag.equals(r.getTag())) {
          break;
        }
      }
      if (bye != null) {
        responses.add(
            bye); // must be last: the caller's handleResult turns it into a closed connection
      } else if (malformed != null) {
        throw new ParsingException(
            "malformed response to " + commandName(command) + ": " + malformed);
      }
      return responses.toArray(new Response[0]);
    }
  }

  private static String commandName(String command) {
    int end = command.indexOf(' ', command.startsWith("UID ") ? 4 : 0);
    return end < 0 ? command : command.substring(0, end);
  }
}
