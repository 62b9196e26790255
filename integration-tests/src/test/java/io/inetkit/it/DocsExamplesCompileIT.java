package io.inetkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code ```java} block of README.md and docs/*.md compiles against every inetkit module
 * (this module's test class path), so a renamed method or a wrong example fails the build.
 *
 * <p>A block that declares a class is compiled as it is; a block of fields (starting with an
 * annotation, {@code static}, {@code private} or {@code final}) is the body of a class; any other
 * block is the body of a method that may throw. Each block gets the imports it shows plus {@link
 * #IMPORTS}: the inetkit API packages, the JDK packages examples use, JUnit and AssertJ. Names an
 * example takes from its surrounding prose (a {@code client} built in an earlier block, a password
 * {@code pw}) are declared by a {@code // given: TYPE NAME, ... (note)} comment in the block, which
 * the reader sees as a statement of what the example assumes; they become the method's parameters.
 */
class DocsExamplesCompileIT {

  /** What every example may use without an import line. */
  static final String IMPORTS =
      Stream.of(
              "io.inetkit.core.*",
              "io.inetkit.mail.*",
              "io.inetkit.mail.smtp.*",
              "io.inetkit.mail.imap.*",
              "io.inetkit.mail.imap.WatchEvent", // not java.nio.file's
              "io.inetkit.mail.pop3.*",
              "io.inetkit.transfer.ftp.*",
              "io.inetkit.transfer.gopher.*",
              "io.inetkit.terminal.*",
              "io.inetkit.testkit.*",
              "io.inetkit.testkit.junit.*",
              "io.inetkit.testkit.mail.*",
              "io.inetkit.testkit.ftp.*",
              "io.inetkit.testkit.telnet.*",
              "io.inetkit.testkit.gopher.*",
              "io.inetkit.testkit.tls.*",
              "io.inetkit.testkit.fault.*",
              "io.inetkit.testkit.host.*",
              "io.inetkit.testkit.InetkitServers.Service",
              "java.io.*",
              "java.nio.charset.StandardCharsets",
              "java.nio.file.*",
              "java.time.*",
              "java.util.*",
              "org.junit.jupiter.api.*",
              "static org.assertj.core.api.Assertions.*")
          .map(i -> "import " + i + ";\n")
          .reduce("", String::concat);

  private static final Pattern BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```");
  private static final Pattern TYPE =
      Pattern.compile("(?m)^(?:public |final |abstract )*(?:class|record|interface|enum) (\\w+)");
  private static final Pattern MEMBER =
      Pattern.compile("\\s*(?:@\\w+\\s+)*(?:static|private|final) ");
  private static final Pattern GIVEN =
      Pattern.compile("^\\s*// given: ([^(\\n]*)", Pattern.MULTILINE);

  @TestFactory
  Stream<DynamicTest> everyJavaBlockCompiles() throws IOException {
    Path root = repositoryRoot();
    List<Path> pages = new ArrayList<>();
    pages.add(root.resolve("README.md"));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path page : pages) {
      String text = Files.readString(page);
      Matcher m = BLOCK.matcher(text);
      while (m.find()) {
        int line = (int) text.substring(0, m.start()).lines().count() + 1;
        String name = root.relativize(page) + ":" + line;
        String block = m.group(1);
        tests.add(
            DynamicTest.dynamicTest(name, () -> assertThat(compile(block)).as(name).isEmpty()));
      }
    }
    assertThat(tests).as("java blocks in README.md and docs/*.md").hasSizeGreaterThan(10);
    return tests.stream();
  }

  /** Compiles one block and returns its errors, one line each (empty when it compiles). */
  static List<String> compile(String block) throws IOException {
    StringBuilder imports = new StringBuilder(IMPORTS);
    StringBuilder body = new StringBuilder();
    block.lines().forEach(l -> (l.startsWith("import ") ? imports : body).append(l).append('\n'));
    Matcher type = TYPE.matcher(body);
    String className;
    String source;
    if (type.find()) {
      className = type.group(1);
      source = imports + body.toString();
    } else if (MEMBER.matcher(body).lookingAt()) {
      className = "Example";
      source = imports + "class Example {\n" + body + "}\n";
    } else {
      className = "Example";
      Matcher given = GIVEN.matcher(body);
      String params = given.find() ? given.group(1).strip() : "";
      source =
          imports
              + "class Example {\n  void example("
              + params
              + ") throws Exception {\n"
              + body
              + "  }\n}\n";
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path out = Files.createTempDirectory("docs-example");
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      JavaFileObject unit =
          new SimpleJavaFileObject(
              URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
              return source;
            }
          };
      List<String> options =
          List.of(
              "-proc:none",
              "-d",
              out.toString(),
              "-classpath",
              System.getProperty("java.class.path"));
      javac.getTask(new StringWriter(), files, diagnostics, options, null, List.of(unit)).call();
    } finally {
      try (Stream<Path> walk = Files.walk(out)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT).replace('\n', ' '))
        .toList();
  }

  private static Path repositoryRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null
        && !(Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs")))) {
      p = p.getParent();
    }
    assertThat(p).as("the repository root above " + Path.of("").toAbsolutePath()).isNotNull();
    return p;
  }
}
