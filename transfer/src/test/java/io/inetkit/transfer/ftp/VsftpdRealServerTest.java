package io.inetkit.transfer.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.inetkit.testkit.ftp.Vsftpd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proof against a stricter real server: Debian's vsftpd on loopback with {@code
 * require_ssl_reuse=YES}, which refuses data connections that do not resume the control
 * connection's TLS session ("522 SSL connection failed: session reuse required"), started by
 * testkit's {@link Vsftpd}. Runs only in the {@code real-servers} Maven profile, as root (it
 * installs vsftpd with apt-get if missing).
 */
@Tag("real-server")
class VsftpdRealServerTest {
  private static Path dir;
  private static Vsftpd vsftpd;

  @BeforeAll
  static void startVsftpd() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "vsftpd tests need root");
    if (!Files.exists(Vsftpd.EXECUTABLE)) {
      run(List.of("apt-get", "install", "-y", "-q", "vsftpd"));
    }
    dir = Files.createTempDirectory("inetkit-vsftpd-");
    vsftpd = Vsftpd.start(dir, Vsftpd.Tls.REQUIRED_WITH_SESSION_REUSE);
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(command + " failed: " + out);
    }
    return out;
  }

  @AfterAll
  static void stop() throws IOException {
    if (vsftpd != null) {
      vsftpd.close();
    }
    if (dir != null) {
      Files.deleteIfExists(dir);
    }
  }

  /**
   * TLS 1.3 (what the JDK and vsftpd on OpenSSL 3 negotiate by default) and TLS 1.2, with the JVM's
   * defaults: no flag needed (FTPS sessions resume TLS 1.2 by session ID).
   */
  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void listPutGetWithRequiredSessionReuse(String protocol) throws Exception {
    String output = child(protocol, "-Dinetkit.test.defaults=true", 0);
    assertThat(output).contains("OK " + protocol + " " + protocol);
  }

  /**
   * With TLS 1.2 and JDK session tickets forced on by the user, vsftpd refuses reuse: the error
   * says why and what to do.
   */
  @org.junit.jupiter.api.Test
  void tls12WithSessionTicketsFailsWithAnExplanation() throws Exception {
    String output = child("TLSv1.2", "-Djdk.tls.client.enableSessionTicketExtension=true", 1);
    assertThat(output)
        .contains("TlsException")
        .contains("522")
        .contains("-Djdk.tls.client.enableSessionTicketExtension=false");
  }

  private static String child(String protocol, String jvmArg, int expectedExit) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-Xmx128m",
                    jvmArg,
                    "-cp",
                    System.getProperty("java.class.path"),
                    io.inetkit.transfer.ftp.internal.VsftpdMain.class.getName(),
                    Integer.toString(vsftpd.port()),
                    vsftpd.caPemFile().toString(),
                    protocol))
            .redirectErrorStream(true)
            .start();
    boolean done = p.waitFor(2, TimeUnit.MINUTES);
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly();
    }
    String log = vsftpd.logText();
    assertThat(done).isTrue();
    assertThat(p.exitValue()).as(output + "\n" + log).isEqualTo(expectedExit);
    return output;
  }
}
