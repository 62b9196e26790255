package io.inetkit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything one workload produced: its cells, its goals, and any set-up error.
 *
 * @param workload the workload
 * @param cells one per contender and network, in table order
 * @param goals one per goal and network
 * @param error a set-up failure, or empty
 */
public record WorkloadResult(
    Workload workload, List<Cell> cells, List<GoalResult> goals, String error) {

  /** Copies the lists. */
  public WorkloadResult {
    cells = List.copyOf(cells);
    goals = List.copyOf(goals);
  }

  /** The cell of {@code contender} on {@code network}. */
  public Optional<Cell> cell(Network network, String contender) {
    return cells.stream()
        .filter(c -> c.network() == network && c.contender().name().equals(contender))
        .findFirst();
  }

  /** The cells on {@code network}. */
  public List<Cell> cells(Network network) {
    List<Cell> out = new ArrayList<>();
    for (Cell c : cells) {
      if (c.network() == network) {
        out.add(c);
      }
    }
    return out;
  }
}
