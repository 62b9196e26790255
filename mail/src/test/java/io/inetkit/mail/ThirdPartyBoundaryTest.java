package io.inetkit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Mail and Angus Mail stay behind the internal packages: no public type of {@code
 * io.inetkit.mail}, {@code .smtp}, {@code .imap} or {@code .pop3} imports or names them, nor shows
 * them in a public or protected signature. {@link JakartaMailInterop} is the one documented escape
 * hatch.
 */
class ThirdPartyBoundaryTest {
  private static final List<String> API_PACKAGES =
      List.of(
          "io.inetkit.mail",
          "io.inetkit.mail.smtp",
          "io.inetkit.mail.imap",
          "io.inetkit.mail.pop3");
  private static final Pattern THIRD_PARTY =
      Pattern.compile("\\b(jakarta\\.(mail|activation)|org\\.eclipse\\.angus|com\\.sun\\.mail)\\.");
  private static final String ESCAPE_HATCH = JakartaMailInterop.class.getName();

  @Test
  void publicSourcesNeitherImportNorNameJakartaOrAngus() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path file : apiSources()) {
      if (file.getFileName().toString().equals("JakartaMailInterop.java")) {
        continue;
      }
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = THIRD_PARTY.matcher(lines.get(i));
        if (m.find()) {
          found.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    assertThat(found).as("Jakarta/Angus names in the public packages' sources").isEmpty();
  }

  @Test
  void publicSignaturesShowNoJakartaOrAngusType() throws Exception {
    List<String> found = new ArrayList<>();
    int checked = 0;
    for (Class<?> type : apiTypes()) {
      if (!type.getName().equals(ESCAPE_HATCH)) {
        found.addAll(thirdPartyInSignatures(type));
        checked++;
      }
    }
    assertThat(checked).as("public types checked").isGreaterThan(30);
    assertThat(found).as("Jakarta/Angus types in public signatures").isEmpty();
  }

  @Test
  void theEscapeHatchIsWhatTheCheckWouldCatch() {
    // toMimeMessage returns a MimeMessage: proof that the signature check sees such a type
    assertThat(thirdPartyInSignatures(JakartaMailInterop.class))
        .anySatisfy(s -> assertThat(s).contains("jakarta.mail.internet.MimeMessage"));
  }

  /** The .java files directly in the four API packages (not their internal subpackages). */
  private static List<Path> apiSources() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String pkg : API_PACKAGES) {
      Path dir = Path.of("src/main/java", pkg.replace('.', '/'));
      try (Stream<Path> list = Files.list(dir)) {
        list.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
      }
    }
    assertThat(files).as("sources of " + API_PACKAGES).hasSizeGreaterThan(30);
    return files;
  }

  /** The public types of the four API packages, nested public types included. */
  private static List<Class<?>> apiTypes() throws Exception {
    List<Class<?>> types = new ArrayList<>();
    for (Path file : apiSources()) {
      String simple = file.getFileName().toString().replace(".java", "");
      if (simple.equals("package-info")) {
        continue;
      }
      String pkg = file.getParent().toString().replace('\\', '/');
      pkg = pkg.substring(pkg.indexOf("io/inetkit/")).replace('/', '.');
      addPublic(Class.forName(pkg + "." + simple), types);
    }
    return types;
  }

  private static void addPublic(Class<?> type, List<Class<?>> into) {
    if (!Modifier.isPublic(type.getModifiers())) {
      return;
    }
    into.add(type);
    for (Class<?> nested : type.getDeclaredClasses()) {
      addPublic(nested, into);
    }
  }

  /** Each place where {@code type}'s public or protected API names a Jakarta/Angus type. */
  private static List<String> thirdPartyInSignatures(Class<?> type) {
    List<String> found = new ArrayList<>();
    check(type.getName() + " extends", type.getGenericSuperclass(), found);
    for (Type i : type.getGenericInterfaces()) {
      check(type.getName() + " implements", i, found);
    }
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (visible(c)) {
        checkAll(c.toGenericString(), c.getGenericParameterTypes(), found);
        checkAll(c.toGenericString(), c.getGenericExceptionTypes(), found);
      }
    }
    for (Method m : type.getDeclaredMethods()) {
      if (visible(m) && !m.isSynthetic()) {
        check(m.toGenericString(), m.getGenericReturnType(), found);
        checkAll(m.toGenericString(), m.getGenericParameterTypes(), found);
        checkAll(m.toGenericString(), m.getGenericExceptionTypes(), found);
      }
    }
    for (Field f : type.getDeclaredFields()) {
      if (visible(f)) {
        check(f.toGenericString(), f.getGenericType(), found);
      }
    }
    return found;
  }

  private static boolean visible(Member m) {
    return Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers());
  }

  private static void checkAll(String where, Type[] types, List<String> found) {
    for (Type t : types) {
      check(where, t, found);
    }
  }

  private static void check(String where, Type t, List<String> found) {
    if (t == null) {
      return;
    }
    if (t instanceof Class<?> c) {
      while (c.isArray()) {
        c = c.getComponentType();
      }
      if (THIRD_PARTY.matcher(c.getName() + ".").lookingAt()) {
        found.add(where + " -> " + c.getName());
      }
    } else if (t instanceof ParameterizedType p) {
      check(where, p.getRawType(), found);
      checkAll(where, p.getActualTypeArguments(), found);
    } else if (t instanceof WildcardType w) {
      checkAll(where, w.getUpperBounds(), found);
      checkAll(where, w.getLowerBounds(), found);
    } else if (t instanceof GenericArrayType g) {
      check(where, g.getGenericComponentType(), found);
    } else if (t instanceof TypeVariable<?> v) {
      for (Type bound : v.getBounds()) { // raw bounds only: T extends Comparable<T> recurses
        check(where, bound instanceof ParameterizedType p ? p.getRawType() : bound, found);
      }
    }
  }
}
