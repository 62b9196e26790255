package io.inetkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExceptionsTest {
  private static final Endpoint EP = Endpoint.of("ftp.example.org", 21);

  @Test
  void rootAppendsTheEndpointOnceAndKeepsTheCause() {
    IOException cause = new IOException("reset");
    InetkitException e = new InetkitException("RETR a.txt failed", EP, cause);
    assertThat(e)
        .isInstanceOf(IOException.class)
        .hasMessage("RETR a.txt failed [ftp.example.org:21]");
    assertThat(e.endpoint()).isEqualTo(EP);
    assertThat(e.getCause()).isSameAs(cause);
    assertThat(new InetkitException("connect to ftp.example.org:21 failed", EP, null))
        .hasMessage("connect to ftp.example.org:21 failed");
    assertThat(new InetkitException("no endpoint", null, null)).hasMessage("no endpoint");
  }

  @Test
  void protocolReplyCarriesCommandAndReply() {
    Reply reply = Reply.numeric(550, "a.txt: No such file");
    NotFoundException e = new NotFoundException("RETR a.txt", EP, reply, null);
    assertThat(e)
        .isInstanceOf(ProtocolReplyException.class)
        .hasMessage("RETR a.txt refused: 550 a.txt: No such file [ftp.example.org:21]");
    assertThat(e.command()).isEqualTo("RETR a.txt");
    assertThat(e.reply()).isSameAs(reply);
  }

  @Test
  void authenticationWithAndWithoutReply() {
    Reply reply = Reply.numeric(530, "Login incorrect.");
    AuthenticationException refused = new AuthenticationException("USER alice", EP, reply, null);
    assertThat(refused).hasMessage("USER alice: 530 Login incorrect. [ftp.example.org:21]");
    assertThat(refused.reply()).isSameAs(reply);
    AuthenticationException silent =
        new AuthenticationException("AUTH PLAIN as alice", EP, null, null);
    assertThat(silent).hasMessage("AUTH PLAIN as alice [ftp.example.org:21]");
    assertThat(silent.reply()).isNull();
  }

  @Test
  void limitAndTimeoutSayWhichLimit() {
    LimitExceededException limit = new LimitExceededException("listing too long", EP, 10_000);
    assertThat(limit)
        .isInstanceOf(ProtocolViolationException.class)
        .hasMessage("listing too long (limit 10000) [ftp.example.org:21]");
    assertThat(limit.limit()).isEqualTo(10_000);
    InetkitTimeoutException timeout =
        new InetkitTimeoutException("LIST", EP, Duration.ofSeconds(60), null);
    assertThat(timeout).hasMessage("LIST (timed out after 60 s) [ftp.example.org:21]");
    assertThat(timeout.timeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void invalidInputIsUncheckedAndNamesTheParameter() {
    InvalidInputException e = new InvalidInputException("selector", "must not contain CR");
    assertThat(e)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("selector: must not contain CR");
    assertThat(e.parameter()).isEqualTo("selector");
  }
}
