package org.opentld.registry.whois;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The address of the client behind a connection: the one a PROXY protocol header named, when the
 * server sits behind a load balancer that sends one, else the socket's peer.
 */
public final class ClientAddress {
  static final AttributeKey<String> FROM_PROXY = AttributeKey.valueOf("whois.clientAddress");

  private ClientAddress() {}

  /** The client's IP address as text (the rate limit key and what logs show). */
  public static String of(Channel ch) {
    String proxied = ch.attr(FROM_PROXY).get();
    if (proxied != null) {
      return proxied;
    }
    SocketAddress remote = ch.remoteAddress();
    if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return String.valueOf(remote);
  }

  static void set(Channel ch, String address) {
    ch.attr(FROM_PROXY).set(address);
  }
}
