package io.inetkit.mail;

/** Quiet clean-up of Jakarta Mail services on failure paths. */
final class Connectors {
  private Connectors() {}

  static void closeQuietly(jakarta.mail.Service service) {
    try {
      service.close();
    } catch (jakarta.mail.MessagingException | RuntimeException ignored) {
      // cleaning up after an earlier failure, which is what gets reported
    }
  }
}
