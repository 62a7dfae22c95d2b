package org.opentld.registry.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentld.registry.functions.jobs.JobInput;
import org.opentld.registry.functions.jobs.Jobs;

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
      // HTTP functions answer within API Gateway's 30 s; jobs may use Lambda's 15 minutes.
      assertThat(f.timeoutSeconds()).isBetween(1, f.routes().isEmpty() ? 900 : 30);
      assertThat(f.httpFactory() != null).isEqualTo(!f.routes().isEmpty());
      for (FunctionCatalogue.Route r : f.routes()) {
        assertThat(keys.add(r.routeKey())).as(r.routeKey()).isTrue();
      }
    }
  }

  @Test
  void everyJobHasOneScheduleAndEverySegmentItsInput() {
    var jobs = Jobs.all(Map.of("MAIL_FOLDER", "target/unused-mail"));
    assertThat(FunctionCatalogue.JOB_SCHEDULES)
        .extracting(FunctionCatalogue.JobSchedule::job)
        .doesNotHaveDuplicates()
        .allSatisfy(name -> assertThat(Jobs.find(jobs, name)).as(name).isPresent());
    assertThat(FunctionCatalogue.JOBS.schedules())
        .extracting(FunctionCatalogue.Schedule::name)
        .containsExactlyElementsOf(
            FunctionCatalogue.JOB_SCHEDULES.stream()
                .map(FunctionCatalogue.JobSchedule::job)
                .toList());
    var autoRenew = FunctionCatalogue.jobSchedule("auto-renew").orElseThrow();
    for (int s = 0; s < autoRenew.segments(); s++) {
      JobInput in = JobInput.parse(autoRenew.input(s).getBytes(StandardCharsets.UTF_8));
      assertThat(in).isEqualTo(new JobInput("auto-renew", s, autoRenew.segments(), Map.of()));
    }
    assertThat(autoRenew.input(1))
        .isEqualTo("{\"job\":\"auto-renew\",\"segment\":1,\"segments\":4,\"params\":{}}");
    assertThat(FunctionCatalogue.route("GET", "/jobs")).isEmpty();
  }
}
