package io.inetkit.testkit.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.ftpserver.command.Command;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpFile;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;

/**
 * {@code XSHA256 path}: replies {@code 213 <hex SHA-256>} (as many servers do), for checksum tests.
 */
final class Xsha256Command implements Command {
  @Override
  public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request)
      throws IOException, FtpException {
    session.resetState();
    String arg = request.getArgument();
    FtpFile file = arg == null ? null : session.getFileSystemView().getFile(arg);
    if (file == null || !file.doesExist() || !file.isFile()) {
      session.write(new DefaultFtpReply(550, "No such file: " + arg));
      return;
    }
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = file.createInputStream(0)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    session.write(new DefaultFtpReply(213, HexFormat.of().formatHex(md.digest())));
  }
}
