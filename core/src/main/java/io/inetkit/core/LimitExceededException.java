package io.inetkit.core;

/**
 * The server sent more than a configured limit allows: a line longer than the maximum, more menu
 * items or listing entries than allowed, a file larger than {@code maxFileSize}. Raised as soon as
 * the limit is crossed, so memory stays bounded.
 *
 * <pre>{@code
 * catch (LimitExceededException e) {
 *   System.err.println("server exceeded " + e.limit() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public class LimitExceededException extends ProtocolViolationException {
  private static final long serialVersionUID = 1L;

  /** The limit that was exceeded. */
  private final long limit;

  /**
   * @param message what exceeded which limit
   * @param endpoint the server, or {@code null}
   * @param limit the limit that was crossed
   */
  public LimitExceededException(String message, Endpoint endpoint, long limit) {
    super(message + " (limit " + limit + ")", endpoint, null);
    this.limit = limit;
  }

  /** {@return the limit that was crossed} */
  public long limit() {
    return limit;
  }
}
