package io.inetkit.mail.internal;

import io.inetkit.core.internal.Inputs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
    List<Response> kept = new ArrayList<>();
    Response end = stream(p, command, args, Set.of("SEARCH"), kept::add);
    kept.add(end);
    return kept.toArray(new Response[0]);
  }

  /** Receives the responses {@link #stream} hands over, one at a time. */
  @FunctionalInterface
  public interface Handler {
    /**
     * Takes one FETCH response, or one untagged response whose key the caller asked for. A thrown
     * exception stops the handing over; the command's remaining responses are read and dropped, and
     * then it is rethrown (wrapped in a {@link ParsingException} unless it is one).
     */
    void accept(Response response) throws IOException, ParsingException;
  }

  /**
   * Sends {@code command} and hands each FETCH response, and each untagged response whose key is in
   * {@code keys} (e.g. {@code SEARCH}, {@code VANISHED}), to {@code handler} as it arrives, so
   * memory stays bounded by one response however many the server sends. Other untagged responses go
   * to the connection's response handlers. Returns the tagged completion (or a synthetic BYE when
   * the connection failed); the caller checks it ({@code p.handleResult}).
   *
   * @throws ParsingException when a response could not be parsed or the handler failed (and no BYE
   *     ended the connection); the command's completion has been read
   */
  public static Response stream(
      IMAPProtocol p, String command, Argument args, Set<String> keys, Handler handler)
      throws ParsingException {
    synchronized (p) { // as Protocol.command: one command at a time on a connection
      String tag;
      try {
        tag = p.writeCommand(command, args);
      } catch (LiteralException e) {
        return e.getResponse();
      } catch (IOException | ProtocolException | RuntimeException e) {
        return Response.byeResponse(e);
      }
      Response bye = null;
      Response end = null;
      String malformed = null;
      Exception failed = null;
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
        if (r.isTagged() && tag.equals(r.getTag())) {
          end = r;
          break;
        }
        if (r instanceof FetchResponse || (r.isUnTagged() && wanted(r, keys))) {
          if (failed == null) {
            try {
              handler.accept(r);
            } catch (IOException | ParsingException | RuntimeException e) {
              failed = e; // read on to the completion: the connection stays in step
            }
          }
          continue;
        }
        if (r.isUnTagged()) {
          // EXISTS, EXPUNGE, FLAGS, OK [...] and whatever else: Angus's handlers keep its state
          // right; not kept, so a flood of untagged lines costs one line of memory, not all
          p.notifyResponseHandlers(new Response[] {r});
        }
      }
      if (bye != null) {
        return bye; // the caller's handleResult turns it into a closed connection
      }
      if (malformed != null) {
        throw new ParsingException(
            "malformed response to " + commandName(command) + ": " + malformed);
      }
      if (failed != null) {
        if (failed instanceof ParsingException pe) {
          throw pe;
        }
        if (failed instanceof RuntimeException re) {
          throw re;
        }
        ParsingException pe = new ParsingException(failed.toString());
        pe.initCause(failed);
        throw pe;
      }
      return end;
    }
  }

  private static boolean wanted(IMAPResponse r, Set<String> keys) {
    for (String key : keys) {
      if (r.keyEquals(key)) {
        return true;
      }
    }
    return false;
  }

  private static String commandName(String command) {
    int end = command.indexOf(' ', command.startsWith("UID ") ? 4 : 0);
    return end < 0 ? command : command.substring(0, end);
  }
}
