package io.inetkit.testkit.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A STARTTLS front (greenmail issue #135): speaks a protocol's pre-TLS dialogue itself, upgrades
 * the socket with the test PKI's certificate when asked, connects to GreenMail's plain listener,
 * swallows its greeting, and relays bytes both ways from then on.
 */
final class StartTlsFront implements FrontListener.Handler {
  private final Supplier<StartTlsDialogue> dialogues;
  private final Supplier<SSLContext> context; // made on the first TLS client, then cached
  private final InetSocketAddress upstream;

  StartTlsFront(
      Supplier<StartTlsDialogue> dialogues,
      Supplier<SSLContext> context,
      InetSocketAddress upstream) {
    this.dialogues = dialogues;
    this.context = context;
    this.upstream = upstream;
  }

  @Override
  public void handle(Socket client) throws IOException {
    StartTlsDialogue dialogue = dialogues.get();
    client.setSoTimeout(60_000);
    InputStream in = client.getInputStream();
    OutputStream out = client.getOutputStream();
    write(out, dialogue.greeting());
    while (true) {
      String line = Upstream.readLine(in);
      if (line == null) {
        client.close();
        return;
      }
      StartTlsDialogue.Answer answer = dialogue.answer(line);
      write(out, answer.reply());
      if (answer.next() == StartTlsDialogue.Next.CLOSE) {
        client.close();
        return;
      }
      if (answer.next() == StartTlsDialogue.Next.UPGRADE) {
        break;
      }
    }
    SSLSocket tls = Upstream.serverTls(client, context.get());
    tls.setSoTimeout(0);
    Socket plain = Upstream.connect(upstream);
    dialogue.swallowGreeting(plain.getInputStream());
    Relay.start(tls, plain, "starttls-relay");
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
