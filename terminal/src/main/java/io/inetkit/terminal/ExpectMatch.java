package io.inetkit.terminal;

import java.util.List;
import java.util.Objects;

/**
 * What {@link TelnetSession#expect} found: which pattern matched, the text that matched, the text
 * received before it, and the regex groups. The session's input is consumed up to the end of the
 * match.
 *
 * <pre>{@code
 * ExpectMatch m = session.expect(Pattern.compile("load average: ([0-9.]+)"), Duration.ofSeconds(5));
 * double load = Double.parseDouble(m.group(1));
 * }</pre>
 *
 * @param index which of the expected patterns matched (0 for a single pattern)
 * @param before the text received before the match
 * @param matched the text that matched
 * @param groups the regex groups 1..n (a group that did not take part is {@code null})
 */
public record ExpectMatch(int index, String before, String matched, List<String> groups) {

  /**
   * Validates and copies.
   *
   * @param index which of the expected patterns matched (0 for a single pattern)
   * @param before the text received before the match
   * @param matched the text that matched
   * @param groups the regex groups 1..n, copied (a group that did not take part is {@code null})
   */
  public ExpectMatch {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(matched, "matched");
    groups = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(groups));
  }

  /**
   * {@return group {@code n}: 0 is the whole match, 1.. the regex groups}
   *
   * @param n the group number, 0 to the pattern's group count
   * @throws IndexOutOfBoundsException when there is no such group
   */
  public String group(int n) {
    return n == 0 ? matched : groups.get(n - 1);
  }
}
