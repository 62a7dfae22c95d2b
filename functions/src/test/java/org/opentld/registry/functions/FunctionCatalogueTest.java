package org.opentld.registry.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FunctionCatalogueTest {
  private static String routeKey(String method, String path) {
    return FunctionCatalogue.route(method, path).orElseThrow().route().routeKey();
  }

  @Test
  void mostSpecificRouteWins_exactMethodBeforeAny() {
    assertThat(routeKey("GET", "/rdap/domain/example.test")).isEqualTo("GET /rdap/domain/{name}");
    assertThat(routeKey("HEAD", "/rdap/domain/example.test")).isEqualTo("ANY /rdap/{proxy+}");
    assertThat(routeKey("GET", "/rdap/help")).isEqualTo("GET /rdap/help");
    assertThat(routeKey("GET", "/rdap/autnum/1")).isEqualTo("ANY /rdap/{proxy+}");
    assertThat(routeKey("GET", "/das/check")).isEqualTo("GET /das/check");
    assertThat(FunctionCatalogue.route("GET", "/rdap/domain/example.test").get().function())
        .isSameAs(FunctionCatalogue.RDAP);
    var panel = FunctionCatalogue.route("DELETE", "/api/registrars/reg-a/users/bob/totp").orElseThrow();
    assertThat(panel.function()).isSameAs(FunctionCatalogue.PANEL_API);
    assertThat(panel.pathParameters()).containsEntry("proxy", "registrars/reg-a/users/bob/totp");
  }

  @Test
  void pathParametersAreDecoded_unknownPathsHaveNoRoute() {
    var m = FunctionCatalogue.route("GET", "/rdap/domain/b%C3%BCcher.test").orElseThrow();
    assertThat(m.pathParameters()).containsEntry("name", "bücher.test");
    assertThat(FunctionCatalogue.route("GET", "/other")).isEmpty();
    assertThat(FunctionCatalogue.route("GET", "/rdap")).isEmpty();
  }

  @Test
  void everyFunctionIsComplete_routeKeysAreUnique() {
    Set<String> keys = new HashSet<>();
    for (FunctionCatalogue.Function f : FunctionCatalogue.ALL) {
      assertThat(f.handler()).matches("org\\.opentld\\.registry\\.functions\\.[\\w.]+::handleRequest");
      assertThat(f.memoryMb()).isBetween(128, 10240);
      assertThat(f.timeoutSeconds()).isBetween(1, 30);
      assertThat(f.httpFactory()).isNotNull();
      for (FunctionCatalogue.Route r : f.routes()) {
        assertThat(keys.add(r.routeKey())).as(r.routeKey()).isTrue();
      }
    }
  }
}
