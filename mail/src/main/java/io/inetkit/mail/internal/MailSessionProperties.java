package io.inetkit.mail.internal;

import io.inetkit.core.Credentials;
import io.inetkit.core.Endpoint;
import io.inetkit.core.Timeouts;
import io.inetkit.core.TlsMode;
import io.inetkit.core.Trust;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Angus Mail {@code Session} properties for one connection from inetkit's settings, the
 * same way for SMTP, IMAP and POP3 (with and without implicit TLS). Always: finite connect, read
 * and write timeouts; certificates checked with the {@link Trust}'s socket factory (never {@code
 * mail.*.ssl.trust=*}); host-name checks on unless the trust is {@link Trust#insecure()}; TLS
 * 1.2/1.3 only; {@code starttls.required} for {@link TlsMode#STARTTLS_REQUIRED} so Angus never
 * downgrades.
 *
 * <pre>{@code
 * Properties p = MailSessionProperties.of(AngusProtocol.IMAP, endpoint, TlsMode.IMPLICIT,
 *     trust, Timeouts.DEFAULT, credentials);
 * Session session = Session.getInstance(p);
 * Store store = session.getStore(AngusProtocol.IMAP.provider(TlsMode.IMPLICIT)); // "imaps"
 * }</pre>
 */
public final class MailSessionProperties {
  private static final Logger LOG = LoggerFactory.getLogger(MailSessionProperties.class);

  private MailSessionProperties() {}

  /**
   * Returns the properties; {@code credentials} may be null (no login), otherwise its kind picks
   * the SASL mechanisms: {@code XOAUTH2} for OAuth2 tokens, {@code PLAIN LOGIN} for passwords.
   */
  public static Properties of(
      AngusProtocol protocol,
      Endpoint endpoint,
      TlsMode tlsMode,
      Trust trust,
      Timeouts timeouts,
      Credentials credentials) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(tlsMode, "tlsMode");
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(timeouts, "timeouts");
    if (trust.isInsecure() && tlsMode != TlsMode.NONE) {
      // Angus takes the socket factory and never calls Trust.configure, which warns for FTP,
      // Gopher and SMTP: warn here, once per session, in the same words.
      LOG.warn(
          "TLS to {} without certificate or host-name verification (insecure trust)", endpoint);
    }
    String p = "mail." + protocol.provider(tlsMode) + ".";
    Properties props = new Properties();
    props.put(p + "host", endpoint.host());
    props.put(p + "port", Integer.toString(endpoint.port()));
    props.put(p + "connectiontimeout", Integer.toString(timeouts.connectMillis()));
    props.put(p + "timeout", Integer.toString(timeouts.readMillis()));
    props.put(p + "writetimeout", Integer.toString(timeouts.readMillis()));
    props.put(p + "ssl.socketFactory", trust.sslContext().getSocketFactory());
    props.put(p + "ssl.checkserveridentity", Boolean.toString(trust.verifiesHostname()));
    props.put(p + "ssl.protocols", "TLSv1.3 TLSv1.2");
    props.put(p + "ssl.enable", Boolean.toString(tlsMode.isImplicit()));
    props.put(p + "starttls.enable", Boolean.toString(tlsMode.isStartTls()));
    props.put(p + "starttls.required", Boolean.toString(tlsMode == TlsMode.STARTTLS_REQUIRED));
    if (credentials != null) {
      boolean oauth = credentials.kind() == Credentials.Kind.OAUTH2_TOKEN;
      props.put(p + "auth", "true");
      props.put(p + "auth.mechanisms", oauth ? "XOAUTH2" : "PLAIN LOGIN");
      props.put(p + "auth.xoauth2.disable", Boolean.toString(!oauth));
      props.put(p + "sasl.enable", "false");
      if (protocol == AngusProtocol.IMAP && oauth) {
        props.put(p + "auth.login.disable", "true");
        props.put(p + "auth.plain.disable", "true");
      }
    }
    return props;
  }
}
