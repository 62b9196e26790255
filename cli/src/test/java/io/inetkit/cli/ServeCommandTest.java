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
    return Inetkit.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void printsATableOfEveryListenerUsersAndTheCaFile() {
    assertThat(run("serve", "--exit-after", "0")).as(err.toString()).isZero();
    String table = out.toString();
    assertThat(table)
        .contains("SERVICE", "URL", "USER", "PASSWORD")
        .containsPattern(
            "smtp-starttls +smtp://127\\.0\\.0\\.1:\\d+ +alice +alice-secret +STARTTLS required")
        .containsPattern("imaps +imaps://127\\.0\\.0\\.1:\\d+")
        .containsPattern("pop3s +pop3s://127\\.0\\.0\\.1:\\d+")
        .containsPattern("ftps +ftps://127\\.0\\.0\\.1:\\d+")
        .containsPattern("telnet +telnet://127\\.0\\.0\\.1:\\d+")
        .containsPattern("gophers +gophers://127\\.0\\.0\\.1:\\d+/")
        .contains("bob / bob-secret  (FTP read-only)");
    Matcher ca =
        Pattern.compile("CA certificate \\(trust it for every TLS listener\\): (\\S+)")
            .matcher(table);
    assertThat(ca.find()).isTrue();
    assertThat(Path.of(ca.group(1))).exists();
    assertThat(table)
        .containsPattern(
            "Files folder \\(Gopher serves it, Telnet's cat reads it\\): \\S+inetkit-files-");
  }

  @Test
  void jsonListsOnlyTheChosenServicesAndTheyReallyListenUntilStopped() throws Exception {
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving = new Thread(() -> exit.set(run("serve", "--only", "smtp,Gopher", "--json")));
    serving.start();
    String json = awaitOutput("]}");
    assertThat(json)
        .startsWith("{\"host\":\"127.0.0.1\",\"caFile\":\"")
        .contains(
            "\"users\":[{\"name\":\"alice\",\"password\":\"alice-secret\",\"email\":\"alice@inetkit.test\","
                + "\"ftpAccess\":\"read-write\"}")
        .contains("\"filesFolder\":\"")
        .doesNotContain("imap", "ftp:", "telnet");
    int smtp = port(json, "smtp");
    int gopher = port(json, "gopher");
    try (Socket s = new Socket("127.0.0.1", smtp)) {
      s.setSoTimeout(5_000);
      String greeting =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      assertThat(greeting).startsWith("220 ");
    }
    try (Socket s = new Socket("127.0.0.1", gopher)) {
      s.setSoTimeout(5_000);
      s.getOutputStream().write("\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
          .endsWith(".\r\n");
    }

    serving.interrupt(); // what Ctrl-C's shutdown hook does for the servers, the command does on
    // interrupt
    serving.join(10_000);
    assertThat(exit.get()).isZero();
    assertThatThrownBy(() -> new Socket("127.0.0.1", smtp).close())
        .isInstanceOf(ConnectException.class);
  }

  private String awaitOutput(String marker) throws InterruptedException {
    for (int i = 0; i < 300 && !out.toString().contains(marker); i++) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
    assertThat(out.toString()).as(err.toString()).contains(marker);
    return out.toString();
  }

  private static int port(String json, String name) {
    Matcher m =
        Pattern.compile("\\{\"name\":\"" + name + "\",\"url\":\"[^\"]+\",\"port\":(\\d+)")
            .matcher(json);
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
    assertThat(out.toString())
        .contains("--only=SERVICE", "--port-base=N", "--json", "gophers N+13")
        .doesNotContain("--exit-after");
  }

  @Test
  void userOptionAndControlEndpointListPurgeAndAddUsers() throws Exception {
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving =
        new Thread(
            () ->
                exit.set(run("serve", "--only", "smtp", "--user", "carol:carol-secret", "--json")));
    serving.start();
    String json = awaitOutput("]}");
    assertThat(json)
        .contains(
            "{\"name\":\"carol\",\"password\":\"carol-secret\",\"email\":\"carol@inetkit.test\"");
    Matcher c = Pattern.compile("\"control\":\"(http://127\\.0\\.0\\.1:\\d+/)\"").matcher(json);
    assertThat(c.find()).as(json).isTrue();
    java.net.URI control = java.net.URI.create(c.group(1));
    try {
      smtp(
          port(json, "smtp"),
          "carol@inetkit.test",
          "Subject: hi\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nGr=C3=BC=C3=9Fe\r\n");
      assertThat(http("GET", control.resolve("messages"), null))
          .startsWith("200 [{\"recipient\":\"carol@inetkit.test\",\"from\":\"\",\"subject\":\"hi\"")
          .contains("\"text\":\"Grüße\"", "\"attachments\":[]", "\"raw\":\"");
      assertThat(http("GET", control.resolve("messages?to=bob%40inetkit.test"), null))
          .isEqualTo("200 []\n");
      assertThat(http("POST", control.resolve("users"), "dave:dave-secret"))
          .isEqualTo(
              "201 {\"name\":\"dave\",\"email\":\"dave@inetkit.test\",\"ftpAccess\":\"read-write\"}\n");
      assertThat(http("GET", control.resolve("servers"), null))
          .contains("{\"name\":\"dave\",\"password\":\"dave-secret\"");
      assertThat(http("POST", control.resolve("users"), "no-colon"))
          .startsWith("400 {\"error\":\"a user is NAME:PASSWORD");
      assertThat(http("DELETE", control.resolve("messages"), null)).isEqualTo("204 ");
      assertThat(http("GET", control.resolve("messages"), null)).isEqualTo("200 []\n");
      assertThat(http("GET", control.resolve("nothing"), null))
          .startsWith("404 {\"error\":\"no such endpoint: GET /nothing");
    } finally {
      serving.interrupt();
      serving.join(10_000);
    }
    assertThat(exit.get()).isZero();
    assertThatThrownBy(() -> http("GET", control.resolve("servers"), null))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void malformedUserIsAUsageErrorThatDoesNotEchoThePassword() {
    assertThat(run("serve", "--user", "carol", "--exit-after", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("a user is NAME:PASSWORD");
    assertThat(run("serve", "--user", "ca rol:s3cret-value", "--exit-after", "0")).isEqualTo(2);
    assertThat(err.toString())
        .contains("not a usable user name or password for ca rol")
        .doesNotContain("s3cret-value");
  }

  private static String http(String method, java.net.URI uri, String body) throws Exception {
    java.net.http.HttpRequest.Builder request =
        java.net.http.HttpRequest.newBuilder(uri)
            .timeout(java.time.Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(body));
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                request.build(),
                java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return response.statusCode() + " " + response.body();
  }

  private static void smtp(int port, String to, String message) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(5_000);
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
      java.io.OutputStream out = s.getOutputStream();
      assertThat(in.readLine()).startsWith("220");
      for (String command :
          new String[] {
            "HELO test", "MAIL FROM:<tester@example.org>", "RCPT TO:<" + to + ">", "DATA"
          }) {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(in.readLine()).matches("[23]\\d\\d.*");
      }
      out.write((message + ".\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(in.readLine()).startsWith("250");
    }
  }

  @Test
  void bindMovesTheListenersAndTlsNamesJoinTheCertificate() throws Exception {
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving =
        new Thread(
            () ->
                exit.set(
                    run(
                        "serve",
                        "--only",
                        "smtp",
                        "--bind",
                        "127.0.0.2",
                        "--tls-name",
                        "mail.test",
                        "--json")));
    serving.start();
    String json = awaitOutput("]}");
    try {
      assertThat(json)
          .startsWith("{\"host\":\"127.0.0.2\",")
          .contains("\"bindAddress\":\"127.0.0.2\"")
          .contains("\"url\":\"smtps://127.0.0.2:");
      int smtps = port(json, "smtps");
      Matcher ca = Pattern.compile("\"caFile\":\"([^\"]+)\"").matcher(json);
      assertThat(ca.find()).isTrue();
      java.security.cert.X509Certificate cert;
      javax.net.ssl.SSLContext trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
      trustAll.init(
          null,
          new javax.net.ssl.TrustManager[] {
            new javax.net.ssl.X509TrustManager() {
              @Override
              public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {}

              @Override
              public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {}

              @Override
              public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
              }
            }
          },
          null);
      try (javax.net.ssl.SSLSocket s =
          (javax.net.ssl.SSLSocket) trustAll.getSocketFactory().createSocket("127.0.0.2", smtps)) {
        s.startHandshake();
        cert = (java.security.cert.X509Certificate) s.getSession().getPeerCertificates()[0];
      }
      assertThat(cert.getSubjectAlternativeNames())
          .contains(java.util.List.of(7, "127.0.0.2"), java.util.List.of(2, "mail.test"));
      assertThatThrownBy(() -> new Socket("127.0.0.1", smtps).close())
          .isInstanceOf(ConnectException.class);
    } finally {
      serving.interrupt();
      serving.join(10_000);
    }
    assertThat(exit.get()).isZero();
  }

  @Test
  void bindTakesIpv4LiteralsOnly() {
    assertThat(run("serve", "--bind", "localhost", "--exit-after", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("not an IPv4 address: localhost");
    assertThat(run("serve", "--tls-name", "bad name", "--exit-after", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--tls-name: not a DNS name or IP literal: bad name");
  }
}
