package org.opentld.registry.functions.jobs;

import java.time.Instant;
import org.opentld.registry.common.Caller;
import org.opentld.registry.lifecycle.AutoRenew;
import org.opentld.registry.lifecycle.LifecycleShards;

/**
 * Renews expired domains (registry-rules "Lifecycle": auto-renew at expiry): the shard's names from
 * the expiry index over the last {@code lookback-days} (default {@link
 * AutoRenew#DEFAULT_LOOKBACK_DAYS}, so that a domain left unrenewed for lack of funds is retried),
 * each handed to {@link AutoRenew#renewIfDue}, which decides and charges once.
 */
public final class AutoRenewJob implements Job {
  public static final String NAME = "auto-renew";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "renews expired domains for one year and charges the sponsor (RFC 3915 autoRenewPeriod)";
  }

  @Override
  public JobReport run(JobRun run) {
    Shard shard = new Shard(NAME, run);
    int lookback =
        Integer.parseInt(run.param("lookback-days", "" + AutoRenew.DEFAULT_LOOKBACK_DAYS));
    Instant from = LifecycleShards.startOfDayBefore(run.now(), lookback);
    var names =
        new LifecycleShards(run.registry().context())
            .expiring(from, run.now(), run.segment(), run.segments());
    Caller system = shard.caller();
    shard.each(
        names,
        n -> n,
        n -> {
          AutoRenew.Result r = run.registry().autoRenew.renewIfDue(system, n);
          if (r.outcome() == AutoRenew.Outcome.FUNDS_SHORT) {
            // Not a failure of the job: the rule keeps the domain and retries on later runs.
            shard.note(
                n + ": not renewed, sponsor " + r.domain().registrarId() + " lacks " + r.fee());
          }
          return r.outcome() == AutoRenew.Outcome.RENEWED;
        });
    return shard.report();
  }
}
