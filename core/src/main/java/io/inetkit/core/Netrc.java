package io.inetkit.core;

import io.inetkit.core.internal.Redaction;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entries of a {@code .netrc} file, in the format curl and ftp read: {@code machine}, {@code
 * login}, {@code password} and {@code account} tokens separated by any white space (entries may
 * span lines), one optional {@code default} entry used when no machine matches, {@code macdef}
 * blocks skipped up to the next empty line, lines starting with {@code #} ignored, and tokens in
 * double quotes with curl's escapes ({@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t}) so
 * that a password may hold spaces. Immutable.
 *
 * <p>A missing file reads as empty. On POSIX systems a file that group or others may read is still
 * used, but a warning (without any secret) is logged, as the file holds passwords.
 *
 * <pre>{@code
 * Netrc netrc = Netrc.load(Netrc.defaultFile()); // $NETRC, else ~/.netrc
 * Optional<Credentials> login = netrc.credentials("ftp.example.org");
 * Optional<Credentials> asBob = netrc.credentials("mail.example.org", "bob");
 * }</pre>
 */
public final class Netrc {
  private static final Logger LOG = LoggerFactory.getLogger(Netrc.class);

  /**
   * One entry of the file. {@link #toString()} never shows the password or account.
   *
   * @param machine the host name, or {@code null} for the {@code default} entry
   * @param login the user name, or {@code null} when not given
   * @param password the password, or {@code null} when not given
   * @param account the {@code account} (FTP {@code ACCT}) value, or {@code null}
   */
  public record Entry(String machine, String login, String password, String account) {

    /** {@return whether this is the {@code default} entry} */
    public boolean isDefault() {
      return machine == null;
    }

    /** {@return login and password as credentials when the entry has both} */
    public Optional<Credentials> credentials() {
      if (login == null || login.isEmpty() || password == null) {
        return Optional.empty();
      }
      return Optional.of(Credentials.password(login, password.toCharArray()));
    }

    /** {@return {@code Entry[machine=host, login=alice, password=***]}} */
    @Override
    public String toString() {
      return "Entry[machine="
          + (machine == null ? "default" : machine)
          + ", login="
          + login
          + (password == null ? "" : ", password=" + Redaction.MASK)
          + (account == null ? "" : ", account=" + Redaction.MASK)
          + "]";
    }
  }

  /** An empty file: every lookup finds nothing. */
  public static final Netrc EMPTY = new Netrc(List.of());

  private final List<Entry> entries;

  private Netrc(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** {@return {@code $NETRC} when set, else {@code ~/.netrc}} */
  public static Path defaultFile() {
    String env = System.getenv("NETRC");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".netrc");
  }

  /**
   * Reads a {@code .netrc} file; a missing file reads as {@link #EMPTY}.
   *
   * @param file the file, usually {@link #defaultFile()}
   * @return its entries
   * @throws IOException when the file exists but cannot be read
   */
  public static Netrc load(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return EMPTY;
    }
    if (isExposed(file)) {
      LOG.warn("{} may be read by group or others; it holds passwords: chmod 600 it", file);
    }
    return parse(decode(bytes));
  }

  /** Decodes UTF-8, or ISO-8859-1 when the file is not valid UTF-8 (an old Latin-1 file). */
  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  /** {@return whether POSIX permissions let group or others read or write {@code file}} */
  static boolean isExposed(Path file) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return false;
    }
    Set<PosixFilePermission> perms = view.readAttributes().permissions();
    return perms.contains(PosixFilePermission.GROUP_READ)
        || perms.contains(PosixFilePermission.GROUP_WRITE)
        || perms.contains(PosixFilePermission.OTHERS_READ)
        || perms.contains(PosixFilePermission.OTHERS_WRITE);
  }

  /**
   * Parses the text of a {@code .netrc} file. Unknown keywords are skipped.
   *
   * @param text the file's contents
   * @return its entries
   */
  public static Netrc parse(String text) {
    List<Entry> entries = new ArrayList<>();
    String[] current = null; // machine, login, password, account
    String pending = null; // keyword awaiting its value
    boolean inMacdef = false;
    for (String line : text.split("\r?\n", -1)) {
      if (inMacdef) {
        inMacdef = !line.isEmpty();
        continue;
      }
      if (line.strip().startsWith("#")) {
        continue;
      }
      for (String token : tokens(line)) {
        if (inMacdef) {
          break; // the macro body starts on the next line
        }
        if (pending != null) {
          if (pending.equals("machine")) {
            current = add(entries, current, new String[] {token, null, null, null});
          } else if (pending.equals("macdef")) {
            inMacdef = true;
          } else if (current != null) {
            current[List.of("login", "password", "account").indexOf(pending) + 1] = token;
          }
          pending = null;
          continue;
        }
        String keyword = token.toLowerCase(Locale.ROOT);
        switch (keyword) {
          case "default" -> current = add(entries, current, new String[4]);
          case "machine", "login", "password", "account", "macdef" -> pending = keyword;
          default -> LOG.debug(".netrc: skipping unknown token");
        }
      }
      if (inMacdef) {
        pending = null;
      }
    }
    add(entries, current, null);
    return new Netrc(entries);
  }

  /** Splits a line into white-space separated tokens; double quotes group, curl-style. */
  static List<String> tokens(String line) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      if (Character.isWhitespace(line.charAt(i))) {
        i++;
        continue;
      }
      StringBuilder token = new StringBuilder();
      if (line.charAt(i) == '"') {
        for (i++; i < line.length() && line.charAt(i) != '"'; i++) {
          char c = line.charAt(i);
          if (c == '\\' && i + 1 < line.length()) {
            char e = line.charAt(++i);
            c =
                switch (e) {
                  case 'n' -> '\n';
                  case 'r' -> '\r';
                  case 't' -> '\t';
                  default -> e;
                };
          }
          token.append(c);
        }
        i++; // the closing quote
      } else {
        while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
          token.append(line.charAt(i++));
        }
      }
      out.add(token.toString());
    }
    return out;
  }

  private static String[] add(List<Entry> entries, String[] done, String[] next) {
    if (done != null) {
      entries.add(new Entry(done[0], done[1], done[2], done[3]));
    }
    return next;
  }

  /** {@return every entry in file order, the {@code default} entry included} */
  public List<Entry> entries() {
    return entries;
  }

  /** {@return whether the file had no entry} */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * {@return the first entry for {@code host} (case-insensitive) whose login is {@code login}, or
   * with any login when {@code login} is null; else the {@code default} entry if it fits}
   *
   * @param host the server's host name
   * @param login the login wanted, or {@code null} for any
   */
  public Optional<Entry> find(String host, String login) {
    Objects.requireNonNull(host, "host");
    Entry fallback = null;
    for (Entry e : entries) {
      boolean loginFits = login == null || login.equals(e.login());
      if (e.isDefault()) {
        fallback = fallback == null && loginFits ? e : fallback;
      } else if (e.machine().equalsIgnoreCase(host) && loginFits) {
        return Optional.of(e);
      }
    }
    return Optional.ofNullable(fallback);
  }

  /**
   * {@return the credentials for {@code host} (see {@link #find}), when login and password are set}
   *
   * @param host the server's host name
   */
  public Optional<Credentials> credentials(String host) {
    return find(host, null).flatMap(Entry::credentials);
  }

  /**
   * {@return the credentials of {@code login} at {@code host}, when the entry has a password}
   *
   * @param host the server's host name
   * @param login the login name
   */
  public Optional<Credentials> credentials(String host, String login) {
    return find(host, login).flatMap(Entry::credentials);
  }

  /** {@return {@code Netrc[n entries]}; never any secret} */
  @Override
  public String toString() {
    return "Netrc[" + entries.size() + " entries]";
  }
}
