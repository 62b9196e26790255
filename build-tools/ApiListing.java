import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lists the public API of one module's compiled classes (every public or protected type, field,
 * constructor and method outside {@code internal} packages, with generics and {@code throws}), one
 * line each, sorted, and compares it with the committed listing or rewrites it.
 *
 * <p>Run by the parent POM's {@code api-listing} execution with the module's compile class path:
 *
 * <pre>
 * java -cp CLASSPATH build-tools/ApiListing.java check|write CLASSES_DIR API_FILE
 * </pre>
 *
 * Classes are loaded without being initialised. Exit status 1 (check) names the lines that were
 * added and removed and the command that regenerates the listing.
 */
public final class ApiListing {
  private static final String REGENERATE =
      "mvn -B -q -Papi-dump process-classes -pl core,mail,transfer,terminal,testkit -am";

  public static void main(String[] args) throws Exception {
    if (args.length != 3 || !(args[0].equals("check") || args[0].equals("write"))) {
      System.err.println("usage: ApiListing check|write CLASSES_DIR API_FILE");
      System.exit(2);
    }
    Path classes = Path.of(args[1]);
    Path apiFile = Path.of(args[2]);
    if (!Files.isDirectory(classes)) {
      System.out.println("[api] no classes in " + classes + ", nothing to list");
      return;
    }
    List<String> listing = list(classes);
    if (args[0].equals("write")) {
      Files.createDirectories(apiFile.toAbsolutePath().getParent());
      Files.write(apiFile, listing, StandardCharsets.UTF_8);
      System.out.println("[api] wrote " + apiFile + " (" + listing.size() + " lines)");
      return;
    }
    if (!Files.exists(apiFile)) {
      fail(apiFile, "there is no API listing " + apiFile + " yet", List.of(), List.of());
    }
    List<String> committed = Files.readAllLines(apiFile, StandardCharsets.UTF_8);
    if (committed.equals(listing)) {
      System.out.println("[api] " + apiFile.getFileName() + " matches the compiled classes");
      return;
    }
    List<String> now = qualified(listing);
    List<String> before = qualified(committed);
    List<String> added = new ArrayList<>(now);
    added.removeAll(before);
    List<String> removed = new ArrayList<>(before);
    removed.removeAll(now);
    fail(apiFile, "the public API differs from " + apiFile, added, removed);
  }

  /** Member lines prefixed with their type's header, so equal lines of two types differ. */
  private static List<String> qualified(List<String> listing) {
    List<String> out = new ArrayList<>();
    String type = "";
    for (String line : listing) {
      if (line.startsWith(" ")) {
        out.add(type + "\n      " + line.strip());
      } else {
        type = line;
        out.add(line);
      }
    }
    return out;
  }

  private static void fail(Path apiFile, String what, List<String> added, List<String> removed) {
    StringBuilder sb = new StringBuilder();
    sb.append("\n[api] ").append(what).append('\n');
    for (String line : removed) {
      sb.append("  - ").append(line.strip()).append('\n');
    }
    for (String line : added) {
      sb.append("  + ").append(line.strip()).append('\n');
    }
    sb.append("[api] If the change is intended (and listed in CHANGELOG.md when it breaks users),")
        .append(" regenerate the listing and commit it:\n    ")
        .append(REGENERATE)
        .append('\n');
    System.err.print(sb);
    System.exit(1);
  }

  static List<String> list(Path classes) throws IOException, ClassNotFoundException {
    List<String> names;
    try (Stream<Path> files = Files.walk(classes)) {
      names =
          files
              .map(p -> classes.relativize(p).toString().replace('\\', '/'))
              .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class"))
              .filter(n -> !n.endsWith("package-info.class"))
              .filter(n -> !n.contains("/internal/"))
              .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
              .sorted()
              .collect(Collectors.toList());
    }
    // The class path already holds CLASSES_DIR; load through it so dependencies resolve.
    ClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, ApiListing.class.getClassLoader());
    TreeMap<String, List<String>> types = new TreeMap<>();
    for (String name : names) {
      Class<?> type = Class.forName(name, false, loader);
      if (!visible(type) || type.isSynthetic() || type.isAnonymousClass()) {
        continue;
      }
      types.put(type.getTypeName(), describe(type));
    }
    List<String> out = new ArrayList<>();
    types.values().forEach(out::addAll);
    return out;
  }

  private static boolean visible(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      int m = t.getModifiers();
      if (t.isLocalClass() || !(Modifier.isPublic(m) || Modifier.isProtected(m))) {
        return false;
      }
    }
    return true;
  }

  private static List<String> describe(Class<?> type) {
    List<String> lines = new ArrayList<>();
    lines.add(header(type));
    Set<String> members = new LinkedHashSet<>();
    List<String> sorted = new ArrayList<>();
    for (Field f : type.getDeclaredFields()) {
      if (shown(f)) {
        sorted.add(f.toGenericString());
      }
    }
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (shown(c) && !c.isSynthetic()) {
        sorted.add(c.toGenericString());
      }
    }
    for (Method m : type.getDeclaredMethods()) {
      if (shown(m) && !m.isSynthetic() && !m.isBridge()) {
        sorted.add(m.toGenericString());
      }
    }
    String owner = " " + type.getTypeName() + ".";
    sorted.stream().map(m -> shorten(m.replace(owner, " "))).sorted().forEach(members::add);
    members.forEach(m -> lines.add("  " + m));
    return lines;
  }

  private static boolean shown(Member member) {
    int m = member.getModifiers();
    return (Modifier.isPublic(m) || Modifier.isProtected(m)) && !member.isSynthetic();
  }

  private static String header(Class<?> type) {
    StringBuilder sb = new StringBuilder();
    int mods = type.getModifiers();
    if (type.isInterface()) {
      mods &= ~(Modifier.ABSTRACT | Modifier.INTERFACE);
    }
    if (type.isEnum() || type.isRecord()) {
      mods &= ~Modifier.FINAL;
    }
    if (type.isEnum() || type.isRecord() || type.isInterface()) {
      mods &= ~Modifier.STATIC;
    }
    String modifiers = Modifier.toString(mods);
    sb.append(modifiers);
    if (type.isSealed()) {
      sb.append(" sealed");
    }
    String kind =
        type.isAnnotation()
            ? "@interface"
            : type.isInterface()
                ? "interface"
                : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class";
    sb.append(' ').append(kind).append(' ').append(type.getTypeName());
    TypeVariable<?>[] params = type.getTypeParameters();
    if (params.length > 0) {
      sb.append(
          Arrays.stream(params).map(ApiListing::typeVariable).collect(Collectors.joining(",", "<", ">")));
    }
    Type superclass = type.getGenericSuperclass();
    if (superclass != null
        && superclass != Object.class
        && !type.isEnum()
        && !type.isRecord()) {
      sb.append(" extends ").append(superclass.getTypeName());
    }
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0 && !type.isAnnotation()) {
      sb.append(type.isInterface() ? " extends " : " implements ");
      sb.append(
          Arrays.stream(interfaces).map(Type::getTypeName).sorted().collect(Collectors.joining(", ")));
    }
    if (type.isSealed()) {
      sb.append(" permits ");
      sb.append(
          Arrays.stream(type.getPermittedSubclasses())
              .map(Class::getTypeName)
              .sorted()
              .collect(Collectors.joining(", ")));
    }
    return shorten(sb.toString().strip());
  }

  /** {@code java.lang.String} reads as {@code String}; nested types keep their {@code $}. */
  private static String shorten(String line) {
    return line.replaceAll("\\bjava\\.lang\\.([A-Z])", "$1");
  }

  private static String typeVariable(TypeVariable<?> v) {
    Type[] bounds = v.getBounds();
    if (bounds.length == 1 && bounds[0] == Object.class) {
      return v.getName();
    }
    return v.getName()
        + " extends "
        + Arrays.stream(bounds).map(Type::getTypeName).collect(Collectors.joining(" & "));
  }

  private ApiListing() {}
}
