package io.inetkit.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the files of the distribution archive that come from the command model: one man page per
 * command (picocli's AsciiDoc, turned into roff by Asciidoctor) and the completion scripts. Run by
 * the build ({@code exec-maven-plugin} in {@code cli/pom.xml}) with three folders as arguments:
 * AsciiDoc sources, man pages, completion scripts.
 */
public final class DistributionFiles {
  private DistributionFiles() {}

  public static void main(String[] args) throws IOException {
    Path manSources = Path.of(args[0]);
    Path manPages = Path.of(args[1]);
    Path completion = Path.of(args[2]);
    Files.createDirectories(manSources);
    Files.createDirectories(manPages);
    Files.createDirectories(completion);
    CommandLine root =
        Inetkit.newCommandLine(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    int code =
        ManPageGenerator.generateManPage(
            manSources.toFile(), (File) null, new boolean[0], true, root.getCommandSpec());
    if (code != 0) {
      throw new IOException("man page generation failed with code " + code);
    }
    try (Asciidoctor asciidoctor = Asciidoctor.Factory.create();
        Stream<Path> pages = Files.list(manSources)) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".adoc")).toList()) {
        asciidoctor.convertFile(
            page.toFile(),
            Options.builder()
                .backend("manpage")
                .toDir(manPages.toFile())
                .safe(SafeMode.UNSAFE)
                .mkDirs(true)
                .build());
      }
    }
    String bash = AutoComplete.bash("inetkit", root);
    Files.writeString(completion.resolve("inetkit.bash"), bash, StandardCharsets.UTF_8);
    Files.writeString(
        completion.resolve("inetkit.fish"), FishCompletion.script(root), StandardCharsets.UTF_8);
  }
}
