package io.inetkit.transfer.ftp.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.ProtocolViolationException;
import io.inetkit.transfer.ftp.FtpFeatures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server-side checksums: picks the best command the server offers (HASH with SHA-256, SHA-1 or MD5;
 * XSHA256; XSHA1; XMD5) and compares its answer with a local digest.
 */
final class Checksums {
  private Checksums() {}

  /** A way to ask the server for a digest: the command, the JDK algorithm, the OPTS to send. */
  record Method(String command, String algorithm, String opts) {
    int hexLength() {
      return switch (algorithm) {
        case "SHA-256" -> 64;
        case "SHA-1" -> 40;
        default -> 32;
      };
    }

    MessageDigest newDigest() {
      try {
        return MessageDigest.getInstance(algorithm);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Returns the best method the server offers, or null when none. */
  static Method choose(FtpFeatures features) {
    String hash = features.parameters("HASH").orElse(null);
    if (hash != null) {
      String upper = hash.toUpperCase(Locale.ROOT);
      for (String alg : new String[] {"SHA-256", "SHA-1", "MD5"}) {
        if (upper.contains(alg)) {
          return new Method("HASH", alg, "HASH " + alg);
        }
      }
    }
    if (features.has("XSHA256")) {
      return new Method("XSHA256", "SHA-256", null);
    }
    if (features.has("XSHA1")) {
      return new Method("XSHA1", "SHA-1", null);
    }
    if (features.has("XMD5")) {
      return new Method("XMD5", "MD5", null);
    }
    return null;
  }

  /**
   * Returns the hex digest in a checksum reply's text.
   *
   * @throws ProtocolViolationException when none of the expected length is present
   */
  static String parseReply(Method method, String replyText, Endpoint endpoint)
      throws ProtocolViolationException {
    Matcher m =
        Pattern.compile("(?<![0-9A-Fa-f])[0-9A-Fa-f]{" + method.hexLength() + "}(?![0-9A-Fa-f])")
            .matcher(replyText);
    if (!m.find()) {
      throw new ProtocolViolationException(
          method.command()
              + ": no "
              + method.algorithm()
              + " digest in the reply "
              + io.inetkit.core.internal.Inputs.quote(replyText),
          endpoint,
          null);
    }
    return m.group().toLowerCase(Locale.ROOT);
  }

  /** Returns the hex digest of a local file. */
  static String digest(Method method, Path file) throws IOException {
    MessageDigest md = method.newDigest();
    byte[] buf = new byte[256 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
