package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.Credentials;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.TlsMode;
import io.inetkit.mail.pop3.Pop3Client;
import io.inetkit.mail.pop3.Pop3Message;
import io.inetkit.mail.pop3.Pop3Session;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import org.junit.jupiter.api.Test;

/** POP3 listings are read line by line and believed only when every line makes sense. */
class Pop3ListingTest {

  /** A POP3 server with {@code count} messages whose LIST reply is {@code list}. */
  private static FaultScript pop3(int count, String list) {
    return FaultScript.create()
        .send("+OK fault POP3\r\n")
        .respond(
            line ->
                line.startsWith("CAPA")
                    ? "+OK\r\nUIDL\r\nUSER\r\n.\r\n"
                    : line.startsWith("STAT")
                        ? "+OK " + count + " 300\r\n"
                        : line.startsWith("LIST")
                            ? list
                            : line.startsWith("UIDL")
                                ? "+OK\r\n1 a\r\n2 b\r\n3 c\r\n.\r\n"
                                : "+OK\r\n");
  }

  private static Pop3Client client(FaultServer s) {
    return Pop3Client.builder()
        .endpoint(s.host(), s.port())
        .tlsMode(TlsMode.NONE)
        .plaintextLogin(io.inetkit.core.PlaintextLogin.ALLOWED)
        .credentials(Credentials.password("u", "p".toCharArray()))
        .timeouts(ReadFixture.FAST)
        .build();
  }

  @Test
  void sizesAndIdsComeFromTheListingsLineByLine() throws Exception {
    try (FaultServer s =
            FaultServer.start(pop3(3, "+OK\r\n1 100\r\n2  200 extra\r\n3 300\r\n.\r\n"));
        Pop3Session pop3 = client(s).open()) {
      assertThat(pop3.list())
          .containsExactly(
              new Pop3Message(1, 100, "a"),
              new Pop3Message(2, 200, "b"),
              new Pop3Message(3, 300, "c"));
      assertThat(pop3.list(1)).containsExactly(new Pop3Message(3, 300, "c"));
    }
  }

  @Test
  void aMalformedOrMissingLineIsAViolationNeverASizeOfZero() throws Exception {
    try (FaultServer s = FaultServer.start(pop3(3, "+OK\r\n1 100\r\n2 lots\r\n3 300\r\n.\r\n"));
        Pop3Session pop3 = client(s).open()) {
      assertThatThrownBy(pop3::list)
          .isInstanceOf(ProtocolViolationException.class)
          .hasMessageContaining("LIST: malformed listing line: \"2 lots\"");
    }
    try (FaultServer s = FaultServer.start(pop3(3, "+OK\r\n1 100\r\n3 300\r\n.\r\n"));
        Pop3Session pop3 = client(s).open()) {
      assertThatThrownBy(pop3::list)
          .isInstanceOf(ProtocolViolationException.class)
          .hasMessageContaining("LIST has no line for message 2 of 3");
    }
  }
}
