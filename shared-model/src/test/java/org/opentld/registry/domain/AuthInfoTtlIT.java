package org.opentld.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.testing.TestRegistry;

/** RFC 9154 §4.2: a domain's authInfo works for the TLD's time to live (30 days here). */
class AuthInfoTtlIT {
  private final TestRegistry t = TestRegistry.seeded();

  AuthInfoTtlIT() {
    var tld = t.registry.tlds.find("test").orElseThrow();
    t.registry.tlds.update(
        org.opentld.registry.common.Caller.admin("root", "SV-TTL"), tld.withAuthInfoTtlDays(30));
  }

  private DomainTransfer.Request request(String authInfo) {
    return new DomainTransfer.Request("ttl.test", 1, authInfo, null);
  }

  @Test
  void expiredAuthInfoNoLongerAuthorizes_andANewOneDoes() {
    Domain d = t.createDomain("reg-a", "ttl.test", 1);
    assertThat(d.authInfoExpiresAt()).isEqualTo(TestRegistry.START.plus(Duration.ofDays(30)));
    assertThat(t.registry.domainInfo.info(TestRegistry.as("reg-b"), "ttl.test", "secret-auth-1").full())
        .isTrue();

    t.clock.advance(Duration.ofDays(61));
    assertThatThrownBy(() -> t.registry.domainInfo.info(TestRegistry.as("reg-b"), "ttl.test", "secret-auth-1"))
        .isInstanceOf(RegistryException.InvalidAuthInfo.class);
    assertThatThrownBy(() -> t.registry.domainTransfer.request(TestRegistry.as("reg-b"), request("secret-auth-1")))
        .isInstanceOf(RegistryException.InvalidAuthInfo.class);
    assertThat(t.ctx.domain("ttl.test").transferPending()).isFalse();
    assertThat(t.balance("reg-b")).isEqualTo(100_000);

    t.registry.domainUpdate.update(
        TestRegistry.as("reg-a"),
        new DomainUpdate.Command(
            "ttl.test", List.of(), List.of(), List.of(), List.of(), Set.of(), Set.of(), null,
            "fresh-auth-2", List.of(), List.of(), false));
    assertThat(t.ctx.domain("ttl.test").authInfoExpiresAt())
        .isEqualTo(t.clock.instant().plus(Duration.ofDays(30)));
    DomainTransfer.Result r =
        t.registry.domainTransfer.request(TestRegistry.as("reg-b"), request("fresh-auth-2"));
    assertThat(r.transfer().pending()).isTrue();
  }

  @Test
  void approvedTransferClearsTheAuthInfoAndItsExpiry() {
    t.createDomain("reg-a", "ttl.test", 1);
    t.clock.advance(Duration.ofDays(61));
    t.registry.domainUpdate.update(
        TestRegistry.as("reg-a"),
        new DomainUpdate.Command(
            "ttl.test", List.of(), List.of(), List.of(), List.of(), Set.of(), Set.of(), null,
            "fresh-auth-2", List.of(), List.of(), false));
    t.clock.advance(Duration.ofDays(1));
    t.registry.domainTransfer.request(TestRegistry.as("reg-b"), request("fresh-auth-2"));
    t.registry.domainTransfer.approve(TestRegistry.as("reg-a"), "ttl.test");
    Domain after = t.ctx.domain("ttl.test");
    assertThat(after.registrarId()).isEqualTo("reg-b");
    assertThat(after.authInfoHash()).isNull();
    assertThat(after.authInfoExpiresAt()).isNull();
  }
}
