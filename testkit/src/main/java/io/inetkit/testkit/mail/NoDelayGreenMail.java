package io.inetkit.testkit.mail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.pop3.Pop3Handler;
import com.icegreen.greenmail.pop3.commands.Pop3CommandRegistry;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.HashMap;
import java.util.Map;

/**
 * GreenMail with its plain SMTP, IMAP and POP3 listeners replaced by {@link NoDelayMailService}s
 * (same handlers, {@code TCP_NODELAY} on). GreenMail's typed getters ({@code getSmtp()} ...) do not
 * apply to these listeners: read ports with {@link #port(String)}.
 */
final class NoDelayGreenMail extends GreenMail {
  NoDelayGreenMail(ServerSetup[] setups) {
    super(setups);
  }

  @Override
  protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
    Map<String, AbstractServer> services = new HashMap<>();
    for (ServerSetup setup : setups) {
      String protocol = setup.getProtocol();
      NoDelayMailService service =
          switch (protocol) {
            case ServerSetup.PROTOCOL_SMTP ->
                new NoDelayMailService(
                    setup,
                    managers,
                    (m, s) -> new SmtpHandler(new SmtpCommandRegistry(), m.getSmtpManager(), s));
            case ServerSetup.PROTOCOL_IMAP ->
                new NoDelayMailService(
                    setup,
                    managers,
                    (m, s) -> new ImapHandler(m.getUserManager(), m.getImapHostManager(), s));
            case ServerSetup.PROTOCOL_POP3 ->
                new NoDelayMailService(
                    setup,
                    managers,
                    (m, s) -> new Pop3Handler(new Pop3CommandRegistry(), m.getUserManager(), s));
            default ->
                throw new IllegalArgumentException(
                    "only plain smtp, imap and pop3 run in GreenMail (testkit fronts add TLS): "
                        + protocol);
          };
      if (services.put(protocol, service) != null) {
        throw new IllegalArgumentException("protocol configured twice: " + protocol);
      }
    }
    return services;
  }

  /** {@return the bound port of the {@code smtp}, {@code imap} or {@code pop3} listener} */
  int port(String protocol) {
    AbstractServer service = services.get(protocol);
    if (service == null) {
      throw new IllegalStateException("no " + protocol + " listener configured");
    }
    return service.getPort();
  }
}
