package io.inetkit.core.internal;

import io.inetkit.core.Endpoint;
import io.inetkit.core.TlsException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Says in plain words why a TLS handshake failed, for every protocol (called by {@link
 * Connector#translate}): a certificate that expired or is not yet valid (with the date), one signed
 * by a CA the client does not trust (with what to do about it), one issued for other names (with
 * the names it holds), and a server that answered in plain text. The JDK's own text ("PKIX path
 * validation failed: ... validity check failed") stays in the cause. Not part of the public API.
 */
public final class TlsFailures {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private TlsFailures() {}

  /**
   * Returns {@code e}, met while doing {@code what}, as a {@link TlsException} whose message
   * explains it, using the certificates the server presented on this thread ({@link
   * PeerCertificates}) when they are known.
   */
  public static TlsException translate(SSLException e, String what, Endpoint endpoint) {
    return new TlsException(
        what + " with " + endpoint + " failed: " + reason(e, endpoint, PeerCertificates.last()),
        endpoint,
        e);
  }

  static String reason(SSLException e, Endpoint endpoint, X509Certificate[] chain) {
    X509Certificate server = chain == null || chain.length == 0 ? null : chain[0];
    List<Throwable> causes = causes(e);
    for (Throwable t : causes) {
      if (t instanceof CertificateExpiredException
          || t instanceof CertPathValidatorException v
              && v.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
        X509Certificate bad = outOfDate(t, chain);
        return bad == null
            ? "the server's certificate has expired"
            : certificate(bad, server)
                + " expired on "
                + DATE.format(bad.getNotAfter().toInstant());
      }
      if (t instanceof CertificateNotYetValidException
          || t instanceof CertPathValidatorException v
              && v.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
        X509Certificate bad = outOfDate(t, chain);
        return bad == null
            ? "the server's certificate is not valid yet"
            : certificate(bad, server)
                + " is not valid until "
                + DATE.format(bad.getNotBefore().toInstant())
                + " (check this computer's clock, too)";
      }
    }
    for (Throwable t : causes) {
      String m = String.valueOf(t.getMessage());
      if (t instanceof CertificateException
          && (m.startsWith("No subject alternative") || m.startsWith("No name matching"))) {
        List<String> names = server == null ? List.of() : names(server);
        return names.isEmpty()
            ? "the server's certificate is not issued for " + endpoint.host()
            : "the server's certificate is issued for "
                + String.join(", ", names)
                + ", not "
                + endpoint.host()
                + ": connect by one of those names";
      }
      if (t instanceof CertPathBuilderException
          || m.contains("unable to find valid certification path")) {
        return "the server's certificate"
            + (server == null
                ? ""
                : " ("
                    + server.getSubjectX500Principal().getName()
                    + ", issued by "
                    + server.getIssuerX500Principal().getName()
                    + ")")
            + " is not signed by a CA this client trusts: trust that CA with --cacert FILE"
            + " (Trust.fromFile in the library), or use -k (Trust.insecure()) only for a server you control";
      }
      if (m.contains("Unsupported or unrecognized SSL message")
          || m.contains("plaintext connection")) {
        return "the server answered in plain text, not TLS: this port does not start with TLS."
            + " Use STARTTLS on it (--tls starttls, smtp:// imap:// pop3://; TlsMode.STARTTLS_REQUIRED)"
            + " or the server's implicit-TLS port";
      }
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * Returns the certificate the validation failure names, else the first out of date in {@code
   * chain}.
   */
  private static X509Certificate outOfDate(Throwable t, X509Certificate[] chain) {
    if (t instanceof CertPathValidatorException v
        && v.getCertPath() != null
        && v.getIndex() >= 0
        && v.getIndex() < v.getCertPath().getCertificates().size()
        && v.getCertPath().getCertificates().get(v.getIndex()) instanceof X509Certificate x) {
      return x;
    }
    Date now = Date.from(Instant.now());
    if (chain != null) {
      for (X509Certificate c : chain) {
        if (now.after(c.getNotAfter()) || now.before(c.getNotBefore())) {
          return c;
        }
      }
    }
    return null;
  }

  private static String certificate(X509Certificate bad, X509Certificate server) {
    if (bad.equals(server)) {
      List<String> names = names(bad);
      return "the server's certificate"
          + (names.isEmpty() ? "" : " for " + String.join(", ", names));
    }
    return "the certificate of "
        + bad.getSubjectX500Principal().getName()
        + " in the server's chain";
  }

  /** Returns the DNS names and IP addresses a certificate is issued for, else its subject. */
  static List<String> names(X509Certificate cert) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> sans = cert.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          Object type = san.get(0);
          if ((Integer.valueOf(2).equals(type) || Integer.valueOf(7).equals(type))
              && san.get(1) instanceof String n) {
            names.add(n);
          }
        }
      }
    } catch (CertificateParsingException ignored) {
      // fall back to the subject
    }
    if (names.isEmpty()) {
      names.add(cert.getSubjectX500Principal().getName());
    }
    return names;
  }

  private static List<Throwable> causes(Throwable e) {
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> result = new ArrayList<>();
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      result.add(t);
    }
    return result;
  }
}
