package org.opentld.registry.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.opentld.registry.functions.FunctionCatalogue;
import org.opentld.registry.functions.LocalContext;
import org.opentld.registry.functions.rdap.RdapHandler;

/**
 * What a Lambda cold start does, in a fresh JVM: build the RDAP handler from the environment
 * (the no-argument constructor Lambda calls) and answer one domain lookup; prints {@code
 * COLDSTART status=<code> main=<ms> init=<ms> first=<ms> uptimeMs=<ms since JVM start>}. Launched by {@link RdapBench}.
 */
public final class ColdStartProbe {
  private ColdStartProbe() {}

  public static void main(String[] args) {
    long atMain = ManagementFactory.getRuntimeMXBean().getUptime();
    String name = args[0];
    APIGatewayV2HTTPEvent e =
        APIGatewayV2HTTPEvent.builder()
            .withVersion("2.0")
            .withRouteKey("GET /rdap/domain/{name}")
            .withRawPath("/rdap/domain/" + name)
            .withRawQueryString("")
            .withPathParameters(Map.of("name", name))
            .withRequestContext(
                APIGatewayV2HTTPEvent.RequestContext.builder()
                    .withHttp(
                        APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                            .withMethod("GET")
                            .withPath("/rdap/domain/" + name)
                            .withSourceIp("198.51.100.1")
                            .build())
                    .build())
            .build();
    RdapHandler handler = new RdapHandler();
    long built = ManagementFactory.getRuntimeMXBean().getUptime();
    APIGatewayV2HTTPResponse r = handler.handleRequest(e, LocalContext.of(FunctionCatalogue.RDAP));
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    System.out.println("COLDSTART status=" + r.getStatusCode() + " main=" + atMain + " init="
        + (built - atMain) + " first=" + (uptime - built) + " uptimeMs=" + uptime);
    System.exit(0);
  }
}
