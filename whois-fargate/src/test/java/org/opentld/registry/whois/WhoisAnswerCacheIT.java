package org.opentld.registry.whois;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opentld.registry.lookup.PublicLookup;
import org.opentld.registry.testing.TestRegistry;

class WhoisAnswerCacheIT {
  private final TestRegistry t = TestRegistry.seeded();

  private WhoisResponder responder(Duration ttl) {
    return new WhoisResponder(
        new PublicLookup(t.ctx), t.clock, new WhoisFormat(WhoisConfig.DEFAULT_TERMS), ttl);
  }

  private WhoisResponder.Outcome ask(WhoisResponder r, String name) {
    return r.answer(new WhoisQuery(WhoisQuery.Kind.DOMAIN, name)).outcome();
  }

  @Test
  void cachedAnswerIsServedUntilItsTimeRunsOut() {
    WhoisResponder cached = responder(Duration.ofSeconds(60));
    assertThat(ask(cached, "fresh.test")).isEqualTo(WhoisResponder.Outcome.NOT_FOUND);
    t.createDomain("reg-a", "fresh.test", 1);

    assertThat(ask(cached, "FRESH.test"))
        .as("within the TTL the cached answer stands, whatever the case of the query")
        .isEqualTo(WhoisResponder.Outcome.NOT_FOUND);
    t.clock.advance(Duration.ofSeconds(61));
    assertThat(ask(cached, "fresh.test")).isEqualTo(WhoisResponder.Outcome.FOUND);
  }

  @Test
  void withoutCacheEveryAnswerIsFresh() {
    WhoisResponder uncached = responder(Duration.ZERO);
    assertThat(ask(uncached, "now.test")).isEqualTo(WhoisResponder.Outcome.NOT_FOUND);
    t.createDomain("reg-a", "now.test", 1);
    assertThat(ask(uncached, "now.test")).isEqualTo(WhoisResponder.Outcome.FOUND);
  }

  @Test
  void invalidQueriesAreNotCached() {
    WhoisResponder cached = responder(Duration.ofSeconds(60));
    assertThat(ask(cached, "-bad.test")).isEqualTo(WhoisResponder.Outcome.INVALID);
    assertThat(ask(cached, "-bad.test")).isEqualTo(WhoisResponder.Outcome.INVALID);
  }
}
