package io.inetkit.testkit.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The few ASN.1 DER encodings an X.509 v3 certificate needs (X.690): every method returns one
 * complete TLV (tag, length, value).
 */
final class Der {
  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter GENERALIZED_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

  /** RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
  private static final Instant GENERALIZED_FROM = Instant.parse("2050-01-01T00:00:00Z");

  private Der() {}

  /** {@return {@code tag}, the DER length of {@code value}, then {@code value}} */
  static byte[] tlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
    out.write(tag);
    int length = value.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(value);
    return out.toByteArray();
  }

  /** SEQUENCE of already encoded elements. */
  static byte[] sequence(byte[]... elements) {
    return tlv(0x30, concat(elements));
  }

  /** INTEGER. */
  static byte[] integer(BigInteger value) {
    return tlv(0x02, value.toByteArray());
  }

  /** BOOLEAN. */
  static byte[] bool(boolean value) {
    return tlv(0x01, new byte[] {(byte) (value ? 0xFF : 0x00)});
  }

  /** OCTET STRING. */
  static byte[] octetString(byte[] value) {
    return tlv(0x04, value);
  }

  /** BIT STRING of whole bytes (a key or a signature). */
  static byte[] bitString(byte[] bytes) {
    return bitString(bytes, 0);
  }

  /** BIT STRING whose last byte has {@code unusedBits} padding bits. */
  static byte[] bitString(byte[] bytes, int unusedBits) {
    byte[] value = new byte[bytes.length + 1];
    value[0] = (byte) unusedBits;
    System.arraycopy(bytes, 0, value, 1, bytes.length);
    return tlv(0x03, value);
  }

  /**
   * A named BIT STRING such as keyUsage, bit 0 first, trailing zero bits removed as DER requires.
   */
  static byte[] namedBits(int... bits) {
    int highest = 0;
    for (int bit : bits) {
      highest = Math.max(highest, bit);
    }
    byte[] bytes = new byte[highest / 8 + 1];
    for (int bit : bits) {
      bytes[bit / 8] |= (byte) (0x80 >>> (bit % 8));
    }
    return bitString(bytes, 7 - highest % 8);
  }

  /** OBJECT IDENTIFIER from dotted form, e.g. {@code 2.5.29.17}. */
  static byte[] oid(String dotted) {
    String[] arcs = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    base128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
    for (int i = 2; i < arcs.length; i++) {
      base128(out, Long.parseLong(arcs[i]));
    }
    return tlv(0x06, out.toByteArray());
  }

  private static void base128(ByteArrayOutputStream out, long value) {
    int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 6) / 7);
    for (int i = groups - 1; i >= 0; i--) {
      int b = (int) ((value >>> (7 * i)) & 0x7F);
      out.write(i == 0 ? b : b | 0x80);
    }
  }

  /** UTCTime before 2050, GeneralizedTime from then on (RFC 5280), whole seconds. */
  static byte[] time(Instant instant) {
    boolean generalized =
        !instant.isBefore(GENERALIZED_FROM)
            || instant.isBefore(Instant.parse("1950-01-01T00:00:00Z"));
    String text = (generalized ? GENERALIZED_TIME : UTC_TIME).format(instant);
    return tlv(generalized ? 0x18 : 0x17, text.getBytes(StandardCharsets.US_ASCII));
  }

  /** A context-specific tag {@code [n]} around constructed content (EXPLICIT tagging). */
  static byte[] explicit(int n, byte[] encoded) {
    return tlv(0xA0 | n, encoded);
  }

  /** A context-specific primitive tag {@code [n]} replacing a primitive type's tag (IMPLICIT). */
  static byte[] implicit(int n, byte[] value) {
    return tlv(0x80 | n, value);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
