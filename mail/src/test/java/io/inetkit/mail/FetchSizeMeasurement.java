package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.mail.imap.ImapClient;
import io.inetkit.mail.imap.ImapSession;
import io.inetkit.mail.imap.MessageRef;
import io.inetkit.mail.imap.SearchCriteria;
import io.inetkit.testkit.mail.MailProtocol;
import java.io.OutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Not run by the build (the name does not end in Test): measures how the fetch size changes the
 * time to download one 8 MiB message over IMAPS from GreenMail, the figures behind {@link
 * ImapClient#DEFAULT_FETCH_SIZE}. Run: {@code /work/mvnq -B -o -pl mail -am test
 * -Dtest=FetchSizeMeasurement -Dsurefire.failIfNoSpecifiedTests=false}. GreenMail serialises the
 * whole message again for every partial FETCH, so small chunks cost it most; a real server seeks,
 * but each chunk is still one round trip.
 */
class FetchSizeMeasurement {
  @RegisterExtension static final ReadServer mail = new ReadServer();

  @Test
  void downloadTimePerFetchSize() throws Exception {
    byte[] message = BigMessageIT.bigMessage(8);
    mail.server().deliver(ReadFixture.USER, message);
    long[] sizes = {16 * 1024, 64 * 1024, 256 * 1024, 1024 * 1024, 4 * 1024 * 1024};
    for (int round = 0; round < 2; round++) { // the first round warms up the JIT
      long base = 0;
      for (long size : sizes) {
        ImapClient client =
            ReadFixture.imap(mail.server(), MailProtocol.IMAPS)
                .newBuilder()
                .fetchSize((int) size)
                .build();
        try (ImapSession imap = client.open()) {
          List<MessageRef> refs = imap.search("INBOX", SearchCriteria.all());
          long start = System.nanoTime();
          long bytes = imap.download(refs.get(0), OutputStream.nullOutputStream());
          long nanos = System.nanoTime() - start;
          assertThat(bytes).isGreaterThanOrEqualTo(message.length);
          base = base == 0 ? nanos : base;
          System.out.printf(
              "round %d fetchSize %7d KiB: %6d ms (%.3fx of 16 KiB)%n",
              round, size / 1024, nanos / 1_000_000, (double) nanos / base);
        }
      }
    }
  }
}
