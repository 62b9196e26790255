package io.inetkit.mail.imap;

import io.inetkit.core.internal.Inputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ImapSession#syncAccount} syncs and how: which folders (LIST-style patterns, {@code *}
 * any characters, {@code %} any but the hierarchy delimiter; a folder is synced when it matches an
 * include pattern and no exclude pattern), what happens to local copies of messages expunged on the
 * server, and whether to only report what would change.
 *
 * <pre>{@code
 * AccountSyncOptions options = AccountSyncOptions.builder()
 *     .include("*")
 *     .exclude("Trash").exclude("Archive/*")
 *     .expunged(ExpungedMessages.DELETE_LOCAL)
 *     .build();
 * }</pre>
 */
public final class AccountSyncOptions {
  private final List<String> include;
  private final List<String> exclude;
  private final ExpungedMessages expunged;
  private final boolean dryRun;

  private AccountSyncOptions(Builder b) {
    this.include = b.include.isEmpty() ? List.of("*") : List.copyOf(b.include);
    this.exclude = List.copyOf(b.exclude);
    this.expunged = b.expunged;
    this.dryRun = b.dryRun;
  }

  /**
   * Every folder; local copies of expunged messages kept; changes applied.
   *
   * @return the default options
   */
  public static AccountSyncOptions defaults() {
    return builder().build();
  }

  /** {@return a builder with the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these options} */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.include.addAll(include.equals(List.of("*")) ? List.of() : include);
    b.exclude.addAll(exclude);
    b.expunged = expunged;
    b.dryRun = dryRun;
    return b;
  }

  /** {@return the include patterns ({@code *} when none was given)} */
  public List<String> include() {
    return include;
  }

  /** {@return the exclude patterns} */
  public List<String> exclude() {
    return exclude;
  }

  /** {@return what happens to local copies of messages expunged on the server} */
  public ExpungedMessages expunged() {
    return expunged;
  }

  /** {@return whether the sync only reports what it would change, touching nothing} */
  public boolean dryRun() {
    return dryRun;
  }

  @Override
  public String toString() {
    return "AccountSyncOptions[include="
        + include
        + ", exclude="
        + exclude
        + ", expunged="
        + expunged
        + ", dryRun="
        + dryRun
        + "]";
  }

  /** Builds {@link AccountSyncOptions}. */
  public static final class Builder {
    private final List<String> include = new ArrayList<>();
    private final List<String> exclude = new ArrayList<>();
    private ExpungedMessages expunged = ExpungedMessages.KEEP_LOCAL;
    private boolean dryRun;

    private Builder() {}

    /**
     * Adds an include pattern (without any, every folder is included).
     *
     * @param pattern a folder name pattern, {@code *} and {@code %} as in IMAP LIST
     * @return this builder
     */
    public Builder include(String pattern) {
      include.add(pattern(pattern));
      return this;
    }

    /**
     * Adds an exclude pattern.
     *
     * @param pattern a folder name pattern, {@code *} and {@code %} as in IMAP LIST
     * @return this builder
     */
    public Builder exclude(String pattern) {
      exclude.add(pattern(pattern));
      return this;
    }

    /**
     * Sets what happens to local copies of messages expunged on the server.
     *
     * @param expunged keep or delete the local copies
     * @return this builder
     */
    public Builder expunged(ExpungedMessages expunged) {
      this.expunged = Objects.requireNonNull(expunged, "expunged");
      return this;
    }

    /**
     * With {@code true}, only report what would change: nothing is written or downloaded.
     *
     * @param dryRun whether to only report
     * @return this builder
     */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /** {@return the options} */
    public AccountSyncOptions build() {
      return new AccountSyncOptions(this);
    }

    private static String pattern(String pattern) {
      return Inputs.requireNonEmpty("pattern", pattern);
    }
  }
}
