package org.opentld.registry.functions.das;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentld.registry.functions.FunctionCatalogue;
import org.opentld.registry.functions.FunctionEnvironment;
import org.opentld.registry.functions.Fixtures;
import org.opentld.registry.functions.LocalContext;
import org.opentld.registry.testing.TestRegistry;

class DasHandlerIT {
  private static TestRegistry t;
  private static DasHandler das;

  @BeforeAll
  static void seed() {
    t = Fixtures.registry();
    das = new DasHandler(new FunctionEnvironment(t.ctx, Map.of("DAS_RATE_PER_SECOND", "0")));
  }

  private static APIGatewayV2HTTPResponse call(DasHandler h, APIGatewayV2HTTPEvent e) {
    APIGatewayV2HTTPResponse r = h.handleRequest(e, LocalContext.of(FunctionCatalogue.DAS));
    assertThat(r.getHeaders()).containsEntry("access-control-allow-origin", "*");
    return r;
  }

  private static APIGatewayV2HTTPResponse check(Map<String, String> query) {
    APIGatewayV2HTTPEvent e = Fixtures.event("das_check_one");
    e.setQueryStringParameters(new HashMap<>(query));
    return call(das, e);
  }

  @Test
  void one_freeNameIsAvailableWithItsPrice() {
    APIGatewayV2HTTPResponse r = call(das, Fixtures.event("das_check_one"));
    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(r.getHeaders()).containsEntry("content-type", "application/json");
    assertThat(r.getHeaders()).containsEntry("cache-control", "no-store");
    JsonNode n = Fixtures.json(r.getBody()).get("results").get(0);
    assertThat(n.get("name").asText()).isEqualTo("free.test");
    assertThat(n.get("status").asText()).isEqualTo("available");
    assertThat(n.get("available").asBoolean()).isTrue();
    assertThat(n.get("price").get("amount").asText()).isEqualTo("10.00");
    assertThat(n.get("price").get("currency").asText()).isEqualTo("USD");
  }

  @Test
  void many_eachNameIsClassified() {
    JsonNode results =
        Fixtures.json(
                check(Map.of("names", "free.test,EXAMPLE.test,nic.test,gold.test,bad_name.test,x.invalid"))
                    .getBody())
            .get("results");
    assertThat(results).hasSize(6);
    assertThat(results.get(0).get("status").asText()).isEqualTo("available");
    assertThat(results.get(1).get("status").asText()).isEqualTo("registered");
    assertThat(results.get(1).get("name").asText()).isEqualTo("example.test");
    assertThat(results.get(1).has("price")).isFalse();
    assertThat(results.get(2).get("status").asText()).isEqualTo("reserved");
    assertThat(results.get(2).get("reason").asText()).contains("registry operator");
    assertThat(results.get(3).get("status").asText()).isEqualTo("premium");
    assertThat(results.get(3).get("price").get("amount").asText()).isEqualTo("1000.00");
    assertThat(results.get(4).get("status").asText()).isEqualTo("invalid");
    assertThat(results.get(4).get("reason").asText()).isNotBlank();
    assertThat(results.get(5).get("status").asText()).isEqualTo("invalid");
  }

  @Test
  void text_oneLinePerNameForScripts() {
    APIGatewayV2HTTPResponse r = call(das, Fixtures.event("das_check_many_text"));
    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(r.getHeaders().get("content-type")).startsWith("text/plain");
    String[] lines = r.getBody().split("\n");
    assertThat(lines).hasSize(5);
    assertThat(lines[0]).isEqualTo("free.test available");
    assertThat(lines[1]).isEqualTo("example.test registered");
    assertThat(lines[2]).isEqualTo("nic.test reserved Reserved: registry operator");
    assertThat(lines[3]).isEqualTo("gold.test premium 1000.00 USD");
    assertThat(lines[4]).startsWith("bad_name.test invalid ");
  }

  @Test
  void error_noNamesOrMoreThan50Are400() {
    assertThat(check(Map.of()).getStatusCode()).isEqualTo(400);
    String many = IntStream.range(0, 51).mapToObj(i -> "n" + i + ".test").collect(Collectors.joining(","));
    APIGatewayV2HTTPResponse r = check(Map.of("names", many));
    assertThat(r.getStatusCode()).isEqualTo(400);
    assertThat(Fifty.of(r)).contains("50");
    String fifty = IntStream.range(0, 50).mapToObj(i -> "n" + i + ".test").collect(Collectors.joining(","));
    assertThat(Fixtures.json(check(Map.of("names", fifty)).getBody()).get("results")).hasSize(50);
  }

  @Test
  void error_otherPathsAre404_rateLimitIs429() {
    APIGatewayV2HTTPEvent e = Fixtures.event("das_check_one");
    e.setRawPath("/das/other");
    assertThat(call(das, e).getStatusCode()).isEqualTo(404);
    DasHandler limited =
        new DasHandler(
            new FunctionEnvironment(t.ctx, Map.of("DAS_RATE_PER_SECOND", "0.1", "DAS_RATE_BURST", "1")));
    assertThat(call(limited, Fixtures.event("das_check_one")).getStatusCode()).isEqualTo(200);
    APIGatewayV2HTTPResponse r = call(limited, Fixtures.event("das_check_one"));
    assertThat(r.getStatusCode()).isEqualTo(429);
    assertThat(r.getHeaders().get("retry-after")).isEqualTo("10");
  }

  /** The description of a JSON error answer. */
  private static final class Fifty {
    static String of(APIGatewayV2HTTPResponse r) {
      return Fixtures.json(r.getBody()).get("description").asText();
    }
  }
}
