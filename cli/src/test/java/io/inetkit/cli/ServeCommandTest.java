package io.inetkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ServeCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Inetkit.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
  }

  @Test
  void printsATableOfEveryListenerUsersAndTheCaFile() {
    assertThat(run("serve", "--exit-after", "0")).as(err.toString()).isZero();
    String table = out.toString();
    assertThat(table).contains("SERVICE", "URL", "USER", "PASSWORD")
        .containsPattern("smtp-starttls +smtp://127\\.0\\.0\\.1:\\d+ +alice +alice-secret +STARTTLS required")
        .containsPattern("imaps +imaps://127\\.0\\.0\\.1:\\d+")
        .containsPattern("pop3s +pop3s://127\\.0\\.0\\.1:\\d+")
        .containsPattern("ftps +ftps://127\\.0\\.0\\.1:\\d+")
        .containsPattern("telnet +telnet://127\\.0\\.0\\.1:\\d+")
        .containsPattern("gophers +gophers://127\\.0\\.0\\.1:\\d+/")
        .contains("bob / bob-secret  (FTP read-only)");
    Matcher ca = Pattern.compile("CA certificate \\(trust it for every TLS listener\\): (\\S+)").matcher(table);
    assertThat(ca.find()).isTrue();
    assertThat(Path.of(ca.group(1))).exists();
    assertThat(table).containsPattern("Files folder \\(Gopher serves it, Telnet's cat reads it\\): \\S+inetkit-files-");
  }

  @Test
  void jsonListsOnlyTheChosenServicesAndTheyReallyListenUntilStopped() throws Exception {
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving = new Thread(() -> exit.set(run("serve", "--only", "smtp,Gopher", "--json")));
    serving.start();
    String json = awaitOutput("]}");
    assertThat(json).startsWith("{\"host\":\"127.0.0.1\",\"caFile\":\"")
        .contains("\"users\":[{\"name\":\"alice\",\"password\":\"alice-secret\",\"email\":\"alice@inetkit.test\","
            + "\"ftpAccess\":\"read-write\"}")
        .contains("\"filesFolder\":\"")
        .doesNotContain("imap", "ftp:", "telnet");
    int smtp = port(json, "smtp");
    int gopher = port(json, "gopher");
    try (Socket s = new Socket("127.0.0.1", smtp)) {
      s.setSoTimeout(5_000);
      String greeting = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
      assertThat(greeting).startsWith("220 ");
    }
    try (Socket s = new Socket("127.0.0.1", gopher)) {
      s.setSoTimeout(5_000);
      s.getOutputStream().write("\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).endsWith(".\r\n");
    }

    serving.interrupt(); // what Ctrl-C's shutdown hook does for the servers, the command does on interrupt
    serving.join(10_000);
    assertThat(exit.get()).isZero();
    assertThatThrownBy(() -> new Socket("127.0.0.1", smtp).close()).isInstanceOf(ConnectException.class);
  }

  private String awaitOutput(String marker) throws InterruptedException {
    for (int i = 0; i < 300 && !out.toString().contains(marker); i++) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
    assertThat(out.toString()).as(err.toString()).contains(marker);
    return out.toString();
  }

  private static int port(String json, String name) {
    Matcher m = Pattern.compile("\\{\"name\":\"" + name + "\",\"url\":\"[^\"]+\",\"port\":(\\d+)").matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Test
  void unknownServiceIsAUsageError() {
    assertThat(run("serve", "--only", "smtp,nntp", "--exit-after", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown service 'nntp'");
  }

  @Test
  void portBaseWithoutRoomIsAUsageError() {
    assertThat(run("serve", "--port-base", "65530", "--exit-after", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("port base must be 1024..65522");
  }

  @Test
  void helpDocumentsThePortOffsets() {
    assertThat(run("serve", "--help")).isZero();
    assertThat(out.toString()).contains("--only=SERVICE", "--port-base=N", "--json", "gophers N+13")
        .doesNotContain("--exit-after");
  }
}
