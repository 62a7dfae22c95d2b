package org.opentld.registry.host;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.opentld.registry.error.RegistryException;

/**
 * Glue addresses of hosts (RFC 5732 §2.5): IPv4 and IPv6 literals parsed without any DNS lookup,
 * kept in one canonical text form (dotted quad; RFC 5952 for IPv6) so that the same address given
 * twice is stored once, and accepted only if routable unicast, because glue for a private,
 * loopback, multicast or documentation address would publish a broken delegation (blocks from the
 * IANA special-purpose registries, RFC 6890).
 */
public final class IpAddresses {
  private static final Pattern V4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern V6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

  /** An address block and why an address in it cannot be glue. */
  private record Block(byte[] network, int bits, String why) {
    static Block of(String literal, int bits, String why) {
      return new Block(parse(literal), bits, why);
    }

    boolean contains(byte[] a) {
      if (a.length != network.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (a[i] != network[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return rest == 0 || (a[full] & mask) == (network[full] & mask);
    }
  }

  /** Checked in order; the first block that matches gives the reason. */
  private static final List<Block> REFUSED =
      List.of(
          Block.of("0.0.0.0", 8, "unspecified ('this network', RFC 1122)"),
          Block.of("10.0.0.0", 8, "private (RFC 1918)"),
          Block.of("100.64.0.0", 10, "shared address space / CGNAT (RFC 6598)"),
          Block.of("127.0.0.0", 8, "loopback"),
          Block.of("169.254.0.0", 16, "link-local (RFC 3927)"),
          Block.of("172.16.0.0", 12, "private (RFC 1918)"),
          Block.of("192.0.0.0", 24, "IETF protocol assignments (RFC 6890)"),
          Block.of("192.0.2.0", 24, "documentation (RFC 5737)"),
          Block.of("192.168.0.0", 16, "private (RFC 1918)"),
          Block.of("198.18.0.0", 15, "benchmarking (RFC 2544)"),
          Block.of("198.51.100.0", 24, "documentation (RFC 5737)"),
          Block.of("203.0.113.0", 24, "documentation (RFC 5737)"),
          Block.of("224.0.0.0", 4, "multicast"),
          Block.of("255.255.255.255", 32, "broadcast"),
          Block.of("240.0.0.0", 4, "reserved (RFC 1112)"),
          Block.of("::", 128, "unspecified"),
          Block.of("::1", 128, "loopback"),
          Block.of("::ffff:0:0", 96, "IPv4-mapped (give the IPv4 address instead)"),
          Block.of("fe80::", 10, "link-local"),
          Block.of("fc00::", 7, "unique local / private (RFC 4193)"),
          Block.of("ff00::", 8, "multicast"),
          Block.of("2001:db8::", 32, "documentation (RFC 3849)"),
          Block.of("3fff::", 20, "documentation (RFC 9637)"));

  /** IPv6 global unicast (RFC 4291 §2.4): everything else is not yet allocated or special. */
  private static final Block V6_GLOBAL = Block.of("2000::", 3, null);

  private IpAddresses() {}

  /** Normalised, distinct, routable addresses, split by family. */
  public record Split(List<String> v4, List<String> v6) {
    public Split {
      v4 = List.copyOf(v4);
      v6 = List.copyOf(v6);
    }

    public int size() {
      return v4.size() + v6.size();
    }
  }

  /**
   * The canonical form of an address, which must be routable unicast.
   *
   * @throws RegistryException.ValueSyntax if it is not an IPv4 or IPv6 literal (2005)
   * @throws RegistryException.ValueRange if it is not routable unicast (2004)
   */
  public static String normalise(String literal) {
    byte[] a = parse(literal);
    String text = format(a);
    for (Block b : REFUSED) {
      if (b.contains(a)) {
        throw new RegistryException.ValueRange(text + " is not a routable address: " + b.why());
      }
    }
    if (a.length == 16 && !V6_GLOBAL.contains(a)) {
      throw new RegistryException.ValueRange(
          text + " is not a routable address: outside IPv6 global unicast 2000::/3");
    }
    return text;
  }

  /**
   * The canonical form of any address literal, routable or not: for naming an address to remove,
   * which must work even for one that an older policy let in.
   *
   * @throws RegistryException.ValueSyntax if it is not an IPv4 or IPv6 literal (2005)
   */
  public static String canonical(String literal) {
    return format(parse(literal));
  }

  /** Normalises each address ({@link #normalise}) and drops repeats, keeping first order. */
  public static Set<String> normaliseAll(Collection<String> literals) {
    Set<String> out = new LinkedHashSet<>();
    if (literals != null) {
      for (String s : literals) {
        out.add(normalise(s));
      }
    }
    return out;
  }

  /** Splits normalised addresses into IPv4 and IPv6. */
  public static Split split(Collection<String> normalised) {
    List<String> v4 = new ArrayList<>();
    List<String> v6 = new ArrayList<>();
    for (String s : normalised) {
      (s.indexOf(':') >= 0 ? v6 : v4).add(s);
    }
    return new Split(v4, v6);
  }

  /**
   * The 4 or 16 bytes of a literal. IPv4 must be a strict dotted quad (no shortened forms, no
   * leading zeros, which some parsers read as octal); an IPv4-mapped IPv6 literal stays IPv6 so
   * that it is refused rather than silently turned into IPv4.
   */
  static byte[] parse(String literal) {
    if (literal == null) {
      throw new RegistryException.ValueSyntax("address is missing");
    }
    String s = literal.strip();
    if (V4.matcher(s).matches()) {
      String[] parts = s.split("\\.");
      byte[] a = new byte[4];
      for (int i = 0; i < 4; i++) {
        a[i] = (byte) Integer.parseInt(parts[i]);
      }
      return a;
    }
    // Only hex digits, colons and dots reach InetAddress, so it parses a literal and never
    // asks DNS: with a ':' in the text it fails instead of resolving.
    if (s.indexOf(':') >= 0 && V6_CHARS.matcher(s).matches()) {
      try {
        InetAddress ip = InetAddress.getByName(s);
        byte[] a = ip.getAddress();
        if (ip instanceof Inet4Address) {
          byte[] mapped = new byte[16];
          mapped[10] = (byte) 0xFF;
          mapped[11] = (byte) 0xFF;
          System.arraycopy(a, 0, mapped, 12, 4);
          return mapped;
        }
        return a;
      } catch (UnknownHostException e) {
        // fall through to the syntax error
      }
    }
    throw new RegistryException.ValueSyntax("'" + literal + "' is not an IPv4 or IPv6 address");
  }

  /** Dotted quad, or the RFC 5952 §4 text form: lower case, longest zero run as '::'. */
  static String format(byte[] a) {
    if (a.length == 4) {
      return (a[0] & 0xFF) + "." + (a[1] & 0xFF) + "." + (a[2] & 0xFF) + "." + (a[3] & 0xFF);
    }
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((a[2 * i] & 0xFF) << 8) | (a[2 * i + 1] & 0xFF);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    if (bestLen < 2) {
      bestStart = -1; // RFC 5952 §4.2.2: a single zero group is not shortened
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }
}
