package io.inetkit.mail.internal;

import io.inetkit.core.InetkitException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The file operations of a Maildir (tmp/new/cur): unique names, writing into {@code tmp}, fsync,
 * and the atomic rename into {@code new}. Every step that makes a message durable forces both the
 * file and its directory to disk. Not part of the public API.
 */
public final class MaildirFiles {
  private MaildirFiles() {}

  /** Buffer size for writing message files. */
  public static final int BUFFER = 256 * 1024;

  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String HOST = safeHostName();
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  /**
   * Creates {@code root/tmp}, {@code root/new} and {@code root/cur} if missing; folders it creates
   * are private to the user (0700 where the file system has POSIX permissions), as Dovecot's own.
   * Existing folders keep their permissions.
   */
  public static void create(Path root) throws InetkitException {
    try {
      for (String sub : new String[] {"tmp", "new", "cur"}) {
        createPrivateDirectories(root.resolve(sub));
      }
    } catch (IOException e) {
      throw new InetkitException("cannot create Maildir " + root + ": " + e, null, e);
    }
  }

  /** Creates {@code dir} and missing parents, each new one readable only by the user (0700). */
  public static void createPrivateDirectories(Path dir) throws IOException {
    if (POSIX) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
  }

  /**
   * The attributes of a new file readable and writable only by the user (0600), where supported.
   */
  public static FileAttribute<?>[] privateFile() {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        }
        : new FileAttribute<?>[0];
  }

  /**
   * Returns a new unique base name, {@code <seconds>.M<micros>P<pid>Q<seq>R<random>.<host>}, as the
   * Maildir specification recommends; it contains neither {@code /} nor {@code :}.
   */
  public static String uniqueName() {
    long micros = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
    return (micros / 1_000_000)
        + ".M"
        + (micros % 1_000_000)
        + "P"
        + ProcessHandle.current().pid()
        + "Q"
        + SEQUENCE.incrementAndGet()
        + "R"
        + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE)
        + "."
        + HOST;
  }

  /** A message being written into {@code tmp}; {@link #finishWrite()} makes the bytes durable. */
  public static final class TmpFile implements AutoCloseable {
    private final Path root;
    private final String name;
    private final FileChannel channel;
    private final OutputStream out;
    private boolean written;

    private TmpFile(Path root, String name) throws IOException {
      this.root = root;
      this.name = name;
      this.channel =
          FileChannel.open(
              root.resolve("tmp").resolve(name),
              Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              privateFile()); // 0600: mail is private, as Dovecot and mail read -o keep it
      this.out = new java.io.BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
    }

    /** Returns the unique base name. */
    public String name() {
      return name;
    }

    /** Returns the stream to write the message to (do not close it; call finishWrite). */
    public OutputStream stream() {
      return out;
    }

    /** Flushes, fsyncs and closes the file: after this its bytes survive a crash. */
    public void finishWrite() throws IOException {
      out.flush();
      channel.force(true);
      channel.close();
      written = true;
    }

    /**
     * Flushes and closes the file without fsync: the caller makes its bytes durable later (see
     * {@link MaildirFiles#forceAll}), before anything records it as stored.
     */
    public void finishWriteUnsynced() throws IOException {
      out.flush();
      channel.close();
      written = true;
    }

    /** Moves the finished file into {@code new} and fsyncs the directory; returns its path. */
    public Path moveToNew() throws IOException {
      if (!written) {
        throw new IllegalStateException("finishWrite() first");
      }
      return MaildirFiles.moveToNew(root, name);
    }

    /** Deletes the file if it was not finished (a failed download). */
    @Override
    public void close() {
      if (!written) {
        try {
          channel.close();
          Files.deleteIfExists(root.resolve("tmp").resolve(name));
        } catch (IOException ignored) {
          // a leftover in tmp/ is harmless: Maildir readers never look there
        }
      }
    }
  }

  /** Opens a new uniquely named file in {@code root/tmp}. */
  public static TmpFile createTmp(Path root) throws IOException {
    return new TmpFile(root, uniqueName());
  }

  /**
   * Renames {@code tmp/name} to {@code new/name} atomically and fsyncs {@code new}. Idempotent:
   * when the file is already in {@code new}, returns its path.
   */
  public static Path moveToNew(Path root, String name) throws IOException {
    Path source = root.resolve("tmp").resolve(name);
    Path target = root.resolve("new").resolve(name);
    if (Files.exists(source)) {
      try {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the file system cannot rename atomically inside " + root, e);
      }
      syncDirectory(root.resolve("new"));
      syncDirectory(root.resolve("tmp"));
    }
    return target;
  }

  private static final java.util.concurrent.ExecutorService FSYNC =
      java.util.concurrent.Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "inetkit-fsync");
            t.setDaemon(true);
            return t;
          });

  /** The most fsyncs {@link #forceAll} runs at once. */
  static final int PARALLEL_FSYNCS = 16;

  /**
   * Forces the bytes of every file in {@code files} to disk and returns once all are durable. The
   * fsyncs run concurrently (up to {@link #PARALLEL_FSYNCS}), which lets a journaling file system
   * commit them together (ext4 and XFS group concurrent fsyncs into one journal commit): each file
   * is exactly as durable as with one fsync after the other, in a fraction of the time.
   */
  public static void forceAll(java.util.List<Path> files) throws IOException {
    if (files.isEmpty()) {
      return;
    }
    int lanes = Math.min(PARALLEL_FSYNCS, files.size());
    java.util.List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    for (int lane = 0; lane < lanes; lane++) {
      running.add(
          FSYNC.submit(
              () -> {
                int i;
                while ((i = next.getAndIncrement()) < files.size()) {
                  try (FileChannel ch = FileChannel.open(files.get(i), StandardOpenOption.WRITE)) {
                    ch.force(true);
                  }
                }
                return null;
              }));
    }
    IOException failure = null;
    for (java.util.concurrent.Future<?> f : running) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        if (failure == null) {
          failure =
              e.getCause() instanceof IOException io
                  ? io
                  : new IOException("fsync failed: " + e.getCause(), e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while forcing files to disk");
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Forces a directory's entries to disk (where the platform allows it). */
  public static void syncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win")) {
        if (e instanceof IOException io) {
          throw io;
        }
      }
      // Windows cannot open a directory as a channel; its renames are durable on NTFS anyway.
    }
  }

  /** Returns this host's name as it appears at the end of {@link #uniqueName()}. */
  static String hostName() {
    return HOST;
  }

  private static String safeHostName() {
    // From the environment, not InetAddress.getLocalHost(): that may query DNS.
    String host = System.getenv("HOSTNAME");
    if (host == null) {
      host = System.getenv("COMPUTERNAME");
    }
    if (host == null) {
      host = "localhost";
    }
    StringBuilder sb = new StringBuilder();
    for (char c : host.toCharArray()) {
      sb.append(Character.isLetterOrDigit(c) || c == '-' || c == '.' ? c : '_');
    }
    return sb.isEmpty() ? "localhost" : sb.toString();
  }
}
