package io.inetkit.mail.smtp;

import io.inetkit.core.InvalidInputException;
import io.inetkit.core.internal.Inputs;
import io.inetkit.mail.MailAddress;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Delivery status notification requests (RFC 3461), used when the server offers {@code DSN}: when
 * to notify ({@code NOTIFY}, by default and per recipient), how much of the message to return
 * ({@code RET}) and an envelope id ({@code ENVID}). Ignored, with a warning in the log, when the
 * server does not offer DSN.
 *
 * <pre>{@code
 * DsnOptions dsn = DsnOptions.notifyOn(DsnOptions.Notify.FAILURE, DsnOptions.Notify.DELAY)
 *     .notifyOn(MailAddress.of("boss@example.org"), DsnOptions.Notify.SUCCESS)
 *     .withReturn(DsnOptions.Return.HEADERS)
 *     .withEnvelopeId("batch-42");
 * smtp.send(message, dsn);
 * }</pre>
 *
 * @param defaultNotify default NOTIFY for every recipient (empty: let the server decide)
 * @param perRecipient NOTIFY for particular recipients (lower-cased address), overriding the
 *     default
 * @param ret how much of the message a bounce returns, or {@code null} to let the server decide
 * @param envelopeId the ENVID, or {@code ""}
 */
public record DsnOptions(
    Set<Notify> defaultNotify,
    Map<String, Set<Notify>> perRecipient,
    Return ret,
    String envelopeId) {

  /** When a notification is wanted. */
  public enum Notify {
    /** Never (cannot be combined). */
    NEVER,
    /** On successful delivery. */
    SUCCESS,
    /** On failure. */
    FAILURE,
    /** On delay. */
    DELAY
  }

  /** How much of the message a notification returns. */
  public enum Return {
    /** The whole message. */
    FULL,
    /** Only the headers ({@code RET=HDRS}). */
    HEADERS
  }

  /** No notification options: the server's defaults. */
  public static final DsnOptions NONE = new DsnOptions(Set.of(), Map.of(), null, "");

  /**
   * Validates and copies.
   *
   * @param defaultNotify default NOTIFY for every recipient (empty: the server decides)
   * @param perRecipient NOTIFY per recipient address
   * @param ret how much of the message a bounce returns, or {@code null}
   * @param envelopeId the ENVID, or {@code ""}
   */
  public DsnOptions {
    defaultNotify = check(defaultNotify);
    Map<String, Set<Notify>> copy = new HashMap<>();
    perRecipient.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), check(v)));
    perRecipient = Map.copyOf(copy);
    envelopeId = envelopeId == null ? "" : Inputs.requireMaxLength("envelopeId", envelopeId, 100);
    if (!envelopeId.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new InvalidInputException(
          "envelopeId", "printable ASCII only: " + Inputs.quote(envelopeId));
    }
  }

  private static Set<Notify> check(Set<Notify> notify) {
    Objects.requireNonNull(notify, "notify");
    if (notify.contains(Notify.NEVER) && notify.size() > 1) {
      throw new InvalidInputException("notify", "NEVER cannot be combined with " + notify);
    }
    return notify.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(notify));
  }

  /**
   * {@return options with a default NOTIFY for every recipient}
   *
   * @param first a condition to notify on
   * @param more further conditions
   */
  public static DsnOptions notifyOn(Notify first, Notify... more) {
    return new DsnOptions(EnumSet.of(first, more), Map.of(), null, "");
  }

  /**
   * {@return a copy with NOTIFY for one recipient}
   *
   * @param recipient the recipient
   * @param first a condition to notify on
   * @param more further conditions
   */
  public DsnOptions notifyOn(MailAddress recipient, Notify first, Notify... more) {
    Map<String, Set<Notify>> copy = new HashMap<>(perRecipient);
    copy.put(recipient.address().toLowerCase(Locale.ROOT), EnumSet.of(first, more));
    return new DsnOptions(defaultNotify, copy, ret, envelopeId);
  }

  /**
   * {@return a copy with RET}
   *
   * @param ret how much of the message a bounce returns
   */
  public DsnOptions withReturn(Return ret) {
    return new DsnOptions(
        defaultNotify, perRecipient, Objects.requireNonNull(ret, "ret"), envelopeId);
  }

  /**
   * {@return a copy with ENVID}
   *
   * @param envelopeId the envelope id
   */
  public DsnOptions withEnvelopeId(String envelopeId) {
    return new DsnOptions(defaultNotify, perRecipient, ret, envelopeId);
  }

  /**
   * {@return the NOTIFY set for {@code recipient}: its own, else the default}
   *
   * @param recipient the recipient
   */
  public Set<Notify> notifyFor(MailAddress recipient) {
    return perRecipient.getOrDefault(recipient.address().toLowerCase(Locale.ROOT), defaultNotify);
  }

  /** {@return whether no option is set} */
  public boolean isEmpty() {
    return defaultNotify.isEmpty() && perRecipient.isEmpty() && ret == null && envelopeId.isEmpty();
  }
}
