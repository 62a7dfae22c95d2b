package org.opentld.registry.cdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opentld.registry.functions.FunctionCatalogue;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.TimeZone;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * EventBridge Scheduler schedules from the catalogue, invoking the function's {@code live} alias
 * in UTC: a job of {@link FunctionCatalogue#JOB_SCHEDULES} gets one schedule per segment, each
 * with that segment's input ({@code {"job", "segment", "segments", "params"}}), so the shards
 * run side by side; any other schedule sends {@code {"job": NAME}}. Invocations that still fail after retries land in a
 * dead-letter queue that {@link Observability} alarms on. Jobs are idempotent and resumable, so
 * a retried or doubled invocation changes nothing twice.
 */
public final class Schedules extends Construct {
  /** What the schedules are built from. */
  public record Props(List<FunctionCatalogue.Function> catalogue, RegistryFunctions functions) {
    public static Builder builder() {
      return new Builder();
    }

    /** Builder of {@link Props}. */
    public static final class Builder {
      private List<FunctionCatalogue.Function> catalogue = FunctionCatalogue.ALL;
      private RegistryFunctions functions;

      public Builder catalogue(List<FunctionCatalogue.Function> v) {
        catalogue = v;
        return this;
      }

      public Builder functions(RegistryFunctions v) {
        functions = v;
        return this;
      }

      public Props build() {
        return new Props(catalogue, functions);
      }
    }
  }

  private final Queue deadLetters;
  private final List<Schedule> schedules = new ArrayList<>();

  public Schedules(Construct scope, String id, Props props) {
    super(scope, id);
    deadLetters =
        Queue.Builder.create(this, "DeadLetters")
            .encryption(QueueEncryption.SQS_MANAGED)
            .enforceSsl(true)
            .retentionPeriod(Duration.days(14))
            .build();
    Nag.suppress(
        deadLetters,
        "AwsSolutions-SQS3",
        "This queue is itself the dead-letter queue of the schedules.");
    for (FunctionCatalogue.Function f : props.catalogue()) {
      for (FunctionCatalogue.Schedule s : f.schedules()) {
        var job = FunctionCatalogue.jobSchedule(s.name()).filter(j -> f == FunctionCatalogue.JOBS);
        if (job.isEmpty()) {
          add(props, f, s, ScheduleTargetInput.fromObject(Map.of("job", s.name())), "", s.name());
          continue;
        }
        int segments = job.get().segments();
        for (int i = 0; i < segments; i++) {
          add(
              props,
              f,
              s,
              ScheduleTargetInput.fromText(job.get().input(i)),
              segments == 1 ? "" : "-" + i,
              s.name() + (segments == 1 ? "" : " segment " + i + " of " + segments));
        }
      }
    }
  }

  private void add(
      Props props,
      FunctionCatalogue.Function f,
      FunctionCatalogue.Schedule s,
      ScheduleTargetInput input,
      String idSuffix,
      String description) {
    LambdaInvoke target =
        new LambdaInvoke(
            props.functions().alias(f.name()),
            ScheduleTargetBaseProps.builder()
                .input(input)
                .retryAttempts(3)
                .maxEventAge(Duration.hours(1))
                .deadLetterQueue(deadLetters)
                .build());
    schedules.add(
        Schedule.Builder.create(
                this, RegistryFunctions.constructId(f.name() + "-" + s.name() + idSuffix))
            .description(f.name() + ": " + description)
            .schedule(expression(s.expression()))
            .target(target)
            .build());
  }

  /** A catalogue expression ({@code cron(...)}, {@code rate(...)}, {@code at(...)}) in UTC. */
  static ScheduleExpression expression(String expression) {
    return ScheduleExpression.expression(expression, TimeZone.ETC_UTC);
  }

  public Queue deadLetters() {
    return deadLetters;
  }

  public List<Schedule> schedules() {
    return List.copyOf(schedules);
  }
}
