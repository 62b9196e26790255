package io.inetkit.cli.gopher;

import io.inetkit.cli.Json;
import io.inetkit.cli.JsonOption;
import io.inetkit.cli.MaxFileSizeOption;
import io.inetkit.cli.NetworkCommand;
import io.inetkit.cli.RetryDelayOption;
import io.inetkit.cli.TransferOptions;
import io.inetkit.core.GopherUrl;
import io.inetkit.core.InetkitUrl;
import io.inetkit.core.InvalidInputException;
import io.inetkit.core.LocalPaths;
import io.inetkit.core.ProgressListener;
import io.inetkit.core.Scheme;
import io.inetkit.transfer.gopher.GopherClient;
import io.inetkit.transfer.gopher.GopherItem;
import io.inetkit.transfer.gopher.GopherItemType;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code inetkit gopher URL}: browse Gopherspace through {@link GopherClient}. Menus and search
 * results print one item per line (type, title, URL), text documents and binary items go to
 * standard output or {@code -o FILE}.
 *
 * <pre>{@code
 * inetkit gopher gopher://gopher.example.org/1/
 * inetkit gopher gopher://gopher.example.org/7/find --search inetkit --json
 * inetkit gopher gopher://gopher.example.org/9/pub/file.tgz -o file.tgz
 * }</pre>
 */
@Command(
    name = "gopher",
    mixinStandardHelpOptions = true,
    header = "Fetch a Gopher menu, search, text document or file.",
    description =
        "RFC 1436, URLs per RFC 4266. Menus and search results print one item per line: type, title, URL (info lines: just their text). Text documents and files go to standard output or -o FILE.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  inetkit gopher gopher://gopher.example/",
      "  inetkit gopher gopher://gopher.example/1/software --json",
      "  inetkit gopher gopher://gopher.example/7/search --search 'rfc 1436'",
      "  inetkit gopher gopher://gopher.example/0/about.txt",
      "  inetkit gopher gophers://gopher.example/9/pub/file.tgz -o file.tgz",
      "JSON (menus): [{\"type\",\"code\",\"display\",\"selector\",\"host\",\"port\",\"url\"}]"
    })
public final class GopherCommand extends NetworkCommand {
  @Mixin JsonOption json;

  @Mixin TransferOptions transfer;

  @Mixin MaxFileSizeOption maxSize;

  @Mixin RetryDelayOption retryDelay;

  @Parameters(index = "0", paramLabel = "URL", description = "gopher:// or gophers:// URL.")
  String url;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the document, file or rendered menu to FILE (written atomically).")
  Path outputFile;

  @Option(names = "--search", paramLabel = "QUERY", description = "Query for a type-7 search.")
  String query;

  @Override
  public Integer call() throws Exception {
    InetkitUrl parsed = url(url, Scheme.GOPHER, Scheme.GOPHERS);
    GopherUrl gopher = GopherUrl.from(parsed);
    GopherClient.Builder builder =
        GopherClient.builder()
            .url(parsed)
            .trust(tls.trust())
            .timeouts(timeouts.timeouts())
            .proxy(proxy.proxies())
            .eventListener(output.events())
            .maxTotalBytes(maxSize.maxFileSize() > 0 ? maxSize.maxFileSize() : Long.MAX_VALUE);
    tls.explicitMode().ifPresent(builder::tlsMode);
    GopherClient client = builder.build();
    if (outputFile != null) { // a folder receives the item under its selector's name, as in ftp get
      outputFile = LocalPaths.intoFolder(outputFile, gopher.selector(), "gopher-item");
    }
    GopherItemType type = GopherItemType.of(gopher.itemType());
    if (query != null && type != GopherItemType.SEARCH) {
      throw usage("--search needs a type-7 (search) URL, got type " + gopher.itemType());
    }
    boolean streamsToStdout =
        outputFile == null
            && (type.kind() == GopherItemType.Kind.TEXT
                || type.kind() == GopherItemType.Kind.BINARY);
    if (streamsToStdout) {
      // Bytes already written to standard output cannot be taken back: no retries.
      return fetch(client, gopher, type, parsed.scheme());
    }
    // Gopher cannot resume: a retry fetches the item again from the start.
    return transfer
        .retry(retryDelay, output)
        .run(attempt -> fetch(client, gopher, type, parsed.scheme()));
  }

  private int fetch(GopherClient client, GopherUrl gopher, GopherItemType type, Scheme scheme)
      throws java.io.IOException {
    switch (type.kind()) {
      case MENU, SEARCH -> {
        if (type == GopherItemType.SEARCH && query == null && gopher.search().isEmpty()) {
          throw usage("a type-7 URL needs --search QUERY (or %09query in the URL)");
        }
        List<GopherItem> items = query != null ? client.search(gopher, query) : client.menu(gopher);
        if (outputFile == null) {
          render(items, scheme, output.out());
        } else {
          Path tmp =
              Files.createTempFile(outputFile.toAbsolutePath().getParent(), ".inetkit", ".tmp");
          try (PrintWriter w =
              new PrintWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8))) {
            render(items, scheme, w);
          }
          Files.move(
              tmp,
              outputFile,
              java.nio.file.StandardCopyOption.REPLACE_EXISTING,
              java.nio.file.StandardCopyOption.ATOMIC_MOVE);
          output.note("saved %s (%d items)", outputFile, items.size());
        }
      }
      case TEXT -> {
        if (outputFile == null) {
          OutputStream stdout = output.environment().stdout();
          client.text(gopher, stdout);
          stdout.flush();
        } else {
          long lines = client.text(gopher, outputFile);
          output.note("saved %s (%d lines)", outputFile, lines);
        }
      }
      case BINARY -> {
        ProgressListener progress = transfer.progress(output);
        try {
          if (outputFile == null) {
            OutputStream stdout = output.environment().stdout();
            client.download(gopher, stdout, progress);
            stdout.flush();
          } else {
            long bytes = client.download(gopher, outputFile, progress);
            output.note("saved %s (%d bytes)", outputFile, bytes);
          }
        } finally {
          TransferOptions.finish(progress);
        }
      }
      default ->
          throw new InvalidInputException(
              "URL",
              "item type "
                  + gopher.itemType()
                  + " ("
                  + type.name().toLowerCase(Locale.ROOT)
                  + ") is not fetched over Gopher");
    }
    return 0;
  }

  private void render(List<GopherItem> items, Scheme scheme, PrintWriter out) {
    if (json.enabled()) {
      Json.writeArray(out, items.stream().map(i -> toJson(i, scheme)).toList());
      return;
    }
    for (GopherItem item : items) {
      String link = link(item, scheme);
      out.println(
          link.isEmpty()
              ? item.code() + "  " + item.display()
              : String.format("%c  %-40s %s", item.code(), item.display(), link));
    }
    out.flush();
  }

  /** {@return the URL to follow an item, {@code ""} for info lines and unusable items} */
  private static String link(GopherItem item, Scheme scheme) {
    if (!item.isLink()) {
      return "";
    }
    if (item.externalUrl().isPresent()) {
      return item.externalUrl().get();
    }
    try {
      return item.url(scheme).toString();
    } catch (InvalidInputException e) {
      return "";
    }
  }

  private static Map<String, Object> toJson(GopherItem item, Scheme scheme) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", item.type());
    m.put("code", String.valueOf(item.code()));
    m.put("display", item.display());
    m.put("selector", item.selector());
    m.put("host", item.host());
    m.put("port", item.port());
    String link = link(item, scheme);
    m.put("url", link.isEmpty() ? null : link);
    return m;
  }
}
