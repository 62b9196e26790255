package io.inetkit.testkit.ftp;

import org.apache.ftpserver.command.Command;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;

/**
 * {@code FEAT}: Apache FtpServer's list without MD5/MMD5 (announced but not implemented there),
 * plus EPSV and {@link Xsha256Command XSHA256}.
 */
final class FeatCommand implements Command {
  static final String[] FEATURES = {
    "Extensions supported",
    " SIZE",
    " MDTM",
    " REST STREAM",
    " MLST Size;Modify;Type;Perm",
    " AUTH SSL",
    " AUTH TLS",
    " PBSZ",
    " PROT",
    " UTF8",
    " TVFS",
    " EPSV",
    " MFMT",
    " XSHA256",
    "End"
  };

  private final String[] features;

  /** Announces {@link #FEATURES}, without MLST when {@code mlst} is false. */
  FeatCommand(boolean mlst) {
    this.features =
        java.util.Arrays.stream(FEATURES)
            .filter(f -> mlst || !f.startsWith(" MLST"))
            .toArray(String[]::new);
  }

  @Override
  public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request) {
    session.resetState();
    session.write(new DefaultFtpReply(211, features));
  }
}
