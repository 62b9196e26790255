// Driver of smtp-postfix.sh, run with the JDK's source launcher (java -cp CLASSPATH SmtpBench.java):
//   greenmail PORTFILE                      serves testkit's GreenMail (SMTP only) until killed
//   send HOST PORT COUNT SESSIONS           sends COUNT 2 KiB messages with SmtpClient.sendAll over
//                                           SESSIONS sessions; prints "RATE msg/s" timed in the JVM
import io.inetkit.core.TlsMode;
import io.inetkit.mail.MailMessage;
import io.inetkit.mail.smtp.SendOutcome;
import io.inetkit.mail.smtp.SmtpClient;
import io.inetkit.testkit.mail.MailProtocol;
import io.inetkit.testkit.mail.MailServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;

public class SmtpBench {
  static final String BODY = "x".repeat(63) + "\n";

  public static void main(String[] args) throws Exception {
    if (args[0].equals("greenmail")) {
      try (MailServer server = MailServer.builder().protocols(MailProtocol.SMTP).start()) {
        Files.writeString(Path.of(args[1]), Integer.toString(server.smtpPort()));
        while (true) {
          Thread.sleep(3000);
          server.purge();
        }
      }
    }
    String host = args[1];
    int port = Integer.parseInt(args[2]);
    int count = Integer.parseInt(args[3]);
    int sessions = Integer.parseInt(args[4]);
    SmtpClient client = SmtpClient.builder().endpoint(host, port).tlsMode(TlsMode.NONE).build();
    List<MailMessage> messages =
        new AbstractList<>() {
          @Override
          public MailMessage get(int i) {
            return MailMessage.builder()
                .from("bench@example.org")
                .to("bench@example.net")
                .subject("Benchmark message " + i)
                .text(BODY.repeat(32)) // 2 KiB, as smtp-source -l 2048
                .build();
          }

          @Override
          public int size() {
            return count;
          }
        };
    long start = System.nanoTime();
    List<SendOutcome> outcomes =
        sessions == 1 ? client.sendAll(messages) : client.sendAll(messages, sessions);
    double seconds = (System.nanoTime() - start) / 1e9;
    for (SendOutcome o : outcomes) {
      if (o instanceof SendOutcome.Failed f) {
        throw f.error();
      }
    }
    System.out.printf("RATE %.1f%n", count / seconds);
  }
}
