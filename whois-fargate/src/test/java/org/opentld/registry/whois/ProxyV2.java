package org.opentld.registry.whois;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** PROXY protocol v2 headers as an AWS NLB sends them (haproxy.org proxy-protocol.txt §2.2). */
final class ProxyV2 {
  private static final byte[] SIGNATURE = {
    0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A
  };

  private ProxyV2() {}

  /** A PROXY command for a TCP/IPv4 client {@code source}:{@code port} to 10.0.0.1:43. */
  static byte[] proxy(String source, int port) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(SIGNATURE);
      out.write(0x21); // version 2, PROXY
      out.write(0x11); // AF_INET, STREAM
      out.write(0);
      out.write(12);
      out.writeBytes(InetAddress.getByName(source).getAddress());
      out.writeBytes(InetAddress.getByName("10.0.0.1").getAddress());
      out.write(port >> 8);
      out.write(port & 0xff);
      out.write(0);
      out.write(43);
      return out.toByteArray();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A LOCAL command (the load balancer's own health check): no addresses. */
  static byte[] local() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(SIGNATURE);
    out.write(0x20);
    out.write(0x00);
    out.write(0);
    out.write(0);
    return out.toByteArray();
  }
}
