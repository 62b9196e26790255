package io.inetkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void writesTheContentAndReturnsTheWritersResult() throws IOException {
    Path target = dir.resolve("sub/file.txt");

    long n =
        AtomicFiles.write(
            target,
            8192,
            out -> {
              out.write("hello".getBytes(StandardCharsets.UTF_8));
              return 5L;
            });

    assertThat(n).isEqualTo(5);
    assertThat(target).hasContent("hello");
    assertThat(leftovers(target.getParent())).containsExactly("file.txt");
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("file.txt");
    Files.writeString(target, "old");

    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    target,
                    8192,
                    out -> {
                      out.write("half".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("connection dropped");
                    }))
        .hasMessage("connection dropped");

    assertThat(target).hasContent("old");
    assertThat(leftovers(dir)).containsExactly("file.txt");
  }

  private static Stream<String> names(Path folder) throws IOException {
    return Files.list(folder).map(p -> p.getFileName().toString());
  }

  private static java.util.List<String> leftovers(Path folder) throws IOException {
    try (Stream<String> s = names(folder)) {
      return s.toList();
    }
  }
}
