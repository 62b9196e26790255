package io.inetkit.transfer.ftp.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.LocalPaths;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.core.internal.AtomicFiles;
import io.inetkit.transfer.ftp.FtpTransfer;
import io.inetkit.transfer.ftp.GetOptions;
import io.inetkit.transfer.ftp.PutOptions;
import io.inetkit.transfer.ftp.StreamGetOptions;
import io.inetkit.transfer.ftp.StreamPutOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * The four transfers a session offers, each a {@link TransferEngine.Plan}: a download into a file
 * (through a temp file renamed when complete), into a stream, an upload from a file (resumable) and
 * from a stream. Arguments are validated by the caller.
 */
final class Transfers {
  private final TransferEngine engine;
  private final Endpoint endpoint;

  Transfers(FtpConnection connection) {
    this.engine = new TransferEngine(connection);
    this.endpoint = connection.endpoint;
  }

  /**
   * Downloads {@code src} into {@code local} (a file or an existing folder). A size a listing
   * already gave ({@code knownSize >= 0}; -1 asks the server) saves the SIZE round trip, once per
   * file in a mirror; ASCII transfers still ask.
   */
  FtpTransfer get(String src, Path local, long knownSize, GetOptions options)
      throws InetkitException {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(options, "options");
    Path target = local.toAbsolutePath().normalize();
    if (Files.isDirectory(target)) {
      target = SafeNames.resolveInside(target, SafeNames.baseName(src), src, endpoint);
    }
    LocalPaths.downloadTarget(target, SafeNames.baseName(src), "download"); // before any command
    long size = knownSize >= 0 && !engine.converting() ? knownSize : engine.sizeOrUnknown(src);
    return engine.run(new FileDownload(src, target, size, options), true);
  }

  /** Downloads {@code src} into {@code out} (left open). */
  FtpTransfer get(String src, OutputStream out, StreamGetOptions options) throws InetkitException {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(options, "options");
    return engine.run(new StreamDownload(src, out, engine.sizeOrUnknown(src), options), true);
  }

  /** Uploads {@code local} to {@code dst}. */
  FtpTransfer put(Path local, String dst, PutOptions options) throws InetkitException {
    LocalPaths.uploadSource(Objects.requireNonNull(local, "local")); // before any command
    Objects.requireNonNull(options, "options");
    return engine.run(new FileUpload(local, dst, options), false);
  }

  /** Uploads what {@code in} yields (not closed) to {@code dst}; no automatic retry. */
  FtpTransfer put(InputStream in, String dst, StreamPutOptions options) throws InetkitException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(options, "options");
    return engine.run(new StreamUpload(in, dst, options), false);
  }

  private static String temporaryName(String remote) {
    return SafeNames.join(
        SafeNames.parent(remote), "." + SafeNames.baseName(remote) + ".inetkit-upload");
  }

  /** Into a temp file beside the target, renamed over it when complete and checked. */
  private final class FileDownload extends TransferEngine.Plan {
    private final Path target;
    private final Path part;
    private final boolean resume;

    FileDownload(String src, Path target, long size, GetOptions options) {
      super(src, "get " + src + " to " + target, options.verifyChecksum());
      this.target = target;
      this.part = target.resolveSibling("." + target.getFileName() + ".inetkit-part");
      this.resume = options.resume();
      this.total = size;
    }

    @Override
    void prepare() throws IOException {
      if (!resume
          || engine.converting()
          || (Files.exists(part) && total >= 0 && Files.size(part) > total)) {
        Files.deleteIfExists(part);
      }
      resumedFrom = Files.exists(part) ? Files.size(part) : 0;
    }

    @Override
    void attempt(int attempt, TransferMeter meter) throws IOException {
      boolean converting = engine.converting();
      long offset = Files.exists(part) && !converting ? Files.size(part) : 0;
      if (converting || total < 0 || offset < total || !Files.exists(part)) {
        try (OutputStream file =
            Files.newOutputStream(
                part,
                StandardOpenOption.CREATE,
                offset > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
          engine.retrieve(name, meter.at(offset).wrap(file), offset, total);
        }
      }
      engine.requireComplete("RETR " + name, Files.size(part), total);
    }

    @Override
    Path checksumLocal() {
      return part;
    }

    @Override
    void commit() throws IOException {
      AtomicFiles.moveIntoPlace(part, target);
    }

    @Override
    long bytes(TransferMeter meter) throws IOException {
      return Files.size(target);
    }

    @Override
    void failed(InetkitException failure) {
      if (failure instanceof ProtocolViolationException || isEmptyFile(part)) {
        // too large, or not what SIZE said: nothing worth resuming
        TransferEngine.deleteQuietly(part, failure);
      }
    }
  }

  /** Whether {@code part} exists and holds nothing: not worth keeping to resume from. */
  private static boolean isEmptyFile(Path part) {
    try {
      return Files.isRegularFile(part) && Files.size(part) == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Into the caller's stream; a drop resumes from the bytes written (not when converting). */
  private final class StreamDownload extends TransferEngine.Plan {
    private final OutputStream out;
    private OutputStream counted;

    StreamDownload(String src, OutputStream out, long size, StreamGetOptions options) {
      super(src, "RETR " + src, options.verifyChecksum());
      this.out = out;
      this.total = size;
    }

    @Override
    boolean canRetry(TransferMeter meter) {
      // converted text written to the caller's stream cannot be taken back, nor resumed by offset
      return !engine.converting() || meter.done() == 0;
    }

    @Override
    void attempt(int attempt, TransferMeter meter) throws IOException {
      if (counted == null) {
        counted = meter.wrap(out);
      }
      engine.retrieve(name, counted, meter.done(), total);
      engine.requireComplete("RETR " + name, meter.done(), total);
    }

    @Override
    long bytes(TransferMeter meter) {
      return meter.done();
    }
  }

  /** An upload, straight to the target or under a temporary name renamed over it at the end. */
  private abstract static class Upload extends TransferEngine.Plan {
    final String upload;
    private final TransferEngine engine;

    Upload(TransferEngine engine, String dst, String what, boolean atomic, boolean verify) {
      super(dst, what, verify);
      this.engine = engine;
      this.upload = atomic ? temporaryName(dst) : dst;
    }

    @Override
    String checksumRemote() {
      return upload;
    }

    @Override
    void commit() throws IOException {
      if (!upload.equals(name)) {
        engine.replace(upload, name);
      }
    }
  }

  /** From a file, optionally under a temporary name; a drop resumes from the remote size. */
  private final class FileUpload extends Upload {
    private final Path local;
    private final boolean resume;

    FileUpload(Path local, String dst, PutOptions options) {
      super(engine, dst, "put " + local + " to " + dst, options.atomic(), options.verifyChecksum());
      this.local = local;
      this.resume = options.resume();
    }

    @Override
    void prepare() throws IOException {
      total = Files.size(local);
      resumedFrom =
          resume && !engine.converting() ? Math.max(0, engine.remoteSizeOrZero(upload)) : 0;
      if (resumedFrom > total) {
        resumedFrom = 0;
      }
    }

    @Override
    void attempt(int attempt, TransferMeter meter) throws IOException {
      long offset =
          attempt == 0 || engine.converting()
              ? resumedFrom
              : Math.min(total, engine.remoteSizeOrZero(upload));
      if (offset < total || offset == 0) {
        try (FileChannel ch = FileChannel.open(local, StandardOpenOption.READ)) {
          ch.position(offset);
          InputStream in = meter.at(offset).wrap(Channels.newInputStream(ch));
          engine.store(upload, in, offset, ch.size() - offset);
        }
      }
      if (!engine.converting()) {
        long there = engine.sizeAfterUpload(upload);
        engine.requireComplete("STOR " + name, there < 0 ? total : there, total);
      }
    }

    @Override
    Path checksumLocal() {
      return local;
    }

    @Override
    long bytes(TransferMeter meter) {
      return total;
    }
  }

  /** From the caller's stream, optionally under a temporary name; never retried. */
  private final class StreamUpload extends Upload {
    private final InputStream in;

    StreamUpload(InputStream in, String dst, StreamPutOptions options) {
      super(engine, dst, "put to " + dst, options.atomic(), options.verifyChecksum());
      this.in = in;
    }

    @Override
    boolean canRetry(TransferMeter meter) {
      return false; // the stream cannot be read again
    }

    @Override
    void attempt(int attempt, TransferMeter meter) throws IOException {
      engine.store(upload, meter.wrap(in), 0, -1);
    }

    @Override
    long bytes(TransferMeter meter) {
      return meter.done();
    }
  }
}
