package org.opentld.registry.local;

import java.io.PrintStream;
import org.opentld.registry.Registry;
import org.opentld.registry.whois.WhoisConfig;
import org.opentld.registry.whois.WhoisResponder;
import org.opentld.registry.whois.WhoisServer;

/**
 * The local stack's WHOIS server: the Fargate service's code on 127.0.0.1, reading the local
 * registry, with the production defaults for limits and timeouts and no PROXY header (no load
 * balancer in front).
 */
final class LocalWhois {
  private LocalWhois() {}

  /** Starts WHOIS on 127.0.0.1:{@code port} (0 = a free port). */
  static WhoisServer start(Registry registry, int port, PrintStream out) throws Exception {
    WhoisConfig config = WhoisConfig.defaults().withBind("127.0.0.1", port);
    try {
      WhoisServer server =
          new WhoisServer(config, new WhoisResponder(registry.context(), config.termsOfUse()))
              .start();
      out.println("      WHOIS on 127.0.0.1:" + server.port());
      return server;
    } catch (Exception e) {
      throw new IllegalStateException(
          "WHOIS could not start on port "
              + port
              + ": is another registry running? Stop it or pass --whois-port 0",
          e);
    }
  }
}
