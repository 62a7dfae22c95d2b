package org.opentld.registry.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentld.registry.Registry;
import org.opentld.registry.common.Caller;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainCreate;
import org.opentld.registry.functions.FunctionCatalogue;
import org.opentld.registry.functions.FunctionEnvironment;
import org.opentld.registry.functions.jobs.JobHandler;
import org.opentld.registry.functions.jobs.JobReport;

/** The local stack's scheduler: armed from the catalogue, running every segment of a job. */
class LocalSchedulerIT {
  @TempDir Path dir;

  /** A clock a test moves by hand. */
  private static final class HandClock extends Clock {
    private volatile Instant now;

    HandClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static long changed(List<JobReport> reports) {
    return reports.stream().mapToLong(JobReport::changed).sum();
  }

  @Test
  void localStackArmsEveryCatalogueJobAndRunsAllSegmentsOfOne() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    var options = new LocalRegistry.Options(false, dir.resolve("data"), 0, "TEST");
    try (LocalRegistry local = new LocalRegistry(options).start(new PrintStream(out, true))) {
      Instant started = Instant.now();
      assertThat(local.mailDir()).isEqualTo(dir.resolve("data").resolve("mail"));
      assertThat(local.scheduler().nextRuns().keySet())
          .containsExactlyElementsOf(
              FunctionCatalogue.JOB_SCHEDULES.stream()
                  .map(FunctionCatalogue.JobSchedule::job)
                  .toList());
      assertThat(local.scheduler().nextRuns().values())
          .allSatisfy(
              at ->
                  assertThat(at)
                      .isAfter(started.minusSeconds(5))
                      .isBefore(started.plus(Duration.ofDays(32))));

      // The same jobs over the same table, with a clock the test moves: a year and a day later.
      Registry live = local.registry();
      HandClock clock = new HandClock(Instant.now());
      Registry travelling =
          new Registry(live.context().store().client(), clock, live.context().config());
      Domain d =
          travelling
              .domainCreate
              .create(
                  Caller.registrar(DemoData.REGISTRAR_ID, "c1", "s1"),
                  new DomainCreate.Command(
                      "sched.test", 1, null, Map.of(), List.of(), List.of(), "x-auth-123", null))
              .domain();
      Path mail = dir.resolve("mail");
      try (LocalScheduler scheduler =
          new LocalScheduler(
              new JobHandler(
                  new FunctionEnvironment(
                      travelling.context(),
                      Map.of("MAIL_FOLDER", mail.toString(), "MAIL_FROM", "registry@nic.test"))),
              FunctionCatalogue.JOB_SCHEDULES,
              clock,
              new PrintStream(out, true))) {
        clock.now = d.expiresAt().minus(Duration.ofDays(7));
        assertThat(changed(scheduler.runNow("notifications"))).isEqualTo(1);
        assertThat(changed(scheduler.runNow("notifications"))).isZero();

        clock.now = d.expiresAt().plus(Duration.ofHours(1));
        List<JobReport> first = scheduler.runNow("auto-renew");
        assertThat(first).extracting(JobReport::segment).containsExactly(0, 1, 2, 3);
        assertThat(changed(first)).isEqualTo(1);
        assertThat(changed(scheduler.runNow("auto-renew"))).isZero();

        // A firing re-arms from its planned time (06:00 the next day) and runs the job.
        var daily = FunctionCatalogue.jobSchedule("notifications").orElseThrow();
        Instant planned =
            clock.now.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plusSeconds(6 * 3600);
        scheduler.fire(daily, planned);
        assertThat(scheduler.nextRuns().get("notifications"))
            .isEqualTo(planned.plus(Duration.ofDays(1)));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (out.toString().split("notifications: 1 segment").length < 4
            && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
      }
      assertThat(travelling.context().domain("sched.test").expiresAt()).isAfter(d.expiresAt());
      try (Stream<Path> files = Files.list(mail)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .singleElement()
            .satisfies(n -> assertThat(n).endsWith(".eml").contains("sched.test"));
      }
      local.printSummary(new PrintStream(out, true));
    }
    assertThat(out.toString())
        .contains("scheduled jobs on the catalogue's schedules; mail in")
        .contains("[jobs] ")
        .contains("auto-renew: 4 segment(s), examined 1, changed 1, failed 0")
        .contains("notifications: 1 segment(s), examined 1, changed 0, failed 0")
        .contains("bin/registry-ops");
  }

  @Test
  void noJobsOptionLeavesTheSchedulerOff() throws Exception {
    var options =
        LocalRegistry.Options.parse(
            new String[] {
              "--in-memory",
              "--no-jobs",
              "--dynamodb-port",
              "0",
              "--epp-port",
              "0",
              "--whois-port",
              "0",
              "--http-port",
              "0"
            });
    assertThat(options.jobs()).isFalse();
    try (LocalRegistry local =
        new LocalRegistry(options).start(new PrintStream(new ByteArrayOutputStream()))) {
      assertThat(local.scheduler()).isNull();
      assertThat(local.mailDir()).isNull();
    }
  }
}
