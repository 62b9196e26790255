import io.inetkit.benchmarks.workloads.BenchMaildir;
import io.inetkit.testkit.mail.Dovecot;
import io.inetkit.testkit.mail.MailUser;
import io.inetkit.testkit.mail.RealMail;
import java.util.ArrayList;
import java.util.List;

/** Starts Dovecot with one user per COUNT ("m" + COUNT, COUNT messages each), prints, sleeps. */
public class StartDovecot {
  public static void main(String[] a) throws Exception {
    List<String> logins = new ArrayList<>();
    for (String n : a) {
      logins.add("m" + n);
    }
    try (RealMail mail = RealMail.start(logins)) {
      for (String n : a) {
        MailUser u = mail.user("m" + n);
        BenchMaildir.fill(u, Long.parseLong(n));
        System.out.println(
            "user=" + u.login() + " password=" + u.password() + " count=" + n);
      }
      System.out.println(
          "imap=" + mail.port(Dovecot.Listener.IMAP) + " pop3=" + mail.port(Dovecot.Listener.POP3));
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
