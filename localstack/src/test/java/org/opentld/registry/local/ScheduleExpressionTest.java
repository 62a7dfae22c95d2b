package org.opentld.registry.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opentld.registry.functions.FunctionCatalogue;

class ScheduleExpressionTest {
  private static final Instant T = Instant.parse("2026-01-15T10:17:42Z"); // a Thursday

  private static Instant next(String expr, Instant after) {
    return ScheduleExpression.parse(expr).next(after);
  }

  @Test
  void everyCatalogueScheduleParses() {
    for (FunctionCatalogue.JobSchedule s : FunctionCatalogue.JOB_SCHEDULES) {
      assertThat(next(s.expression(), T)).as(s.expression()).isAfter(T);
    }
  }

  @Test
  void ratesCountFromTheGivenTime() {
    assertThat(ScheduleExpression.parse("rate(1 hour)"))
        .isEqualTo(new ScheduleExpression.Rate(Duration.ofHours(1)));
    assertThat(next("rate(15 minutes)", T)).isEqualTo(T.plus(Duration.ofMinutes(15)));
    assertThat(next("rate(1 minute)", T)).isEqualTo(T.plus(Duration.ofMinutes(1)));
    assertThat(next("rate(2 days)", T)).isEqualTo(T.plus(Duration.ofDays(2)));
  }

  @Test
  void cronHourlyAndDailyInUtc() {
    assertThat(next("cron(30 * * * ? *)", T)).isEqualTo(Instant.parse("2026-01-15T10:30:00Z"));
    assertThat(next("cron(30 * * * ? *)", Instant.parse("2026-01-15T10:30:00Z")))
        .isEqualTo(Instant.parse("2026-01-15T11:30:00Z"));
    assertThat(next("cron(0 6 * * ? *)", T)).isEqualTo(Instant.parse("2026-01-16T06:00:00Z"));
    assertThat(next("cron(0 6 * * ? *)", Instant.parse("2026-12-31T07:00:00Z")))
        .isEqualTo(Instant.parse("2027-01-01T06:00:00Z"));
  }

  @Test
  void cronListsRangesStepsAndNames() {
    assertThat(next("cron(0/15 * * * ? *)", T)).isEqualTo(Instant.parse("2026-01-15T10:30:00Z"));
    assertThat(next("cron(*/20 9-17 * * ? *)", Instant.parse("2026-01-15T17:45:00Z")))
        .isEqualTo(Instant.parse("2026-01-16T09:00:00Z"));
    // Weekdays only (MON-FRI = 2-6): Friday evening goes to Monday.
    assertThat(next("cron(0 8 ? * MON-FRI *)", Instant.parse("2026-01-16T20:00:00Z")))
        .isEqualTo(Instant.parse("2026-01-19T08:00:00Z"));
    assertThat(next("cron(0 8 ? * 1 *)", T)).isEqualTo(Instant.parse("2026-01-18T08:00:00Z"));
    assertThat(next("cron(0 0 1 JAN,JUL ? *)", T)).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
    assertThat(next("cron(0 12 31 * ? *)", Instant.parse("2026-02-01T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-31T12:00:00Z"));
    assertThat(next("cron(0 0 1 1 ? 2030)", T)).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
  }

  @Test
  void failure_malformedOrUnsupportedExpressionsSayWhy() {
    assertThatThrownBy(() -> ScheduleExpression.parse("rate(1 hours)"))
        .hasMessageContaining("singular");
    assertThatThrownBy(() -> ScheduleExpression.parse("rate(5 minute)"))
        .hasMessageContaining("plural");
    assertThatThrownBy(() -> ScheduleExpression.parse("rate(0 minutes)"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 6 * * *)"))
        .hasMessageContaining("6 fields");
    assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 6 * * * *)"))
        .hasMessageContaining("'?'");
    assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 6 L * ? *)"))
        .hasMessageContaining("not supported");
    assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 6 ? * 2#1 *)"))
        .hasMessageContaining("not supported");
    assertThatThrownBy(() -> ScheduleExpression.parse("cron(60 * * * ? *)"))
        .hasMessageContaining("outside 0-59");
    assertThatThrownBy(() -> ScheduleExpression.parse("at(2026-01-01T00:00:00)"))
        .hasMessageContaining("rate(...) or cron(...)");
    assertThatThrownBy(() -> next("cron(0 0 1 1 ? 2020)", T))
        .isInstanceOf(IllegalStateException.class);
  }
}
