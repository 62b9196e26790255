package io.inetkit.transfer.gopher.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.Timeouts;
import io.inetkit.core.internal.Connector;
import io.inetkit.core.internal.Deadline;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One Gopher request: connect (with TLS for gophers), send the request line, let a handler read the
 * reply, close. The one place where the Gopher client's I/O failures are translated into the core
 * exception tree.
 */
public final class GopherExchange {
  private GopherExchange() {}

  /** Reads a reply. */
  @FunctionalInterface
  public interface Handler<T> {
    /** Reads the reply and returns the result. */
    T handle(GopherReply reply) throws IOException;
  }

  /**
   * Sends {@code selector [TAB extra]} to the target and hands the reply to {@code handler}.
   *
   * @param extra what follows the selector after a TAB (search words, Gopher+ {@code +}, {@code !},
   *     {@code $}, a view), or {@code null}
   * @param what a short description for error messages, e.g. {@code "menu /docs"}
   */
  public static <T> T run(
      GopherTarget target, String extra, String what, GopherSettings settings, Handler<T> handler)
      throws InetkitException {
    Endpoint endpoint = target.endpoint();
    String request = extra == null ? target.selector() : target.selector() + "\t" + extra;
    // the whole exchange, connect to the last byte, is one operation under the overall limit
    Deadline deadline = new Deadline(endpoint);
    deadline.start(
        settings.timeouts().overall(),
        target.tls().isImplicit() ? "connect and TLS handshake" : "connect");
    Timeouts timeouts = settings.timeouts();
    Timeouts bounded =
        timeouts.withConnect(Duration.ofMillis(deadline.clamp(timeouts.connectMillis())));
    Socket socket;
    try {
      socket =
          Connector.connect(
              endpoint,
              settings
                  .proxy()
                  .select(
                      target.tls().isImplicit()
                          ? io.inetkit.core.Scheme.GOPHERS
                          : io.inetkit.core.Scheme.GOPHER,
                      endpoint.host())
                  .orElse(null),
              target.tls().isImplicit(),
              settings.trust(),
              bounded,
              settings.events());
    } catch (InetkitException e) {
      deadline.close();
      throw (InetkitException) deadline.explain(e);
    }
    deadline.watch(socket);
    try {
      deadline.enter(what);
      settings.events().commandSent(endpoint, request);
      OutputStream out = socket.getOutputStream();
      out.write((request + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      return handler.handle(
          new GopherReply(
              socket.getInputStream(), endpoint, settings, target.selector(), deadline));
    } catch (IOException e) {
      throw translate(deadline.explain(e), what, endpoint, settings);
    } finally {
      deadline.close();
      Connector.closeQuietly(socket);
      settings.events().closed(endpoint);
    }
  }

  /** Translates an I/O failure during {@code what} into the core exception tree. */
  static InetkitException translate(
      IOException e, String what, Endpoint endpoint, GopherSettings settings) {
    return Connector.translate(e, what, endpoint, settings.timeouts().read());
  }
}
