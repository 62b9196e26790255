package io.inetkit.mail;

import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.mail.pop3.Pop3Message;
import io.inetkit.mail.pop3.Pop3Session;
import java.util.List;

/**
 * Child-JVM side of {@link HugeMailboxIT}: opens the POP3 mailbox at {@code args[0]} with {@code
 * maxMessages = args[1]}, lists the newest {@code args[2]} messages ({@code all}: every one),
 * downloads the newest, and prints the outcome and the peak heap used; a typed failure is printed
 * as {@code failed <type>: <message>}.
 */
public final class HugeMailboxMain {
  private HugeMailboxMain() {}

  public static void main(String[] args) throws Exception {
    Pop3Client client =
        Pop3Client.builder()
            .endpoint(Endpoint.parse(args[0], 0))
            .tlsMode(TlsMode.NONE)
            .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
            .credentials(Credentials.password("u", "p".toCharArray()))
            .maxMessages(Integer.parseInt(args[1]))
            .build();
    try (Pop3Session pop3 = client.open()) {
      List<Pop3Message> listed =
          args[2].equals("all") ? pop3.list() : pop3.list(Integer.parseInt(args[2]));
      Pop3Message last = listed.get(listed.size() - 1);
      long bytes = pop3.download(last.uidl(), java.io.OutputStream.nullOutputStream());
      System.out.println(
          "listed "
              + listed.size()
              + " first="
              + listed.get(0).number()
              + " last="
              + last.number()
              + " "
              + last.uidl()
              + " size="
              + last.size()
              + " downloaded="
              + bytes);
    } catch (InetkitException e) {
      System.out.println("failed " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    System.out.println("peakHeapUsed=" + ChildJvm.peakHeapUsed());
  }
}
