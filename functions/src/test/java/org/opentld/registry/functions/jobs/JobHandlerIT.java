package org.opentld.registry.functions.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.functions.FunctionCatalogue;
import org.opentld.registry.functions.FunctionEnvironment;
import org.opentld.registry.functions.LocalContext;
import org.opentld.registry.testing.TestRegistry;

/** The jobs Lambda: schedule input in, report out, and a failed invocation for failures. */
class JobHandlerIT {
  @TempDir Path tmp;
  private TestRegistry t;
  private JobHandler handler;

  @BeforeEach
  void setUp() {
    t = TestRegistry.seeded();
    handler =
        new JobHandler(
            new FunctionEnvironment(
                t.ctx,
                Map.of(
                    "MAIL_FOLDER",
                    tmp.resolve("mail").toString(),
                    "MAIL_FROM",
                    "registry@nic.test")));
  }

  private JsonNode invoke(String input) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        out,
        LocalContext.of(FunctionCatalogue.JOBS));
    return new ObjectMapper().readTree(out.toByteArray());
  }

  @Test
  void success_scheduleInputRunsTheSegmentAndAnswersItsReport() throws Exception {
    Domain d = t.createDomain("reg-a", "handler.test", 1);
    t.clock.set(d.expiresAt().plusSeconds(60));
    int owner = Math.floorMod("handler.test".hashCode(), 4);
    var schedule = FunctionCatalogue.jobSchedule("auto-renew").orElseThrow();

    JsonNode other = invoke(schedule.input((owner + 1) % 4));
    JsonNode mine = invoke(schedule.input(owner));

    assertThat(other.path("changed").asLong()).isZero();
    assertThat(mine.path("job").asText()).isEqualTo("auto-renew");
    assertThat(mine.path("segment").asInt()).isEqualTo(owner);
    assertThat(mine.path("examined").asLong()).isEqualTo(1);
    assertThat(mine.path("changed").asLong()).isEqualTo(1);
    assertThat(mine.path("failed").asLong()).isZero();
    assertThat(mine.path("ok").asBoolean()).isTrue();
    assertThat(t.ctx.domain("handler.test").expiresAt()).isAfter(t.clock.instant());
  }

  @Test
  void failure_aShardWithFailuresFailsTheInvocation() throws Exception {
    Domain d = t.createDomain("reg-a", "nomail.test", 1);
    t.clock.set(d.expiresAt().minus(Duration.ofDays(7)));
    Files.writeString(tmp.resolve("mail"), "not a folder");

    assertThatThrownBy(() -> invoke("{\"job\":\"notifications\"}"))
        .isInstanceOf(JobHandler.JobFailedException.class)
        .hasMessageContaining("1 failed of 3 examined")
        .hasMessageContaining("expiry nomail.test")
        .satisfies(
            e -> assertThat(((JobHandler.JobFailedException) e).report().failed()).isEqualTo(1));
  }

  @Test
  void failure_badInputIsRefusedBeforeAnythingRuns() {
    assertThatThrownBy(() -> invoke("{\"job\":\"no-such-job\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown job 'no-such-job'");
    assertThatThrownBy(() -> invoke("{\"job\":\"purge\",\"segment\":4,\"segments\":4}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"segment\"");
    assertThatThrownBy(() -> invoke("[1]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> invoke("{\"job\":\"purge\",\"params\":{\"a\":{}}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("param a");
  }

  @Test
  void inputParsesNumbersAsTextAndDefaultsToOneSegment() {
    JobInput in =
        JobInput.parse(
            "{\"job\":\"purge\",\"params\":{\"lookback-days\":3,\"x\":true}}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(in)
        .isEqualTo(new JobInput("purge", 0, 1, Map.of("lookback-days", "3", "x", "true")));
    assertThat(JobInput.parse(in.toJson().getBytes(StandardCharsets.UTF_8))).isEqualTo(in);
    assertThat(List.of(in.segment(), in.segments())).containsExactly(0, 1);
  }
}
