package io.inetkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Supplies {@code inetkit --version} from the version the build filtered into a resource. */
final class VersionProvider implements IVersionProvider {

  /** {@return the inetkit version, e.g. {@code 0.1.0}} */
  static String version() {
    // picocli asks for it once per command while building the model (--version is inherited).
    String known = version;
    if (known == null) {
      known = readVersion();
      version = known;
    }
    return known;
  }

  private static volatile String version;

  private static String readVersion() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through to "unknown"
    }
    return p.getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "inetkit " + version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
