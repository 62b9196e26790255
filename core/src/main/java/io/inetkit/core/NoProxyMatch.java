package io.inetkit.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * curl's no-proxy matching ({@code lib/noproxy.c}): {@code *}, host-name suffixes at a dot, IP
 * addresses and CIDR ranges. Never resolves a name.
 */
final class NoProxyMatch {
  private NoProxyMatch() {}

  static boolean matches(List<String> entries, String host) {
    if (entries.isEmpty() || host == null || host.isEmpty()) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    byte[] address = literal(h);
    for (String entry : entries) {
      if (entry.equals("*")) {
        return true;
      }
      if (address != null ? matchesAddress(address, h, entry) : matchesName(h, entry)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesName(String host, String entry) {
    String e = entry.startsWith(".") ? entry.substring(1) : entry;
    while (e.endsWith(".")) {
      e = e.substring(0, e.length() - 1);
    }
    if (e.isEmpty()) {
      return false;
    }
    return host.equals(e) || host.endsWith("." + e);
  }

  private static boolean matchesAddress(byte[] address, String host, String entry) {
    String e = entry;
    if (e.startsWith("[")) {
      int close = e.indexOf(']');
      e = close < 0 ? e : e.substring(1, close) + e.substring(close + 1);
    }
    int slash = e.indexOf('/');
    String base = slash < 0 ? e : e.substring(0, slash);
    byte[] network = literal(base);
    if (network == null) {
      return host.equals(e);
    }
    if (network.length != address.length) {
      return false;
    }
    int bits = network.length * 8;
    if (slash >= 0) {
      try {
        bits = Integer.parseInt(e.substring(slash + 1));
      } catch (NumberFormatException ex) {
        return false;
      }
      if (bits < 0 || bits > network.length * 8) {
        return false;
      }
    }
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >>> (i % 8);
      if ((network[i / 8] & mask) != (address[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** Returns the bytes of an IPv4 or IPv6 literal, or null for a name (never resolved). */
  static byte[] literal(String s) {
    if (s.isEmpty()) {
      return null;
    }
    boolean v4 = s.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    boolean v6 =
        s.indexOf(':') >= 0
            && s.chars()
                .allMatch(c -> c == ':' || c == '.' || c == '%' || Character.digit(c, 16) >= 0);
    if (v4) {
      String[] parts = s.split("\\.", -1);
      if (parts.length != 4) {
        return null;
      }
      byte[] b = new byte[4];
      for (int i = 0; i < 4; i++) {
        if (parts[i].isEmpty() || parts[i].length() > 3) {
          return null;
        }
        int v = Integer.parseInt(parts[i]);
        if (v > 255) {
          return null;
        }
        b[i] = (byte) v;
      }
      return b;
    }
    if (v6) {
      int zone = s.indexOf('%');
      try {
        // an IPv6 literal: InetAddress parses it without any lookup
        return InetAddress.getByName(zone < 0 ? s : s.substring(0, zone)).getAddress();
      } catch (UnknownHostException e) {
        return null;
      }
    }
    return null;
  }
}
