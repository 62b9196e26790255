package io.inetkit.mail;

import io.inetkit.core.Endpoint;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.smtp.SendReceipt;
import io.inetkit.mail.smtp.SmtpClient;
import java.nio.file.Path;

/**
 * Child-JVM entry point for {@link BigAttachmentTest}: sends one message with a big attachment to
 * an SMTP sink and prints the server's final reply and the heap limit it ran under.
 */
public final class BigAttachmentSender {
  private BigAttachmentSender() {}

  /** Arguments: host, port, attachment file. */
  public static void main(String[] args) throws Exception {
    SmtpClient client =
        SmtpClient.builder()
            .endpoint(Endpoint.of(args[0], Integer.parseInt(args[1])))
            .tlsMode(TlsMode.NONE)
            .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
            .build();
    MailMessage message =
        MailMessage.builder()
            .from("alice@example.org")
            .to("bob@example.org")
            .subject("big")
            .text("see attachment")
            .attach(Path.of(args[2]))
            .build();
    SendReceipt receipt = client.send(message);
    System.out.println("reply=" + receipt.finalReply());
    System.out.println("maxHeapMiB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }
}
