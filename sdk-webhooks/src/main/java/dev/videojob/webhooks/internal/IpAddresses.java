package dev.videojob.webhooks.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Reads host spellings the way lenient URL parsers do (IPv4 in decimal, octal and hex, with one to
 * four parts) and says which addresses are not public.
 */
public final class IpAddresses {
  private static final BigInteger MAX_V4 = BigInteger.valueOf(0xFFFFFFFFL);

  private IpAddresses() {}

  /**
   * Whether a host name is spelled as an IPv4 address in any form a URL parser may accept: its
   * last label is a number (WHATWG: such a host must then parse as IPv4 or is invalid).
   *
   * @param host a lower-case host without a trailing dot
   * @return whether it is to be read as IPv4
   */
  public static boolean looksNumeric(String host) {
    String last = host.substring(host.lastIndexOf('.') + 1);
    return !last.isEmpty() && parsePart(last) != null;
  }

  /**
   * Parses a numeric IPv4 spelling: {@code 127.0.0.1}, {@code 2130706433}, {@code 0x7f.1},
   * {@code 0177.0.0.1}, {@code 127.1}.
   *
   * @param host a lower-case host without a trailing dot
   * @return the four address bytes, or null if it is not a valid IPv4 spelling
   */
  public static byte[] parseIpv4(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length > 4) return null;
    BigInteger[] v = new BigInteger[parts.length];
    for (int i = 0; i < parts.length; i++) {
      v[i] = parsePart(parts[i]);
      if (v[i] == null) return null;
    }
    for (int i = 0; i < v.length - 1; i++) {
      if (v[i].compareTo(BigInteger.valueOf(255)) > 0) return null;
    }
    BigInteger last = v[v.length - 1];
    int lastBytes = 5 - v.length;
    if (last.bitLength() > lastBytes * 8) return null;
    long addr = 0;
    for (int i = 0; i < v.length - 1; i++) addr |= v[i].longValue() << (8 * (3 - i));
    addr |= last.longValue();
    if (BigInteger.valueOf(addr).compareTo(MAX_V4) > 0) return null;
    return new byte[] {(byte) (addr >>> 24), (byte) (addr >>> 16), (byte) (addr >>> 8), (byte) addr};
  }

  private static BigInteger parsePart(String p) {
    if (p.isEmpty()) return null;
    try {
      if (p.startsWith("0x")) return p.length() == 2 ? BigInteger.ZERO : new BigInteger(p.substring(2), 16);
      if (p.length() > 1 && p.startsWith("0")) return new BigInteger(p.substring(1), 8);
      if (!p.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
      return new BigInteger(p);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Parses an IPv6 literal (without brackets and without a zone) with no DNS lookup.
   *
   * @param literal the literal
   * @return the address bytes (4 for an IPv4-mapped literal Java folds, else 16), or null if invalid
   */
  public static byte[] parseIpv6(String literal) {
    if (!literal.contains(":") || !literal.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
      return null;
    }
    try {
      return InetAddress.getByName("[" + literal + "]").getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /**
   * Says why an address is not public, or null if it is public.
   *
   * @param a 4 or 16 address bytes
   * @return a short description such as {@code "loopback"}, or null
   */
  public static String nonPublicReason(byte[] a) {
    return a.length == 4 ? v4(a) : v6(a);
  }

  private static String v4(byte[] a) {
    int b0 = a[0] & 0xff;
    int b1 = a[1] & 0xff;
    int b2 = a[2] & 0xff;
    if (b0 == 0) return "unspecified";
    if (b0 == 127) return "loopback";
    if (b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168)) return "private";
    if (b0 == 100 && (b1 & 0xc0) == 64) return "shared (carrier-grade NAT, cloud metadata)";
    if (b0 == 169 && b1 == 254) return "link-local (cloud metadata)";
    if (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)) return "reserved";
    if (b0 == 198 && (b1 & 0xfe) == 18) return "reserved";
    if ((b0 == 198 && b1 == 51 && b2 == 100) || (b0 == 203 && b1 == 0 && b2 == 113)) return "reserved";
    if (b0 >= 224) return "multicast or reserved";
    return null;
  }

  private static String v6(byte[] a) {
    boolean first10Zero = true;
    for (int i = 0; i < 10; i++) first10Zero &= a[i] == 0;
    int w5 = ((a[10] & 0xff) << 8) | (a[11] & 0xff);
    if (first10Zero && w5 == 0) {
      boolean rest = (a[12] | a[13] | a[14]) == 0;
      if (rest && a[15] == 0) return "unspecified";
      if (rest && a[15] == 1) return "loopback";
      return embedded(v4(tail(a, 12)));
    }
    if (first10Zero && w5 == 0xffff) return embedded(v4(tail(a, 12)));
    int w0 = ((a[0] & 0xff) << 8) | (a[1] & 0xff);
    int w1 = ((a[2] & 0xff) << 8) | (a[3] & 0xff);
    if (w0 == 0x64 && w1 == 0xff9b) {
      return embedded(v4(tail(a, 12)));
    }
    if (w0 == 0x2002) return embedded(v4(new byte[] {a[2], a[3], a[4], a[5]}));
    if (w0 == 0x2001 && w1 == 0) {
      byte[] client = tail(a, 12);
      for (int i = 0; i < 4; i++) client[i] = (byte) ~client[i];
      return embedded(v4(client));
    }
    if (w0 == 0x2001 && w1 == 0x0db8) return "reserved (documentation)";
    if (w0 == 0x0100 && w1 == 0 && (a[4] | a[5] | a[6] | a[7]) == 0) return "reserved (discard)";
    if ((a[0] & 0xfe) == 0xfc) return "private (unique local)";
    if ((a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0x80) return "link-local";
    if ((a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0xc0) return "site-local";
    if ((a[0] & 0xff) == 0xff) return "multicast";
    return null;
  }

  private static byte[] tail(byte[] a, int from) {
    return new byte[] {a[from], a[from + 1], a[from + 2], a[from + 3]};
  }

  private static String embedded(String v4Reason) {
    return v4Reason == null ? null : v4Reason + " (IPv4 inside IPv6)";
  }
}
