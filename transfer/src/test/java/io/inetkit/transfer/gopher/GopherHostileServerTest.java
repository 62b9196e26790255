package io.inetkit.transfer.gopher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.GopherUrl;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.Timeouts;
import io.inetkit.testkit.fault.FaultScript;
import io.inetkit.testkit.fault.FaultServer;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken servers: typed errors naming the server, within the timeouts and limits. */
class GopherHostileServerTest {
  private static final GopherClient CLIENT =
      GopherClient.builder()
          .timeouts(
              new Timeouts(Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofSeconds(20)))
          .maxLineLength(4096)
          .build();

  private static GopherUrl url(FaultServer s, String typeAndSelector) {
    return GopherUrl.parse("gopher://127.0.0.1:" + s.port() + "/" + typeAndSelector);
  }

  private static String ep(FaultServer s) {
    return "127.0.0.1:" + s.port();
  }

  @Test
  void endlessLineHitsTheLineLimit() throws Exception {
    try (FaultServer s = FaultServer.start(FaultScript.create().expectLine().endlessLine('x'))) {
      assertThatThrownBy(() -> CLIENT.menu(url(s, "1/")))
          .isInstanceOfSatisfying(
              LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(4096))
          .hasMessage("line too long from " + ep(s) + " (limit 4096)");
      assertThatThrownBy(() -> CLIENT.text(url(s, "0/a"), new StringWriter()))
          .isInstanceOf(LimitExceededException.class);
    }
  }

  @Test
  void endlessBinaryHitsTheTotalLimitAndLeavesNoFile(@TempDir Path dir) throws Exception {
    GopherClient limited = CLIENT.newBuilder().maxTotalBytes(1 << 20).build();
    try (FaultServer s = FaultServer.start(FaultScript.create().expectLine().endlessLine('x'))) {
      assertThatThrownBy(() -> limited.download(url(s, "9/big"), dir.resolve("big"), p -> {}))
          .isInstanceOf(LimitExceededException.class)
          .hasMessage("Gopher reply from " + ep(s) + " larger than allowed (limit 1048576)");
    }
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void stallTimesOut() throws Exception {
    try (FaultServer s =
        FaultServer.start(
            FaultScript.create().expectLine().send("iHello\t\terror.host\t1\r\n").stall())) {
      assertThatThrownBy(() -> CLIENT.menu(url(s, "1/")))
          .isInstanceOf(InetkitTimeoutException.class)
          .hasMessage("menu \"/\" to " + ep(s) + " (timed out after 300 ms)");
    }
  }

  @Test
  void slowDripHitsTheOverallTimeout() throws Exception {
    FaultScript drip = FaultScript.create().expectLine();
    for (int i = 0; i < 40; i++) {
      drip.send("iline " + i + "\t\terror.host\t1\r\n").stall(Duration.ofMillis(100));
    }
    GopherClient impatient =
        CLIENT
            .newBuilder()
            .timeouts(
                new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMillis(500)))
            .build();
    try (FaultServer s = FaultServer.start(drip)) {
      assertThatThrownBy(() -> impatient.menu(url(s, "1/")))
          .isInstanceOf(InetkitTimeoutException.class)
          .hasMessage(
              "menu \"/\" with " + ep(s) + " (timed out after 500 ms, the overall time limit)");
    }
  }

  @Test
  void aReplyThatStallsWithinTheReadTimeoutStillEndsAtTheOverallLimit() throws Exception {
    // silent for 8 s, read timeout 5 s: only the overall limit (1 s) ends the wait early
    GopherClient impatient =
        CLIENT
            .newBuilder()
            .timeouts(
                new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(1)))
            .build();
    try (FaultServer s =
        FaultServer.start(
            FaultScript.create()
                .expectLine()
                .sendAfter(Duration.ofSeconds(8), "iToo late\t\terror.host\t1\r\n.\r\n"))) {
      assertThatThrownBy(() -> impatient.menu(url(s, "1/")))
          .isInstanceOfSatisfying(
              InetkitTimeoutException.class,
              e -> assertThat(e.limit()).contains(InetkitTimeoutException.Limit.OVERALL))
          .hasMessage(
              "menu \"/\" with " + ep(s) + " (timed out after 1 s, the overall time limit)");
    }
  }

  @Test
  void garbageIsAProtocolViolation() throws Exception {
    try (FaultServer s = FaultServer.start(FaultScript.create().expectLine().garbage(16 * 1024))) {
      assertThatThrownBy(() -> CLIENT.menu(url(s, "1/")))
          .isInstanceOf(ProtocolViolationException.class)
          .hasMessageStartingWith("malformed menu line from " + ep(s) + ": ");
    }
  }

  @Test
  void dropMidMenuIsConnectionClosed() throws Exception {
    String menu = "0Doc\t/doc\th\t70\r\n".repeat(2000);
    try (FaultServer s =
        FaultServer.start(FaultScript.create().expectLine().sendThenDrop(menu, 20_000))) {
      assertThatThrownBy(() -> CLIENT.menu(url(s, "1/")))
          .isInstanceOf(ConnectionClosedException.class)
          .hasMessageContaining(ep(s));
    }
  }

  @Test
  void dropMidDownloadLeavesNoFile(@TempDir Path dir) throws Exception {
    String body = "x".repeat(200_000);
    try (FaultServer s =
        FaultServer.start(FaultScript.create().expectLine().sendThenDrop(body, 150_000))) {
      assertThatThrownBy(() -> CLIENT.download(url(s, "9/file"), dir.resolve("file"), p -> {}))
          .isInstanceOf(ConnectionClosedException.class)
          .hasMessageContaining("download \"/file\"");
    }
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void gopherPlusRequestToAPlainServer() throws Exception {
    try (FaultServer s =
        FaultServer.start(
            FaultScript.create().expectLine().send("iJust a menu\t\terror.host\t1\r\n.\r\n"))) {
      assertThatThrownBy(() -> CLIENT.attributes(url(s, "0/doc")))
          .isInstanceOf(ProtocolViolationException.class)
          .hasMessage(
              "attributes \"/doc\": not a Gopher+ reply (is the server Gopher+?): "
                  + "\"iJust a menu\\t\\terror.host\\t1\" ["
                  + ep(s)
                  + "]");
      assertThat(s.received()).isEqualTo("/doc\t!\r\n");
    }
  }

  @Test
  void gopherPlusViewShorterThanAnnounced() throws Exception {
    try (FaultServer s =
        FaultServer.start(FaultScript.create().expectLine().send("+100\r\nonly this"))) {
      GopherItem item =
          new GopherItem('0', "doc", "/doc", "127.0.0.1", s.port(), GopherPlusMarker.PLUS);
      assertThatThrownBy(
              () ->
                  CLIENT.view(
                      item, GopherView.of("text/plain"), new ByteArrayOutputStream(), p -> {}))
          .isInstanceOf(ConnectionClosedException.class)
          .hasMessage(
              "view text/plain of \"/doc\": server closed after 9 of 100 bytes [" + ep(s) + "]");
    }
  }

  @Test
  void sloppyServerMenuIsAccepted() throws Exception {
    String sloppy =
        "iWelcome   \n0Doc\t/doc\n1Dir\t/dir\tother.example\n\nQOdd\t/odd\thost\t70x\n.\n";
    try (FaultServer s = FaultServer.start(FaultScript.create().expectLine().send(sloppy))) {
      assertThat(CLIENT.menu(url(s, "1/")))
          .containsExactly(
              new GopherItem('i', "Welcome", "", "", 0, GopherPlusMarker.NONE),
              new GopherItem('0', "Doc", "/doc", "127.0.0.1", s.port(), GopherPlusMarker.NONE),
              new GopherItem('1', "Dir", "/dir", "other.example", 70, GopherPlusMarker.NONE),
              new GopherItem('Q', "Odd", "/odd", "host", 0, GopherPlusMarker.NONE));
    }
  }

  @Test
  void sloppyTextWithoutCr() throws Exception {
    try (FaultServer s =
        FaultServer.start(FaultScript.create().expectLine().send("one\n..two\nthree   \n.\n"))) {
      StringWriter out = new StringWriter();
      assertThat(CLIENT.text(url(s, "0/t"), out)).isEqualTo(3);
      assertThat(out.toString()).isEqualTo("one\n.two\nthree   \n");
    }
  }

  @Test
  void aServerThatClosesBeforeSendingAnythingIsATruncatedReplyNotAnEmptyMenu(@TempDir Path tmp)
      throws Exception {
    try (FaultServer s = FaultServer.start(FaultScript.create().expectLine().close())) {
      assertThatThrownBy(() -> CLIENT.menu(url(s, "1/")))
          .isInstanceOf(ConnectionClosedException.class)
          .hasMessage(
              "menu \"/\": truncated reply: the server closed the connection before sending"
                  + " anything, without the \".\" line that ends it ["
                  + ep(s)
                  + "]");
      Path target = tmp.resolve("t.txt");
      assertThatThrownBy(() -> CLIENT.text(url(s, "0/t"), target))
          .isInstanceOf(ConnectionClosedException.class)
          .hasMessageContaining("text \"/t\": truncated reply");
      assertThat(target).doesNotExist();
      assertThat(tmp.toFile().list()).as("no temp file left").isEmpty();
    }
  }

  @Test
  void anErrorReplyWithoutItsDotLineIsStillNotFound() throws Exception {
    try (FaultServer s =
        FaultServer.start(
            FaultScript.create().expectLine().send("3'/x' does not exist\t\terror.host\t1\r\n"))) {
      assertThatThrownBy(() -> CLIENT.menu(url(s, "1/x")))
          .isInstanceOf(io.inetkit.core.NotFoundException.class)
          .hasMessageContaining("'/x' does not exist");
    }
  }

  @Test
  void aMenuOrTextCutBeforeItsDotLineIsTruncated(@TempDir Path tmp) throws Exception {
    try (FaultServer s =
        FaultServer.start(FaultScript.create().expectLine().send("0Doc\t/doc\th\t70\r\n"))) {
      assertThatThrownBy(() -> CLIENT.menu(url(s, "1/")))
          .isInstanceOf(ConnectionClosedException.class)
          .hasMessageContaining("closed the connection after 1 line(s)");
    }
    // a text cut in the middle of a line: truncated, nothing saved
    try (FaultServer s =
        FaultServer.start(FaultScript.create().expectLine().send("first line\r\nsecond li"))) {
      Path target = tmp.resolve("t.txt");
      assertThatThrownBy(() -> CLIENT.text(url(s, "0/t"), target))
          .isInstanceOf(ConnectionClosedException.class)
          .hasMessageContaining("closed the connection after 2 line(s)");
      assertThat(target).doesNotExist();
    }
  }

  @Test
  void aTextSentAsItIsWithoutTheDotLineIsAcceptedWhenItEndsWithACompleteLine(@TempDir Path tmp)
      throws Exception {
    // gophernicus (and others) send a type 0 file as it is and close, without RFC 1436's '.' line
    try (FaultServer s =
        FaultServer.start(FaultScript.create().expectLine().send("first line\nsecond line\n"))) {
      Path target = tmp.resolve("t.txt");
      CLIENT.text(url(s, "0/t"), target);
      assertThat(target).hasContent("first line\nsecond line");
    }
  }

  @Test
  void gopherPlusViewUntilClose() throws Exception {
    try (FaultServer s =
        FaultServer.start(FaultScript.create().expectLine().send("+-2\r\n\0\1binary\r\n.\r\n"))) {
      GopherItem item =
          new GopherItem('9', "b", "/b", "127.0.0.1", s.port(), GopherPlusMarker.PLUS);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(CLIENT.view(item, GopherView.of("application/octet-stream"), out, p -> {}))
          .isEqualTo(13);
      assertThat(out.toString(java.nio.charset.StandardCharsets.ISO_8859_1))
          .isEqualTo("\0\1binary\r\n.\r\n");
      assertThat(s.received()).isEqualTo("/b\t+application/octet-stream\r\n");
    }
  }

  @Test
  void tooManyMenuItems() throws Exception {
    GopherClient small = CLIENT.newBuilder().maxMenuItems(10).build();
    try (FaultServer s =
        FaultServer.start(FaultScript.create().expectLine().send("0a\t/a\th\t70\r\n".repeat(11)))) {
      assertThatThrownBy(() -> small.menu(url(s, "1/")))
          .isInstanceOf(LimitExceededException.class)
          .hasMessage("menu \"/\" from " + ep(s) + " has too many items (limit 10)");
    }
  }

  @Test
  void controlCharactersFromTheCallerAreRefusedBeforeConnecting() throws Exception {
    try (FaultServer s = FaultServer.start(FaultScript.create().expectLine().send(".\r\n"))) {
      for (String bad : new String[] {"/a\r\nb", "/a\nb", "/a\tb", "/a\0b"}) {
        assertThatThrownBy(() -> CLIENT.menu("127.0.0.1", s.port(), bad))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageStartingWith("selector: must not contain");
      }
      GopherItem search =
          new GopherItem('7', "Search", "/find", "127.0.0.1", s.port(), GopherPlusMarker.NONE);
      assertThatThrownBy(() -> CLIENT.search(search, "a\tb"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("query: must not contain TAB (at index 1): \"a\\tb\"");
      assertThatThrownBy(() -> CLIENT.search(search, "a\r\nb"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("query: must not contain CR, LF or NUL");
      assertThatThrownBy(() -> new GopherItem('0', "x", "/a\tb", "h", 70, GopherPlusMarker.NONE))
          .isInstanceOf(InvalidInputException.class);
      assertThat(s.connections()).isZero();

      assertThat(CLIENT.search(search, "gopher java")).isEmpty();
      assertThat(s.received()).isEqualTo("/find\tgopher java\r\n");
    }
  }
}
