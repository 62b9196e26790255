package io.inetkit.transfer.ftp.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.InetkitTimeoutException;
import io.inetkit.core.Reply;
import io.inetkit.core.internal.Deadline;
import io.inetkit.core.internal.Inputs;
import io.inetkit.transfer.ftp.FtpClient;
import io.inetkit.transfer.ftp.FtpEntry;
import io.inetkit.transfer.ftp.FtpFeatures;
import io.inetkit.transfer.ftp.FtpSession;
import io.inetkit.transfer.ftp.FtpTransfer;
import io.inetkit.transfer.ftp.GetOptions;
import io.inetkit.transfer.ftp.MirrorOptions;
import io.inetkit.transfer.ftp.MirrorResult;
import io.inetkit.transfer.ftp.PutOptions;
import io.inetkit.transfer.ftp.StreamGetOptions;
import io.inetkit.transfer.ftp.StreamPutOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLSocket;

/**
 * The {@link FtpSession} on Commons Net: validates arguments, runs each call as one operation under
 * the overall deadline, and hands the work to the internals on its {@link FtpConnection}: {@link
 * Transfers} (through the {@link TransferEngine}), {@link FolderListing}, {@link FtpCommands} and
 * {@link Mirror}. Failures are translated by {@link FtpFailures} inside those; here they are only
 * explained by the deadline when it passed.
 */
public final class CommonsNetFtpSession implements FtpSession {
  private final FtpClient config;
  private final Endpoint endpoint;

  /** The overall time limit of the operation in progress (open, list, get, a whole mirror, …). */
  private final Deadline deadline;

  private final FtpConnector connector;
  private int
      depth; // nested operations (a rename's listing) run under the outermost one's deadline

  private FtpConnection connection;
  private MirrorWorkers.Side side;
  private FolderListing listing;
  private boolean closed;

  private CommonsNetFtpSession(FtpClient config) {
    this.config = config;
    this.endpoint = config.endpoint();
    this.deadline = new Deadline(endpoint);
    this.connector = new FtpConnector(config, deadline);
  }

  /** Connects, secures, logs in and reads FEAT, all within the overall time limit. */
  public static CommonsNetFtpSession open(FtpClient config) throws InetkitException {
    CommonsNetFtpSession session = new CommonsNetFtpSession(config);
    try (Operation op = session.operation("connect")) {
      session.connection = FtpConnection.open(session.connector);
    } catch (InetkitException e) {
      session.deadline.close();
      throw session.explained(e);
    }
    session.listing = new FolderListing(session.connection);
    session.side =
        new MirrorWorkers.Side(
            session.connection,
            new Transfers(session.connection),
            new FtpCommands(session.connection, session.listing));
    return session;
  }

  /**
   * Connects, secures (per the client's TLS mode), asks FEAT without logging in and closes; see
   * {@link FtpClient#features()}.
   */
  public static FtpFeatures features(FtpClient config) throws InetkitException {
    CommonsNetFtpSession session = new CommonsNetFtpSession(config);
    try (Operation op = session.operation("FEAT")) {
      return session.connector.featuresWithoutLogin();
    } catch (InetkitException e) {
      throw session.explained(e);
    } finally {
      session.deadline.close();
    }
  }

  /**
   * Starts an operation under the overall deadline, unless one is running already (then this is
   * part of it). Close it when the operation ends.
   */
  private Operation operation(String what) {
    if (closed) {
      throw new IllegalStateException("the FTP session with " + endpoint + " is closed");
    }
    boolean outermost = depth++ == 0;
    if (outermost) {
      deadline.start(config.timeouts().overall(), what);
    }
    return new Operation(outermost);
  }

  /** One running operation; closing the outermost ends the deadline. */
  private final class Operation implements AutoCloseable {
    private final boolean outermost;

    private Operation(boolean outermost) {
      this.outermost = outermost;
    }

    @Override
    public void close() {
      depth--;
      if (outermost) {
        deadline.clear();
      }
    }
  }

  /** One step of the session's API, run by {@link #run}. */
  @FunctionalInterface
  private interface Step<T> {
    T run() throws InetkitException;
  }

  /** Runs {@code step} as one operation named {@code what}; failures explained by the deadline. */
  private <T> T run(String what, Step<T> step) throws InetkitException {
    try (Operation op = operation(what)) {
      return step.run();
    } catch (InetkitException e) {
      throw explained(e);
    }
  }

  /**
   * Returns the overall timeout when the deadline's watchdog had closed the connection (so {@code
   * e} was its consequence), else {@code e}.
   */
  private InetkitException explained(InetkitException e) {
    if (deadline.expired() && !(e instanceof InetkitTimeoutException)) {
      return deadline.timeout(e);
    }
    return e;
  }

  private static String path(String name, String value) {
    Inputs.requireNonEmpty(name, value);
    return Inputs.requireMaxLength(name, value, 4096);
  }

  @Override
  public Endpoint endpoint() {
    return endpoint;
  }

  @Override
  public FtpFeatures features() {
    return connection.features;
  }

  @Override
  public List<FtpEntry> list(String path) throws InetkitException {
    return run("list " + path, () -> listing.list(path("path", path)));
  }

  @Override
  public FtpTransfer get(String remote, Path local, GetOptions options) throws InetkitException {
    return run(
        "get " + remote, () -> side.transfers().get(path("remote", remote), local, -1, options));
  }

  @Override
  public FtpTransfer get(String remote, OutputStream out, StreamGetOptions options)
      throws InetkitException {
    return run("get " + remote, () -> side.transfers().get(path("remote", remote), out, options));
  }

  @Override
  public FtpTransfer put(Path local, String remote, PutOptions options) throws InetkitException {
    return run("put " + remote, () -> side.transfers().put(local, path("remote", remote), options));
  }

  @Override
  public FtpTransfer put(InputStream in, String remote, StreamPutOptions options)
      throws InetkitException {
    return run("put " + remote, () -> side.transfers().put(in, path("remote", remote), options));
  }

  @Override
  public MirrorResult mirrorDown(String remoteDir, Path localDir, MirrorOptions options)
      throws InetkitException {
    return run(
        "mirror " + remoteDir,
        () -> mirror(options).down(path("remoteDir", remoteDir), requireLocal(localDir)));
  }

  @Override
  public MirrorResult mirrorUp(Path localDir, String remoteDir, MirrorOptions options)
      throws InetkitException {
    return run(
        "mirror to " + remoteDir,
        () -> mirror(options).up(requireLocal(localDir), path("remoteDir", remoteDir)));
  }

  private Mirror mirror(MirrorOptions options) {
    Objects.requireNonNull(options, "options");
    return new Mirror(side, listing, connector, connection.features, options);
  }

  private static Path requireLocal(Path localDir) {
    return Objects.requireNonNull(localDir, "localDir");
  }

  @Override
  public void mkdirs(String path) throws InetkitException {
    run("mkdirs " + path, () -> nothing(() -> side.commands().mkdirs(path("path", path))));
  }

  @Override
  public void delete(String path) throws InetkitException {
    run("delete " + path, () -> nothing(() -> side.commands().delete(path("path", path))));
  }

  @Override
  public void deleteRecursively(String path) throws InetkitException {
    run(
        "delete " + path,
        () -> nothing(() -> side.commands().deleteTree(path("path", path), path, 0)));
  }

  @Override
  public void rename(String from, String to) throws InetkitException {
    run(
        "rename " + from,
        () -> nothing(() -> side.commands().rename(path("from", from), path("to", to))));
  }

  @Override
  public long size(String path) throws InetkitException {
    return run("size of " + path, () -> side.commands().size(path("path", path)));
  }

  @Override
  public Instant modificationTime(String path) throws InetkitException {
    return run(
        "modification time of " + path, () -> side.commands().modificationTime(path("path", path)));
  }

  @Override
  public void setModificationTime(String path, Instant time) throws InetkitException {
    run(
        "set modification time of " + path,
        () ->
            nothing(
                () ->
                    side.commands()
                        .setModificationTime(
                            path("path", path), Objects.requireNonNull(time, "time"))));
  }

  @Override
  public Reply command(String commandLine) throws InetkitException {
    return run(
        "command",
        () ->
            side.commands()
                .command(
                    Inputs.requireMaxLength(
                        "commandLine", Inputs.requireNonEmpty("commandLine", commandLine), 1024)));
  }

  @FunctionalInterface
  private interface VoidStep {
    void run() throws InetkitException;
  }

  private static Void nothing(VoidStep step) throws InetkitException {
    step.run();
    return null;
  }

  /** The TLS socket of the session's last data connection, or null: the seam for tests. */
  static SSLSocket lastDataSocket(FtpSession session) {
    return ((CommonsNetFtpSession) session).connection.ftp.lastDataSocket();
  }

  /** The session's control socket: the seam for tests of TLS session reuse. */
  static Socket controlSocket(FtpSession session) {
    return ((CommonsNetFtpSession) session).connection.ftp.controlSocket();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      connection.close();
    } finally {
      deadline.close();
      config.eventListener().closed(endpoint);
    }
  }
}
