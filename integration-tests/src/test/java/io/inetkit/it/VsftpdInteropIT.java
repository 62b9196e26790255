package io.inetkit.it;

import static io.inetkit.it.RealServers.assertSameTree;
import static io.inetkit.it.RealServers.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.inetkit.core.Credentials;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import io.inetkit.testkit.ftp.Vsftpd;
import io.inetkit.testkit.host.SystemUser;
import io.inetkit.transfer.ftp.FtpClient;
import io.inetkit.transfer.ftp.FtpSession;
import io.inetkit.transfer.ftp.FtpTransfer;
import io.inetkit.transfer.ftp.GetOptions;
import io.inetkit.transfer.ftp.MirrorMode;
import io.inetkit.transfer.ftp.PutOptions;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FTP journeys against Debian's vsftpd 3.0 with a local user (a throwaway system account), the
 * library and the packaged CLI alike: put, get, resume both ways, mirror both ways, over plain FTP,
 * explicit FTPS where AUTH TLS is optional, explicit FTPS forced with {@code
 * require_ssl_reuse=YES}, and implicit FTPS, each with the server limited to TLS 1.2 and to TLS
 * 1.3. The client runs with its defaults (no JVM flags).
 */
@Tag("real-server")
class VsftpdInteropIT {
  private static SystemUser user;

  @TempDir Path tmp;

  /** How the server offers TLS and how the client asks for it. */
  enum Variant {
    PLAIN(Vsftpd.Tls.OPTIONAL, TlsMode.NONE, "none"),
    EXPLICIT_OPTIONAL(Vsftpd.Tls.OPTIONAL, TlsMode.STARTTLS_REQUIRED, "starttls"),
    EXPLICIT_FORCED_REUSE(
        Vsftpd.Tls.REQUIRED_WITH_SESSION_REUSE, TlsMode.STARTTLS_REQUIRED, "starttls"),
    IMPLICIT(Vsftpd.Tls.IMPLICIT, TlsMode.IMPLICIT, "implicit");

    final Vsftpd.Tls server;
    final TlsMode client;
    final String cli;

    Variant(Vsftpd.Tls server, TlsMode client, String cli) {
      this.server = server;
      this.client = client;
      this.cli = cli;
    }
  }

  static Stream<Object[]> cases() {
    List<Object[]> cases = new ArrayList<>();
    cases.add(new Object[] {Variant.PLAIN, "TLSv1.3"});
    for (Variant v :
        List.of(Variant.EXPLICIT_OPTIONAL, Variant.EXPLICIT_FORCED_REUSE, Variant.IMPLICIT)) {
      cases.add(new Object[] {v, "TLSv1.2"});
      cases.add(new Object[] {v, "TLSv1.3"});
    }
    return cases.stream();
  }

  @BeforeAll
  static void createUser() throws Exception {
    RealServers.assumeAvailable(Vsftpd.unavailable().or(SystemUser::unavailable));
    user = SystemUser.create("ikftp");
  }

  @AfterAll
  static void removeUser() {
    if (user != null) {
      user.close();
    }
  }

  private FtpClient client(Vsftpd vsftpd, Variant v) {
    return FtpClient.builder()
        .endpoint("127.0.0.1", vsftpd.port())
        .tlsMode(v.client)
        .trust(Trust.fromFile(vsftpd.caPemFile()))
        .credentials(Credentials.password(user.name(), user.password().toCharArray()))
        .timeouts(Timeouts.DEFAULT.withRead(Duration.ofSeconds(15)))
        .build();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void libraryPutGetResumeMirror(Variant v, String tls) throws Exception {
    String dir = "lib-" + v.name().toLowerCase() + "-" + tls;
    byte[] data = bytes(2_000_000, 7);
    Path local = Files.write(tmp.resolve("data.bin"), data);
    try (Vsftpd vsftpd = Vsftpd.start(tmp, v.server, tls);
        FtpSession ftp = client(vsftpd, v).open()) {
      ftp.mkdirs(dir);
      ftp.put(local, dir + "/data.bin");
      assertThat(Files.readAllBytes(user.home().resolve(dir + "/data.bin"))).isEqualTo(data);

      Path back = tmp.resolve("back.bin");
      ftp.get(dir + "/data.bin", back);
      assertThat(Files.readAllBytes(back)).isEqualTo(data);

      // resume a download: a third arrived before (the part file a dropped download leaves)
      Path resumedFile = tmp.resolve("resumed.bin");
      Files.write(tmp.resolve(".resumed.bin.inetkit-part"), Arrays.copyOf(data, 700_000));
      FtpTransfer resumed =
          ftp.get(dir + "/data.bin", resumedFile, GetOptions.DEFAULT.withResume(true));
      assertThat(Files.readAllBytes(resumedFile)).isEqualTo(data);
      assertThat(resumed.resumedFrom()).isEqualTo(700_000);

      // resume an upload: half is on the server already
      ftp.put(new ByteArrayInputStream(Arrays.copyOf(data, 1_000_000)), dir + "/up.bin");
      assertThat(ftp.put(local, dir + "/up.bin", PutOptions.DEFAULT.withResume(true)).resumedFrom())
          .isEqualTo(1_000_000);
      assertThat(Files.readAllBytes(user.home().resolve(dir + "/up.bin"))).isEqualTo(data);

      Path site = RealServers.tree(tmp.resolve("site"));
      ftp.mirrorUp(site, dir + "/site", MirrorMode.ALL);
      assertThat(ftp.mirrorUp(site, dir + "/site", MirrorMode.ONLY_NEWER).transferred()).isEmpty();
      Path copy = tmp.resolve("copy");
      ftp.mirrorDown(dir + "/site", copy, MirrorMode.ALL);
      assertSameTree(site, copy);
      assertSameTree(site, user.home().resolve(dir + "/site"));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void cliPutGetResumeMirror(Variant v, String tls) throws Exception {
    String dir = "cli-" + v.name().toLowerCase() + "-" + tls;
    byte[] data = bytes(1_500_000, 8);
    Path local = Files.write(tmp.resolve("data.bin"), data);
    try (Vsftpd vsftpd = Vsftpd.start(tmp, v.server, tls)) {
      Cli cli = new Cli(vsftpd, v);
      cli.ok("ftp", "put", local.toString(), cli.url(dir + "/"), "--create-dirs");
      assertThat(Files.readAllBytes(user.home().resolve(dir + "/data.bin"))).isEqualTo(data);

      Path back = tmp.resolve("back.bin");
      cli.ok("ftp", "get", cli.url(dir + "/data.bin"), "-o", back.toString());
      assertThat(Files.readAllBytes(back)).isEqualTo(data);

      Path partial = Files.write(tmp.resolve("partial.bin"), Arrays.copyOf(data, 500_000));
      cli.ok("ftp", "get", cli.url(dir + "/data.bin"), "-o", partial.toString(), "-C");
      assertThat(Files.readAllBytes(partial)).isEqualTo(data);

      Path half = Files.write(tmp.resolve("up.bin"), Arrays.copyOf(data, 600_000));
      cli.ok("ftp", "put", half.toString(), cli.url(dir + "/up.bin"));
      Files.write(half, data);
      cli.ok("ftp", "put", half.toString(), cli.url(dir + "/up.bin"), "-C");
      assertThat(Files.readAllBytes(user.home().resolve(dir + "/up.bin"))).isEqualTo(data);

      Path site = RealServers.tree(tmp.resolve("site"));
      cli.ok("ftp", "put", site.toString(), cli.url(dir + "/site/"), "-r", "--newer");
      // again: nothing changed, nothing goes up (LIST has minute precision; MDTM decides)
      CliJar.Result again =
          cli.run("ftp", "put", site.toString(), cli.url(dir + "/site/"), "-r", "--newer");
      assertThat(again.code()).as(again.err()).isZero();
      assertThat(again.err()).contains("0 files (0 bytes)").contains("3 up to date");
      Path copy = tmp.resolve("copy");
      cli.ok("ftp", "get", cli.url(dir + "/site/"), "-r", "-o", copy.toString());
      assertSameTree(site, copy);
    }
  }

  /**
   * {@code ftp://user@host} with a password: AUTH TLS by default (verified: an unknown CA is a TLS
   * failure, 78), the password in clear only with {@code --tls none}.
   */
  @org.junit.jupiter.api.Test
  void aPasswordGoesOverTlsByDefault() throws Exception {
    try (Vsftpd vsftpd = Vsftpd.start(tmp, Vsftpd.Tls.OPTIONAL)) {
      String url = "ftp://" + user.name() + "@127.0.0.1:" + vsftpd.port() + "/";
      CliJar jar = new CliJar(tmp).env("INETKIT_PASSWORD", user.password());
      CliJar.Result tls =
          jar.run("ftp", "ls", url, "--cacert", vsftpd.caPemFile().toString(), "-v");
      assertThat(tls.code()).as(tls.err()).isZero();
      assertThat(tls.err())
          .contains("> AUTH TLS")
          .contains("> PASS ***")
          .doesNotContain(user.password());
      CliJar.Result unverified = jar.run("ftp", "ls", url);
      assertThat(unverified.code()).as(unverified.err()).isEqualTo(78);
      CliJar.Result clear = jar.run("ftp", "ls", url, "--tls", "none", "-v");
      assertThat(clear.code()).as(clear.err()).isZero();
      assertThat(clear.err()).doesNotContain("> AUTH TLS").contains("> PASS ***");
    }
  }

  /** mv and rm of a missing file both exit 66; mv --create-dirs makes the target's folders. */
  @org.junit.jupiter.api.Test
  void moveAndRemove() throws Exception {
    try (Vsftpd vsftpd = Vsftpd.start(tmp, Vsftpd.Tls.REQUIRED_WITH_SESSION_REUSE)) {
      Cli cli = new Cli(vsftpd, Variant.EXPLICIT_FORCED_REUSE);
      Files.createDirectories(user.home().resolve("mv"));
      Files.writeString(user.home().resolve("mv/a.txt"), "a");
      user.own(user.home().resolve("mv"));
      assertThat(cli.run("ftp", "mv", cli.url("mv/none.txt"), "mv/x.txt").code()).isEqualTo(66);
      assertThat(cli.run("ftp", "rm", cli.url("mv/none.txt")).code()).isEqualTo(66);
      assertThat(cli.run("ftp", "mv", cli.url("mv/a.txt"), "mv/new/deep/a.txt").code())
          .isEqualTo(76);
      cli.ok("ftp", "mv", cli.url("mv/a.txt"), "mv/new/deep/a.txt", "--create-dirs");
      assertThat(user.home().resolve("mv/new/deep/a.txt")).hasContent("a");
    }
  }

  /** {@code ftp capabilities} asks FEAT without logging in (anonymous or not). */
  @org.junit.jupiter.api.Test
  void capabilitiesNeedNoLogin() throws Exception {
    try (Vsftpd vsftpd = Vsftpd.start(tmp, Vsftpd.Tls.OPTIONAL)) {
      CliJar.Result r =
          new CliJar(tmp).run("ftp", "capabilities", "ftp://127.0.0.1:" + vsftpd.port() + "/");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).contains("AUTH TLS").contains("MDTM");
      assertThat(vsftpd.logText()).doesNotContain("LOGIN");
    }
  }

  /** The packaged CLI against one vsftpd, logged in as the test user. */
  private final class Cli {
    private final Vsftpd vsftpd;
    private final Variant variant;

    Cli(Vsftpd vsftpd, Variant variant) {
      this.vsftpd = vsftpd;
      this.variant = variant;
    }

    String url(String path) {
      return "ftp://" + user.name() + "@127.0.0.1:" + vsftpd.port() + "/" + path;
    }

    CliJar.Result run(String... args) throws Exception {
      List<String> all = new ArrayList<>(List.of(args));
      all.addAll(
          List.of(
              "--tls", variant.cli, "--cacert", vsftpd.caPemFile().toString(), "--timeout", "15s"));
      return new CliJar(tmp)
          .env("INETKIT_PASSWORD", user.password())
          .run(all.toArray(String[]::new));
    }

    void ok(String... args) throws Exception {
      CliJar.Result r = run(args);
      assertThat(r.code())
          .as("inetkit %s\n%s\n%s", String.join(" ", args), r.err(), vsftpd.logText())
          .isZero();
    }
  }
}
