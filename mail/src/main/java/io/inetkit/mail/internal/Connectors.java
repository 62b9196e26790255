package io.inetkit.mail.internal;

/** Quiet clean-up of Jakarta Mail services on failure paths. */
public final class Connectors {
  private Connectors() {}

  /** Closes {@code service}, ignoring failures (an earlier failure is the one reported). */
  public static void closeQuietly(jakarta.mail.Service service) {
    try {
      service.close();
    } catch (jakarta.mail.MessagingException | RuntimeException ignored) {
      // cleaning up after an earlier failure, which is what gets reported
    }
  }
}
