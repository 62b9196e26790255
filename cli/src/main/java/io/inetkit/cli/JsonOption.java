package io.inetkit.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --json} option of listing commands: machine-readable output with stable field names,
 * written by {@link Json}.
 *
 * <pre>{@code
 * @Mixin JsonOption json;
 * if (json.enabled()) Json.writeArray(out, rows); else printTable(rows);
 * }</pre>
 */
public final class JsonOption {
  @Option(names = "--json", description = "Print JSON (stable field names) instead of text.")
  boolean json;

  /** {@return whether {@code --json} was given} */
  public boolean enabled() {
    return json;
  }
}
