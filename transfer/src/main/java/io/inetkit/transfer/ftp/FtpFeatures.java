package io.inetkit.transfer.ftp;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the server said in reply to FEAT (RFC 2389): each feature name with its parameters.
 *
 * <pre>{@code
 * FtpFeatures feat = ftp.features();
 * if (feat.has("MLST")) System.out.println("facts: " + feat.parameters("MLST").orElse(""));
 * }</pre>
 *
 * @param features upper-case feature names mapped to their parameter text ({@code ""} if none)
 */
public record FtpFeatures(Map<String, String> features) {

  /** No features (the server does not support FEAT). */
  public static final FtpFeatures NONE = new FtpFeatures(Map.of());

  /**
   * Copies the map, upper-casing names.
   *
   * @param features upper-case feature names mapped to their parameter text ({@code ""} if none)
   */
  public FtpFeatures {
    TreeMap<String, String> copy = new TreeMap<>();
    features.forEach((k, v) -> copy.put(k.toUpperCase(Locale.ROOT), v == null ? "" : v));
    features = Map.copyOf(copy);
  }

  /**
   * {@return whether the server offers {@code feature} (case-insensitive)}
   *
   * @param feature a feature name, e.g. {@code MLST} (case-insensitive)
   */
  public boolean has(String feature) {
    return features.containsKey(feature.toUpperCase(Locale.ROOT));
  }

  /**
   * {@return the parameters of {@code feature}, when offered}
   *
   * @param feature a feature name, e.g. {@code MLST} (case-insensitive)
   */
  public Optional<String> parameters(String feature) {
    return Optional.ofNullable(features.get(feature.toUpperCase(Locale.ROOT)));
  }
}
