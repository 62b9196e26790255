package io.inetkit.mail.imap.internal;

import io.inetkit.core.InetkitException;
import io.inetkit.core.InvalidInputException;
import io.inetkit.mail.Flag;
import io.inetkit.mail.JakartaMailInterop;
import io.inetkit.mail.MailMessage;
import io.inetkit.mail.imap.MessageRef;
import io.inetkit.mail.internal.SafeFiles;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.eclipse.angus.mail.iap.Literal;
import org.eclipse.angus.mail.imap.AppendUID;

/** APPEND: a message streamed to the server as one literal, its size counted first. */
public final class ImapAppender {
  private final ImapConnection conn;

  /** APPEND on {@code conn}. */
  public ImapAppender(ImapConnection conn) {
    this.conn = conn;
  }

  /** Appends the RFC 5322 file {@code eml}, streamed from disk. */
  public Optional<MessageRef> append(String folder, Path eml, Set<Flag> flags, Instant date)
      throws InetkitException {
    return append(
        folder,
        flags,
        date,
        "APPEND " + eml.getFileName(),
        () -> Files.size(eml),
        out -> {
          try (InputStream in = Files.newInputStream(eml)) {
            in.transferTo(out);
          }
        });
  }

  /** Appends {@code message} as SMTP would send it (Bcc left out, attachments streamed). */
  public Optional<MessageRef> append(
      String folder, MailMessage message, Set<Flag> flags, Instant date) throws InetkitException {
    // Composed once, so both passes (size, then data) write the same MIME boundaries.
    MimeMessage mime = JakartaMailInterop.toMimeMessage(message);
    SafeFiles.Body body =
        out -> {
          try {
            mime.writeTo(out);
          } catch (MessagingException e) {
            throw new IOException("cannot write the message: " + e.getMessage(), e);
          }
        };
    return append(folder, flags, date, "APPEND message", () -> countBytes(body), body);
  }

  private static long countBytes(SafeFiles.Body body) throws IOException {
    long[] n = new long[1];
    body.writeTo(
        new OutputStream() {
          @Override
          public void write(int b) {
            n[0]++;
          }

          @Override
          public void write(byte[] b, int off, int len) {
            n[0] += len;
          }
        });
    return n[0];
  }

  @FunctionalInterface
  private interface Size {
    long get() throws IOException;
  }

  private Optional<MessageRef> append(
      String name, Set<Flag> flags, Instant date, String what, Size size, SafeFiles.Body body)
      throws InetkitException {
    return conn.call(
        what + " to " + name,
        () -> {
          long bytes = size.get();
          if (bytes > Integer.MAX_VALUE) {
            throw new InvalidInputException("message", "larger than 2 GiB: " + bytes);
          }
          Flags angusFlags = new Flags();
          flags.forEach(x -> angusFlags.add(AngusFlags.of(x)));
          Literal literal =
              new Literal() {
                @Override
                public int size() {
                  return (int) bytes;
                }

                @Override
                public void writeTo(OutputStream os) throws IOException {
                  body.writeTo(os);
                }
              };
          Date internalDate = date == null ? null : Date.from(date);
          AppendUID uid =
              (AppendUID)
                  conn.storeCommand(p -> p.appenduid(name, angusFlags, internalDate, literal));
          return uid == null
              ? Optional.empty()
              : Optional.of(new MessageRef(name, uid.uidvalidity, uid.uid));
        });
  }
}
