package io.inetkit.benchmarks.workloads;

import io.inetkit.benchmarks.Contender;
import io.inetkit.benchmarks.Goal;
import io.inetkit.benchmarks.Peers;
import io.inetkit.benchmarks.Sample;
import io.inetkit.benchmarks.Sizes;
import io.inetkit.core.GopherUrl;
import io.inetkit.core.ProgressListener;
import io.inetkit.transfer.gopher.GopherClient;
import java.util.List;

/** Gopher: one 100 MiB binary item (type 9) from testkit's GopherServer into a file. */
final class GopherWorkload extends BulkWorkload {

  GopherWorkload() {
    super(100 * Sizes.MIB);
  }

  private static final String PYTHON = "python socket";
  private final GopherClient client = GopherClient.builder().build();

  @Override
  public String id() {
    return "gopher";
  }

  @Override
  public String title() {
    return "Gopher binary item";
  }

  private String item(long size) throws java.io.IOException {
    String name = "item-" + size + ".bin";
    prepare("file " + name + " " + size);
    return name;
  }

  private String url(long size) throws java.io.IOException {
    return "gopher://" + HOST + ":" + server().port("gopher.port") + "/9/" + item(size);
  }

  @Override
  public List<Contender> contenders() {
    return List.of(
        Peers.inProcess(
            Workloads.INETKIT,
            trial -> {
              GopherUrl url = GopherUrl.parse(url(trial.size()));
              Sample s =
                  Peers.timed(
                      () ->
                          client.download(
                              url, trial.scratch().resolve("out.bin"), ProgressListener.NONE));
              Peers.requireSize(trial.scratch().resolve("out.bin"), trial.size());
              return s;
            }),
        Peers.curl(
            tools(),
            Workloads.CURL,
            trial -> List.of("-o", "out.bin", url(trial.size())),
            Peers.fileSize("out.bin", t -> t.size())),
        Peers.python(
            tools(),
            PYTHON,
            trial ->
                tools()
                    .python(
                        "socket_get.py",
                        HOST,
                        server().port("gopher.port"),
                        "/" + item(trial.size()),
                        "out.bin"),
            Peers.fileSize("out.bin", t -> t.size())),
        rawGet(this::item));
  }

  @Override
  public List<Goal> goals() {
    return List.of(
        Goal.speedAtLeast(Workloads.INETKIT, Workloads.RAW, 0.7),
        Goal.heapAtMost(Workloads.INETKIT, 64));
  }

  @Override
  public List<String> notes() {
    return List.of(
        "testkit's GopherServer streams the file through a 256 KiB buffer; the raw contender reads the same file from the same JVM with FileChannel.transferTo.");
  }
}
