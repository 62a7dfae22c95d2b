package org.opentld.registry.registrar;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.opentld.registry.error.RegistryException;

/** An IPv4 or IPv6 address block like {@code 192.0.2.0/24}; a bare address is a /32 or /128. */
public record Cidr(byte[] network, int prefix) {
  public static Cidr parse(String text) {
    String[] parts = text.strip().split("/");
    byte[] addr = literal(parts[0]);
    int bits = addr.length * 8;
    int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : bits;
    if (prefix < 0 || prefix > bits) {
      throw new RegistryException.ValueRange("bad prefix length in " + text);
    }
    return new Cidr(addr, prefix);
  }

  /** Parses an IP literal without any DNS lookup. */
  public static byte[] literal(String ip) {
    String s = ip.strip();
    if (!(s.matches("[0-9.]+") || (s.contains(":") && s.matches("[0-9A-Fa-f:.]+")))) {
      throw new RegistryException.ValueSyntax("'" + ip + "' is not an IP address");
    }
    try {
      return InetAddress.getByName(s).getAddress();
    } catch (UnknownHostException e) {
      throw new RegistryException.ValueSyntax("'" + ip + "' is not an IP address");
    }
  }

  public boolean contains(String ip) {
    byte[] a;
    try {
      a = literal(ip);
    } catch (RegistryException e) {
      return false;
    }
    if (a.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (a[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (a[full] & mask) == (network[full] & mask);
  }
}
