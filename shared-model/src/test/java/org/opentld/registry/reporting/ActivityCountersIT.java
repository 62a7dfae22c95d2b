package org.opentld.registry.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opentld.registry.store.Store;
import org.opentld.registry.testing.TestRegistry;

/** {@link ActivityCounters} against DynamoDB Local. */
class ActivityCountersIT {
  static final YearMonth JAN = YearMonth.of(2026, 1);
  static final YearMonth FEB = YearMonth.of(2026, 2);

  final TestRegistry t = new TestRegistry();
  final Store store = t.ctx.store();

  @Test
  void success_flushAddsCountsPerTldAndMonth_andReadFindsEveryTld() {
    ActivityCounters c = new ActivityCounters(store, t.clock, "EPP");
    c.increment("test", "domain:create");
    c.increment("test", "domain:create");
    c.increment("example", "domain:check");
    c.increment(null, "login");
    c.add(null, "host:create", 3);

    assertThat(c.flush()).isEqualTo(3);
    assertThat(c.pending()).isEmpty();
    assertThat(c.read("test", JAN)).containsEntry("domain:create", 2L).hasSize(1);
    assertThat(c.read(ActivityCounters.ALL_TLDS, JAN))
        .containsEntry("login", 1L).containsEntry("host:create", 3L).hasSize(2);
    Map<String, Map<String, Long>> month = c.read(JAN);
    assertThat(month.keySet()).containsExactly("*", "example", "test");
    assertThat(month.get("example")).containsExactly(Map.entry("domain:check", 1L));

    // A second flush adds to the stored numbers rather than replacing them.
    c.increment("test", "domain:create");
    assertThat(c.flush()).as("the TLD item and the * item that lists it").isEqualTo(2);
    assertThat(c.read("test", JAN)).containsEntry("domain:create", 3L);
    assertThat(c.read(ActivityCounters.ALL_TLDS, JAN)).containsEntry("login", 1L);
    assertThat(c.flush()).as("nothing pending").isZero();
  }

  @Test
  void success_countsBelongToTheMonthTheyHappenedIn() {
    ActivityCounters c = new ActivityCounters(store, t.clock, "EPP");
    t.clock.set(Instant.parse("2026-01-31T23:59:59Z"));
    c.increment("test", "domain:renew");
    t.clock.set(Instant.parse("2026-02-01T00:00:00Z"));
    c.increment("test", "domain:renew");
    c.increment("test", "domain:renew");
    c.flush();
    assertThat(c.read("test", JAN)).containsEntry("domain:renew", 1L);
    assertThat(c.read("test", FEB)).containsEntry("domain:renew", 2L);
    assertThat(c.read(YearMonth.of(2026, 3))).isEmpty();
  }

  @Test
  void success_serversCountingConcurrentlyLoseNothing() throws Exception {
    List<ActivityCounters> servers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      servers.add(new ActivityCounters(store, t.clock, "EPP"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> work = new ArrayList<>();
    for (int thread = 0; thread < 8; thread++) {
      ActivityCounters c = servers.get(thread % 4);
      work.add(pool.submit(() -> {
        for (int i = 0; i < 250; i++) {
          c.increment("test", "domain:check");
          if (i % 50 == 0) {
            c.flush();
          }
        }
      }));
    }
    for (Future<?> f : work) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    servers.forEach(ActivityCounters::close);
    assertThat(servers.get(0).read("test", JAN)).containsEntry("domain:check", 2000L);
  }

  @Test
  void failure_aFailedFlushKeepsItsCountsForTheNextOne() {
    Store missing = new Store(t.ddb, t.table + "no-such-table");
    ActivityCounters c = new ActivityCounters(missing, t.clock, "EPP");
    c.increment("test", "domain:delete");
    c.increment("test", "domain:delete");
    assertThat(c.flush()).isZero();
    c.increment("test", "domain:delete");
    assertThat(c.pending())
        .containsEntry("STATS#test#2026-01", Map.of("domain:delete", 3L))
        .containsKey("STATS#*#2026-01");
    assertThat(new ActivityCounters(store, t.clock, "EPP").read(JAN)).isEmpty();
  }

  @Test
  void success_closeFlushesAndThePeriodicFlushRuns() throws Exception {
    ActivityCounters c = new ActivityCounters(store, t.clock, "WHOIS").start(Duration.ofMillis(50));
    c.increment(null, "whois-43-queries");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    // pending() empties when a flush takes the batch, before its write lands: wait for the item
    while (!c.read("*", JAN).containsKey("whois-43-queries") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(c.pending()).isEmpty();
    assertThat(c.read("*", JAN)).containsEntry("whois-43-queries", 1L);
    c.increment(null, "whois-43-queries");
    c.close();
    assertThat(c.read("*", JAN)).containsEntry("whois-43-queries", 2L);
    assertThat(new ActivityCounters(store, t.clock, "EPP").read("*", JAN))
        .as("sources are separate items").isEmpty();
  }

  @Test
  void failure_badNamesAreRefused() {
    assertThatThrownBy(() -> new ActivityCounters(store, t.clock, "epp lower"))
        .isInstanceOf(IllegalArgumentException.class);
    ActivityCounters c = new ActivityCounters(store, t.clock, "EPP");
    assertThatThrownBy(() -> c.increment("test", "tlds"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.increment("test", ""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
