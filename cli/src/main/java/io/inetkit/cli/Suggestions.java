package io.inetkit.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * "Did you mean" for a mistyped command or option: the names within a small edit distance
 * (insertions, deletions, changes and swaps of neighbours), so {@code mial} finds {@code mail} and
 * {@code --ouput} finds {@code --output}. picocli's own suggestions compare letter pairs, which
 * finds nothing for a swap of two letters.
 */
final class Suggestions {
  private Suggestions() {}

  /** {@return the line to print after {@code failure}, or {@code null} when nothing is close} */
  static String forFailure(ParameterException failure) {
    if (!(failure instanceof UnmatchedArgumentException unmatched)
        || unmatched.getUnmatched().isEmpty()) {
      return null;
    }
    CommandLine cmd = failure.getCommandLine();
    CommandSpec spec = cmd.getCommandSpec();
    String typed = unmatched.getUnmatched().get(0);
    if (typed.startsWith("-")) {
      String name = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
      List<String> options = new ArrayList<>();
      for (OptionSpec option : spec.options()) {
        if (!option.hidden()) {
          options.addAll(List.of(option.names()));
        }
      }
      List<String> near = nearest(name, options);
      return near.isEmpty() ? null : "Did you mean: " + String.join(" or ", near) + "?";
    }
    List<String> near = nearest(typed, cmd.getSubcommands().keySet());
    if (near.isEmpty()) {
      return null;
    }
    List<String> qualified = new ArrayList<>();
    near.forEach(name -> qualified.add(spec.qualifiedName() + " " + name));
    return "Did you mean: " + String.join(" or ", qualified) + "?";
  }

  /** {@return the candidates closest to {@code typed}, if close enough to be a typo} */
  static List<String> nearest(String typed, Collection<String> candidates) {
    int best = Integer.MAX_VALUE;
    List<String> nearest = new ArrayList<>();
    for (String candidate : candidates) {
      int d = distance(typed, candidate);
      if (d > Math.max(1, Math.min(typed.length(), candidate.length()) / 3)) {
        continue;
      }
      if (d < best) {
        best = d;
        nearest.clear();
      }
      if (d == best && !nearest.contains(candidate)) {
        nearest.add(candidate);
      }
    }
    return nearest;
  }

  /** Optimal string alignment distance: Levenshtein plus the swap of two neighbours. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
