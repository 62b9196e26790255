package io.inetkit.transfer.gopher;

import io.inetkit.core.GopherUrl;
import java.nio.file.Path;

/** Child-JVM entry point for {@link GopherBigDownloadTest}: downloads a URL to a file. */
public final class GopherDownloadMain {
  private GopherDownloadMain() {}

  /** Arguments: URL, target file. Prints the byte count and the heap limit. */
  public static void main(String[] args) throws Exception {
    long n =
        GopherClient.builder()
            .build()
            .download(GopherUrl.parse(args[0]), Path.of(args[1]), p -> {});
    System.out.println("bytes=" + n + " maxHeap=" + Runtime.getRuntime().maxMemory());
  }
}
