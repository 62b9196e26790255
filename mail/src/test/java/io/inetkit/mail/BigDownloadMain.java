package io.inetkit.mail;

import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.SearchCriteria;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.mail.pop3.Pop3Session;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM with {@code -Xmx64m} by {@link BigMessageIT}: downloads the one message of the
 * mailbox over IMAP or POP3 (implicit TLS, verified) to a file, and prints the heap it peaked at.
 * Exit code 0 on success.
 */
public final class BigDownloadMain {
  private BigDownloadMain() {}

  public static void main(String[] args) throws Exception {
    String protocol = args[0];
    Endpoint endpoint = Endpoint.parse(args[1], 0);
    Trust trust = Trust.fromFile(Path.of(args[2]));
    Credentials credentials = Credentials.password(args[3], args[4].toCharArray());
    Path target = Path.of(args[5]);
    Timeouts timeouts =
        new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMinutes(10));
    long start = System.nanoTime();
    long bytes;
    if (protocol.equals("imap")) {
      ImapClient client =
          ImapClient.builder()
              .endpoint(endpoint)
              .tlsMode(TlsMode.IMPLICIT)
              .trust(trust)
              .credentials(credentials)
              .timeouts(timeouts)
              .fetchSize(Integer.parseInt(args[6]))
              .build();
      try (ImapSession imap = client.open()) {
        bytes = imap.download(imap.search("INBOX", SearchCriteria.all()).get(0), target);
      }
    } else {
      Pop3Client client =
          Pop3Client.builder()
              .endpoint(endpoint)
              .tlsMode(TlsMode.IMPLICIT)
              .trust(trust)
              .credentials(credentials)
              .timeouts(timeouts)
              .build();
      try (Pop3Session pop3 = client.open()) {
        bytes = pop3.download(pop3.list().get(0).uidl(), target);
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = ChildJvm.peakHeapUsed();
    System.out.println(
        protocol
            + " bytes="
            + bytes
            + " millis="
            + millis
            + " maxHeap="
            + Runtime.getRuntime().maxMemory()
            + " peakHeapUsed="
            + peak);
  }
}
