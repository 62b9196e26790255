package io.inetkit.cli.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.cli.CliRun;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mail list pop3://} against mailboxes that announce a lot, or break off mid-listing. */
class Pop3HugeMailboxCommandTest {
  @TempDir Path dir;

  private CliRun cli() {
    return new CliRun(dir).variable("INETKIT_PASSWORD", "p");
  }

  private static String url(FaultServer s) {
    return "pop3://u@" + s.host() + ":" + s.port();
  }

  @Test
  void limitListsTheNewestAndMaxMessagesRefusesABiggerMailbox() throws Exception {
    try (FaultServer s = FaultServer.start(FaultScript.pop3Mailbox(300))) {
      CliRun cli = cli();
      assertThat(cli.run("mail", "list", url(s), "--tls", "none", "--limit", "2", "--json"))
          .isZero();
      assertThat(cli.out().replaceAll("\\s", ""))
          .isEqualTo(
              "[{\"number\":299,\"size\":100,\"uidl\":\"uid-299\"},{\"number\":300,\"size\":100,\"uidl\":\"uid-300\"}]");

      assertThat(cli.run("mail", "list", url(s), "--tls", "none", "--max-messages", "299"))
          .isEqualTo(76);
      assertThat(cli.err())
          .contains("the server announces 300 messages")
          .contains("--max-messages");
    }
  }

  @Test
  void aListingCutOffMidWayIsAnErrorNeverSizesOfZero() throws Exception {
    FaultScript dropsInList =
        FaultScript.create()
            .send("+OK fault POP3\r\n")
            .expectLine()
            .send("+OK\r\nUIDL\r\nTOP\r\nUSER\r\n.\r\n") // CAPA
            .expectLine()
            .send("+OK\r\n") // USER
            .expectLine()
            .send("+OK\r\n") // PASS
            .expectLine()
            .send("+OK 3 300\r\n") // STAT (inetkit's bound check)
            .expectLine()
            .send("+OK 3 300\r\n") // STAT (Angus opens the folder)
            .expectLine()
            .send("+OK\r\n1 a\r\n2 b\r\n3 c\r\n.\r\n") // UIDL
            .expectLine()
            .sendThenDrop("+OK\r\n1 100\r\n2 100\r\n3 1", 20); // LIST, dropped
    try (FaultServer s = FaultServer.start(dropsInList)) {
      CliRun cli = cli();
      assertThat(cli.run("mail", "list", url(s), "--tls", "none")).isEqualTo(75);
      assertThat(cli.out()).isEmpty();
    }
    FaultScript stallsInList =
        FaultScript.create()
            .send("+OK fault POP3\r\n")
            .expectLine()
            .send("+OK\r\nUIDL\r\nTOP\r\nUSER\r\n.\r\n")
            .expectLine()
            .send("+OK\r\n")
            .expectLine()
            .send("+OK\r\n")
            .expectLine()
            .send("+OK 3 300\r\n")
            .expectLine()
            .send("+OK 3 300\r\n")
            .expectLine()
            .send("+OK\r\n1 a\r\n2 b\r\n3 c\r\n.\r\n")
            .expectLine()
            .send("+OK\r\n1 100\r\n")
            .stall();
    try (FaultServer s = FaultServer.start(stallsInList)) {
      CliRun cli = cli();
      assertThat(cli.run("mail", "list", url(s), "--tls", "none", "--max-time", "1s"))
          .isEqualTo(79);
      assertThat(cli.out()).isEmpty();
    }
  }
}
