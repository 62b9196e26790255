package io.inetkit.mail.imap.internal;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;

/**
 * A body section read in partial FETCHes of the fetch size, for decoding attachments as a stream.
 */
final class BodyStream extends InputStream {
  private final ImapConnection conn;
  private final IMAPFolder folder;
  private final long uid;
  private final String section;
  private byte[] buffer = new byte[0];
  private int pos;
  private long offset;
  private boolean eof;

  BodyStream(ImapConnection conn, IMAPFolder folder, long uid, String section) {
    this.conn = conn;
    this.folder = folder;
    this.uid = uid;
    this.section = section;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (pos == buffer.length) {
      if (eof) {
        return -1;
      }
      fill();
      if (buffer.length == 0) {
        return -1;
      }
    }
    int n = Math.min(len, buffer.length - pos);
    System.arraycopy(buffer, pos, b, off, n);
    pos += n;
    return n;
  }

  private void fill() throws IOException {
    try {
      int chunk = conn.client().fetchSize();
      ByteArray data = null;
      String cmd =
          "UID FETCH " + uid + " (UID BODY.PEEK[" + section + "]<" + offset + "." + chunk + ">)";
      for (Response r : conn.uidCommand(folder, cmd, null)) {
        if (r instanceof FetchResponse fr && ImapConnection.matches(fr, uid)) {
          BODY body = fr.getItem(BODY.class);
          if (body != null) {
            data = body.getByteArray();
          }
        }
      }
      buffer = data == null ? new byte[0] : data.getNewBytes();
      pos = 0;
      offset += buffer.length;
      eof = data == null || buffer.length < chunk;
    } catch (MessagingException e) {
      throw conn.failure(e, "UID FETCH " + uid + " BODY[" + section + "]");
    }
  }
}
