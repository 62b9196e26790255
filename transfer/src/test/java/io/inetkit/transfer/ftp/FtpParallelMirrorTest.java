package io.inetkit.transfer.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inetkit.core.ConnectionClosedException;
import io.inetkit.core.Endpoint;
import io.inetkit.core.EventListener;
import io.inetkit.testkit.ftp.FtpServer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mirrors over several connections against testkit's FtpServer, over real sockets. */
class FtpParallelMirrorTest {
  static FtpServer server;

  @TempDir Path tmp;

  @BeforeAll
  static void start() throws IOException {
    server = FtpServer.builder().user(FtpServer.DEFAULT_WRITER).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static FtpClient.Builder client() {
    return FtpClient.builder()
        .endpoint(server.endpoint())
        .trust(server.clientTrust())
        .credentials(server.writer().credentials());
  }

  /** Writes {@code files} files of 0 to 20 KiB into three folders through {@code put}. */
  static Map<String, byte[]> tree(int files, long seed, Function<String, Path> put)
      throws IOException {
    Random random = new Random(seed);
    Map<String, byte[]> tree = new TreeMap<>();
    String[] folders = {"", "a/", "b/c/"};
    for (int i = 0; i < files; i++) {
      byte[] bytes = new byte[random.nextInt(20 * 1024)];
      random.nextBytes(bytes);
      String rel = folders[i % folders.length] + String.format("f%03d.bin", i);
      Path file = put.apply(rel);
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
      tree.put(rel, bytes);
    }
    return tree;
  }

  /** Asserts that {@code dir} holds exactly {@code expected}, byte for byte, and no temp file. */
  static void assertTree(Path dir, Map<String, byte[]> expected) throws IOException {
    Map<String, byte[]> found = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        found.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    assertThat(found.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach((rel, bytes) -> assertThat(found.get(rel)).as(rel).isEqualTo(bytes));
  }

  /** Counts control connections and remembers the first transfer. */
  static final class Counting extends EventListener {
    final AtomicInteger connects = new AtomicInteger();
    final AtomicInteger transfers = new AtomicInteger();
    final Map<String, AtomicInteger> verbs = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void commandSent(Endpoint endpoint, String command) {
      verbs.computeIfAbsent(command.split(" ", 2)[0], v -> new AtomicInteger()).incrementAndGet();
    }

    int sent(String verb) {
      AtomicInteger n = verbs.get(verb);
      return n == null ? 0 : n.get();
    }

    @Override
    public void connectStart(Endpoint endpoint) {
      connects.incrementAndGet();
    }

    @Override
    public void transferStart(Endpoint endpoint, String name, long total) {
      transfers.incrementAndGet();
    }
  }

  static long mirrorThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("inetkit-ftp-mirror"))
        .count();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4, 8})
  void mirrorDownIsByteEqualOverAsManyConnectionsAsAsked(int parallelism) throws IOException {
    String root = "down" + parallelism;
    Map<String, byte[]> tree =
        tree(90, parallelism, rel -> server.resolve("alice", root + "/" + rel));
    Counting counting = new Counting();
    Path local = tmp.resolve("copy");
    try (FtpSession ftp = client().eventListener(counting).build().open()) {
      // the default options open the default number of connections (8, chosen by measurement)
      MirrorOptions options =
          parallelism == MirrorOptions.DEFAULT_PARALLELISM
              ? MirrorOptions.DEFAULT
              : MirrorOptions.DEFAULT.withParallelism(parallelism);
      MirrorResult r = ftp.mirrorDown(root, local, options);
      assertThat(r.transferred()).containsExactlyInAnyOrderElementsOf(tree.keySet());
      assertThat(r.bytes()).isEqualTo(tree.values().stream().mapToLong(b -> b.length).sum());
      assertThat(ftp.list(root)).isNotEmpty(); // the session's connection is still usable
    }
    assertTree(local, tree);
    // the session's connection, plus one per extra worker: 90 files keep them all busy
    assertThat(counting.connects.get()).isEqualTo(parallelism);
    assertThat(counting.transfers.get()).isEqualTo(90);
    // per file only EPSV and RETR (the size comes from the listing), whatever the parallelism
    assertThat(counting.sent("RETR")).isEqualTo(90);
    // + one MLSD for each of the 4 folders, and the list after the mirror
    assertThat(counting.sent("EPSV")).isEqualTo(90 + 4 + 1);
    assertThat(counting.sent("SIZE")).isZero();
    assertThat(counting.sent("FEAT")).isEqualTo(1); // the workers take the session's
    assertThat(mirrorThreads()).isZero();
  }

  @Test
  void mirrorUpIsByteEqualOverFourConnections() throws IOException {
    Path local = tmp.resolve("site");
    Map<String, byte[]> tree = tree(60, 7, local::resolve);
    Counting counting = new Counting();
    try (FtpSession ftp = client().eventListener(counting).build().open()) {
      MirrorResult r = ftp.mirrorUp(local, "up", MirrorOptions.DEFAULT.withParallelism(4));
      assertThat(r.transferred()).containsExactlyInAnyOrderElementsOf(tree.keySet());
      MirrorResult again =
          ftp.mirrorUp(
              local,
              "up",
              MirrorOptions.DEFAULT.withMode(MirrorMode.ONLY_NEWER).withParallelism(4));
      assertThat(again.transferred()).isEmpty();
      assertThat(again.skipped()).hasSize(60);
    }
    assertTree(server.resolve("alice", "up"), tree);
    assertThat(counting.connects.get()).isBetween(2, 4);
    assertThat(mirrorThreads()).isZero();
  }

  /**
   * A file shrinks on the server after the listing: its transfer ends short, a typed failure that
   * stops the mirror; every file under its real name is complete, the threads are gone and the
   * session still works.
   */
  @Test
  void theFirstFailureStopsTheMirrorAndLeavesOnlyCompleteFiles() throws IOException {
    Map<String, byte[]> tree = tree(150, 3, rel -> server.resolve("alice", "fail/" + rel));
    String victim = "f060.bin"; // in the top folder, listed first
    EventListener shrinker =
        shrinkingOnFirstTransfer(server.resolve("alice", "fail/" + victim), 100);
    Path local = tmp.resolve("copy");
    try (FtpSession ftp = client().eventListener(shrinker).retries(0).build().open()) {
      assertThatThrownBy(
              () -> ftp.mirrorDown("fail", local, MirrorOptions.DEFAULT.withParallelism(4)))
          .isInstanceOf(ConnectionClosedException.class)
          .hasMessageContaining("RETR fail/" + victim)
          .hasMessageContaining("ended after 100 of " + tree.get(victim).length);
      assertThat(mirrorThreads()).isZero();
      assertThat(ftp.list("fail")).hasSize(52); // the session's connection is still usable
    }
    assertThat(local.resolve(victim)).doesNotExist();
    try (Stream<Path> s = Files.walk(local)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".inetkit-part")) {
          continue; // an interrupted download, kept to resume
        }
        String rel = local.relativize(p).toString().replace('\\', '/');
        assertThat(Files.readAllBytes(p)).as(rel).isEqualTo(tree.get(rel));
      }
    }
  }

  /**
   * Returns a listener that cuts {@code file} to {@code length} bytes when the first transfer
   * starts (after the listing, before any RETR: it is synchronized, so no transfer goes on before
   * the file has shrunk).
   */
  static EventListener shrinkingOnFirstTransfer(Path file, int length) {
    AtomicBoolean shrunk = new AtomicBoolean();
    return new EventListener() {
      @Override
      public synchronized void transferStart(Endpoint endpoint, String name, long total) {
        if (shrunk.compareAndSet(false, true)) {
          try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(length);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    };
  }

  @Test
  void parallelismIsValidated() {
    assertThatThrownBy(() -> MirrorOptions.DEFAULT.withParallelism(0))
        .isInstanceOf(io.inetkit.core.InvalidInputException.class);
    assertThatThrownBy(() -> MirrorOptions.DEFAULT.withParallelism(65))
        .isInstanceOf(io.inetkit.core.InvalidInputException.class);
    assertThat(MirrorOptions.DEFAULT.parallelism()).isEqualTo(8);
  }
}
