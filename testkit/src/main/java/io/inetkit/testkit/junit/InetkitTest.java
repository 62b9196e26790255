package io.inetkit.testkit.junit;

import io.inetkit.testkit.InetkitServers;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the testkit servers once for the annotated test class, {@linkplain InetkitServers#reset()
 * resets} them before each test and injects them as parameters ({@link InetkitServers}, {@code
 * MailServer}, {@code FtpServer}, {@code TelnetServer}, {@code GopherServer}, {@code TestPki},
 * {@code Trust}).
 *
 * <pre>{@code
 * @InetkitTest(services = {Service.SMTP, Service.IMAP})
 * class MailerTest {
 *   @Test
 *   void sends(MailServer mail, Trust trust) throws Exception {
 *     new Mailer("127.0.0.1", mail.port(MailProtocol.SMTP_STARTTLS), trust).send("hi");
 *     assertThat(mail.waitForMessages(1, Duration.ofSeconds(5))).hasSize(1);
 *   }
 * }
 * }</pre>
 *
 * <p>For users, a fixed port base or your own {@code TestPki}, register an {@link InetkitExtension}
 * built with {@link InetkitExtension#builder()} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(InetkitExtension.class)
public @interface InetkitTest {
  /**
   * The protocols to start; default all six.
   *
   * @return the protocols to start
   */
  InetkitServers.Service[] services() default {
    InetkitServers.Service.SMTP,
    InetkitServers.Service.IMAP,
    InetkitServers.Service.POP3,
    InetkitServers.Service.FTP,
    InetkitServers.Service.TELNET,
    InetkitServers.Service.GOPHER
  };
}
