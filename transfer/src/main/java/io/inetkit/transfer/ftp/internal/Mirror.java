package io.inetkit.transfer.ftp.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.InetkitException;
import io.inetkit.core.LimitExceededException;
import io.inetkit.core.ProtocolReplyException;
import io.inetkit.transfer.ftp.FtpEntry;
import io.inetkit.transfer.ftp.FtpFeatures;
import io.inetkit.transfer.ftp.FtpTransfer;
import io.inetkit.transfer.ftp.GetOptions;
import io.inetkit.transfer.ftp.MirrorMode;
import io.inetkit.transfer.ftp.MirrorOptions;
import io.inetkit.transfer.ftp.MirrorResult;
import io.inetkit.transfer.ftp.PutOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Recursive mirror down and up. The session's connection walks the tree (listing, folder creation,
 * the up-to-date checks) and hands each file to a {@link MirrorWorkers} pool that moves it over one
 * of up to {@code parallelism} connections: per file only what a single transfer needs (EPSV and
 * RETR down, the size known from the listing). Names from the server are checked with {@link
 * SafeNames} before they become local paths; a mirror down goes at most {@code maxDepth} folders
 * deep and visits at most {@code maxEntries} entries, so a server that shows an endless tree ends
 * it with a {@link LimitExceededException}.
 */
final class Mirror {
  private final MirrorWorkers.Side main;
  private final FolderListing listing;
  private final Endpoint endpoint;
  private final Duration timeout;
  private final int maxDepth;
  private final long maxEntries;
  private final MirrorOptions options;
  private final MirrorWorkers workers;
  private final List<String> skipped = new ArrayList<>();
  private long entries;
  private String root = "";

  Mirror(
      MirrorWorkers.Side main,
      FolderListing listing,
      FtpConnector connector,
      FtpFeatures features,
      MirrorOptions options) {
    this.main = main;
    this.listing = listing;
    this.endpoint = connector.endpoint;
    this.timeout = connector.config.timeouts().read();
    this.maxDepth = connector.config.maxMirrorDepth();
    this.maxEntries = connector.config.maxMirrorEntries();
    this.options = options;
    this.workers = new MirrorWorkers(main, connector, features, options.parallelism());
  }

  MirrorResult down(String remoteDir, Path localDir) throws InetkitException {
    root = remoteDir;
    return workers.run(
        () -> {
          try {
            Path base = localDir.toAbsolutePath().normalize();
            Files.createDirectories(base);
            down(remoteDir, base, "", 0);
          } catch (IOException e) {
            throw FtpFailures.translate(
                e, "mirror " + remoteDir + " to " + localDir, endpoint, timeout);
          }
        },
        skipped);
  }

  private void down(String remoteDir, Path localDir, String relative, int depth)
      throws IOException {
    if (depth > maxDepth) {
      throw limit("more than " + maxDepth + " folders deep (maxMirrorDepth)", remoteDir, maxDepth);
    }
    for (FtpEntry e : listing.list(remoteDir)) {
      if (++entries > maxEntries) {
        throw limit(
            "more than " + maxEntries + " entries (maxMirrorEntries)", remoteDir, maxEntries);
      }
      Path target = SafeNames.resolveInside(localDir, e.name(), remoteDir, endpoint);
      String remote = SafeNames.join(remoteDir, e.name());
      String rel = relative.isEmpty() ? e.name() : relative + "/" + e.name();
      if (e.isDirectory()) {
        if (Files.isSymbolicLink(target)) {
          throw new io.inetkit.core.ProtocolViolationException(
              "refusing to mirror into a symbolic link: " + target, endpoint, null);
        }
        Files.createDirectories(target);
        down(remote, target, rel, depth + 1);
      } else if (e.isFile()) {
        if (options.mode() == MirrorMode.ONLY_NEWER && upToDate(e, target)) {
          skipped.add(rel);
          continue;
        }
        workers.submit(
            rel,
            side -> {
              // The listing gave the size: no SIZE round trip per file.
              FtpTransfer t = side.transfers().get(remote, target, e.size(), GetOptions.DEFAULT);
              if (e.modified() != null) {
                Files.setLastModifiedTime(target, FileTime.from(e.modified()));
              }
              return t.bytes();
            });
      }
    }
  }

  private LimitExceededException limit(String what, String at, long limit) {
    return new LimitExceededException(
        "mirror of "
            + SafeNames.abbreviate(root)
            + " stopped at "
            + SafeNames.abbreviate(at)
            + ": "
            + what,
        endpoint,
        limit);
  }

  private static boolean upToDate(FtpEntry remote, Path local) throws IOException {
    if (!Files.isRegularFile(local, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    boolean sameSize = remote.size() < 0 || remote.size() == Files.size(local);
    Instant localTime = Files.getLastModifiedTime(local).toInstant();
    boolean notOlder =
        remote.modified() == null || !localTime.isBefore(remote.modified().minusSeconds(1));
    return sameSize && notOlder;
  }

  /**
   * The server's modification time of {@code remote}, exact enough to compare with {@code
   * localTime}: a LIST time (the server has no MLST) has minute precision, so when it falls in the
   * minute before {@code localTime}, MDTM (when offered) is asked for the exact time.
   */
  private Instant remoteTime(String remote, Instant listed, Instant localTime)
      throws InetkitException {
    FtpFeatures features = main.connection().features;
    boolean imprecise = !features.has("MLST");
    boolean undecided =
        listed.isBefore(localTime.minusSeconds(1)) && !listed.isBefore(localTime.minusSeconds(60));
    if (imprecise && undecided && features.has("MDTM")) {
      try {
        return main.commands().modificationTime(remote);
      } catch (ProtocolReplyException noMdtm) {
        return listed;
      }
    }
    return listed;
  }

  MirrorResult up(Path localDir, String remoteDir) throws InetkitException {
    Path base = localDir.toAbsolutePath().normalize();
    if (!Files.isDirectory(base)) {
      throw new io.inetkit.core.InvalidInputException("localDir", "not a folder: " + localDir);
    }
    return workers.run(
        () -> {
          try {
            up(base, remoteDir, "");
          } catch (IOException e) {
            throw FtpFailures.translate(
                e, "mirror " + localDir + " to " + remoteDir, endpoint, timeout);
          }
        },
        skipped);
  }

  private void up(Path localDir, String remoteDir, String relative) throws IOException {
    main.commands().mkdirs(remoteDir);
    Map<String, FtpEntry> there = new HashMap<>();
    for (FtpEntry e : listing.list(remoteDir)) {
      there.put(e.name(), e);
    }
    List<Path> children;
    try (Stream<Path> s = Files.list(localDir)) {
      children = s.sorted().toList();
    }
    for (Path child : children) {
      String name = child.getFileName().toString();
      String remote = SafeNames.join(remoteDir, name);
      String rel = relative.isEmpty() ? name : relative + "/" + name;
      if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        up(child, remote, rel);
      } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
        FtpEntry existing = there.get(name);
        Instant localTime = Files.getLastModifiedTime(child).toInstant();
        if (options.mode() == MirrorMode.ONLY_NEWER
            && existing != null
            && existing.isFile()
            && existing.size() == Files.size(child)
            && existing.modified() != null
            && !remoteTime(remote, existing.modified(), localTime)
                .isBefore(localTime.minusSeconds(1))) {
          skipped.add(rel);
          continue;
        }
        workers.submit(
            rel,
            side -> {
              FtpTransfer t = side.transfers().put(child, remote, PutOptions.DEFAULT);
              try {
                side.commands().setModificationTime(remote, localTime);
              } catch (ProtocolReplyException noMfmt) {
                // the server cannot keep times: ONLY_NEWER then compares by its own upload time
              }
              return t.bytes();
            });
      }
    }
  }
}
