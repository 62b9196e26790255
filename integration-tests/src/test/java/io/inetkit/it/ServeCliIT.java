package io.inetkit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.ConnectionException;
import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitUrl;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import io.inetkit.transfer.ftp.FtpClient;
import io.inetkit.transfer.ftp.FtpEntry;
import io.inetkit.transfer.ftp.FtpSession;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inetkit serve --json} as another language's test suite would use it: start it, read the
 * JSON it prints, talk to a server with what it says (URL, user, password, CA file), stop it.
 */
class ServeCliIT {
  @TempDir Path home;

  @Test
  @SuppressWarnings("unchecked")
  void servesWhatItPrintsUntilStopped() throws Exception {
    Process serve = new CliJar(home).start("serve", "--only", "ftp,gopher", "--json");
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).as("serve printed nothing").isNotNull();
      Map<String, Object> info = Json.object(line);
      List<Map<String, Object>> services = (List<Map<String, Object>>) info.get("services");
      assertThat(services)
          .extracting(s -> s.get("name"))
          .containsExactly("ftp", "ftps", "gopher", "gophers");
      Map<String, Object> ftp = services.get(0);
      InetkitUrl url = InetkitUrl.parse((String) ftp.get("url"));

      FtpClient client =
          FtpClient.builder()
              .endpoint(url.endpoint())
              .tlsMode(TlsMode.STARTTLS_REQUIRED)
              .trust(Trust.fromFile(Path.of((String) info.get("caFile"))))
              .credentials(
                  Credentials.password(
                      (String) ftp.get("user"), ((String) ftp.get("password")).toCharArray()))
              .timeouts(
                  new Timeouts(
                      Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)))
              .build();
      Path file = Files.writeString(home.resolve("hello.txt"), "hello over FTPS\n");
      try (FtpSession session = client.open()) {
        session.put(file, "hello.txt");
        List<FtpEntry> entries = session.list(".");
        assertThat(entries).anySatisfy(e -> assertThat(e.name()).isEqualTo("hello.txt"));
      }

      serve.destroy(); // SIGTERM, like Ctrl-C: the shutdown hook stops the servers
      assertThat(serve.waitFor(15, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
      Endpoint gone = url.endpoint();
      assertThatThrownBy(() -> client.newBuilder().endpoint(gone).build().open().close())
          .isInstanceOf(ConnectionException.class);
    } finally {
      serve.destroyForcibly();
    }
  }
}
