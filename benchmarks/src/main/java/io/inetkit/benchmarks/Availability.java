package io.inetkit.benchmarks;

/**
 * Whether a contender can run on this machine, and if not, why: reported, never silently skipped.
 *
 * @param status available, missing on this machine, or not yet available in inetkit
 * @param reason why it cannot run; empty when available
 */
public record Availability(Status status, String reason) {

  /** Why a cell has no figures. */
  public enum Status {
    /** The contender runs. */
    AVAILABLE,
    /** A tool (curl, python3, the CLI jar) is not installed on this machine. */
    MISSING,
    /** The inetkit feature this cell needs has not landed yet. */
    NOT_YET_AVAILABLE
  }

  /** Ready to run. */
  public static final Availability AVAILABLE = new Availability(Status.AVAILABLE, "");

  /** A tool missing on this machine. */
  public static Availability missing(String reason) {
    return new Availability(Status.MISSING, reason);
  }

  /** An inetkit feature that has not landed. */
  public static Availability notYetAvailable(String reason) {
    return new Availability(Status.NOT_YET_AVAILABLE, reason);
  }

  /** Whether the contender runs. */
  public boolean available() {
    return status == Status.AVAILABLE;
  }

  /** Returns {@code missing: reason} or {@code not yet available: reason}. */
  public String describe() {
    return switch (status) {
      case AVAILABLE -> "";
      case MISSING -> "missing: " + reason;
      case NOT_YET_AVAILABLE -> "not yet available: " + reason;
    };
  }
}
