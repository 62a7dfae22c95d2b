package org.opentld.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentld.registry.domain.Domain.ContactType.ADMIN;
import static org.opentld.registry.domain.Domain.ContactType.BILLING;
import static org.opentld.registry.domain.Domain.ContactType.TECH;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.store.Keys;
import org.opentld.registry.testing.LifecycleFixtures;
import org.opentld.registry.testing.TestRegistry;
import org.opentld.registry.tld.Tld;

class DomainUpdateIT {
  private static final DsData DS1 = new DsData(12345, 13, 2, "AB".repeat(32));
  private static final DsData DS2 = new DsData(54321, 13, 2, "CD".repeat(32));

  private TestRegistry t;
  private LifecycleFixtures f;
  private DomainUpdate update;
  private final Caller a = TestRegistry.as("reg-a");

  @BeforeEach
  void setUp() {
    t = TestRegistry.seeded();
    f = new LifecycleFixtures(t);
    update = new DomainUpdate(t.ctx);
    for (String h : List.of("ns1.example.net", "ns2.example.net", "ns3.example.net")) {
      f.host("reg-a", h);
    }
    for (String c : List.of("c-one", "c-two", "c-three")) {
      f.contact("reg-a", c);
    }
    f.domain("reg-a", "upd.test", 1, "c-one", Map.of(ADMIN, "c-two"), List.of("ns1.example.net"));
  }

  @AfterEach
  void ledgersStillBalance() {
    f.assertLedgersBalance();
  }

  /** An empty command for upd.test, changed by the test with the record's wither-like copy. */
  private static DomainUpdate.Command cmd(
      List<String> addNs,
      List<String> remNs,
      List<DomainUpdate.ContactRef> addC,
      List<DomainUpdate.ContactRef> remC,
      Set<StatusValue> addS,
      Set<StatusValue> remS) {
    return new DomainUpdate.Command(
        "upd.test", addNs, remNs, addC, remC, addS, remS, null, null, null, null, false);
  }

  private static DomainUpdate.Command addNs(String... hosts) {
    return cmd(List.of(hosts), null, null, null, null, null);
  }

  private static DomainUpdate.Command remNs(String... hosts) {
    return cmd(null, List.of(hosts), null, null, null, null);
  }

  private static DomainUpdate.Command addStatus(StatusValue... s) {
    return cmd(null, null, null, null, Set.of(s), null);
  }

  private static DomainUpdate.Command remStatus(StatusValue... s) {
    return cmd(null, null, null, null, null, Set.of(s));
  }

  private static DomainUpdate.Command ds(List<DsData> add, List<DsData> rem, boolean remAll) {
    return new DomainUpdate.Command(
        "upd.test", null, null, null, null, null, null, null, null, add, rem, remAll);
  }

  @Test
  void success_changesEveryPartInOneVersionWithHistory() {
    Domain before = t.ctx.domain("upd.test");
    DomainUpdate.Command c =
        new DomainUpdate.Command(
            "UPD.test",
            List.of("ns2.example.net"),
            List.of("ns1.example.net"),
            List.of(new DomainUpdate.ContactRef(TECH, "c-three")),
            List.of(),
            Set.of(StatusValue.CLIENT_HOLD, StatusValue.CLIENT_DELETE_PROHIBITED),
            Set.of(),
            "c-two",
            "new-auth-code-9",
            List.of(DS1),
            List.of(),
            false);
    Domain d = update.update(a, c).domain();

    Domain stored = t.ctx.domain("upd.test");
    assertThat(stored).isEqualTo(d);
    assertThat(stored.version()).isEqualTo(before.version() + 1);
    assertThat(stored.nameservers()).containsExactly("ns2.example.net");
    assertThat(stored.contacts()).isEqualTo(Map.of(ADMIN, "c-two", TECH, "c-three"));
    assertThat(stored.registrant()).isEqualTo("c-two");
    assertThat(stored.statuses())
        .containsExactlyInAnyOrder(StatusValue.CLIENT_HOLD, StatusValue.CLIENT_DELETE_PROHIBITED);
    assertThat(stored.dsData()).containsExactly(DS1);
    assertThat(DomainRules.authInfoMatches(stored, "new-auth-code-9", t.clock.instant())).isTrue();
    assertThat(DomainRules.authInfoMatches(stored, "secret-auth-1", t.clock.instant())).isFalse();
    assertThat(stored.updatedBy()).isEqualTo("reg-a");
    // Links follow use: ns1 and c-one left, ns2 and c-three arrived, c-two stays once.
    assertThat(f.hostLinks("ns1.example.net")).isZero();
    assertThat(f.linkItems(Keys.host("ns1.example.net"))).isEmpty();
    assertThat(f.hostLinks("ns2.example.net")).isEqualTo(1);
    assertThat(f.linkItems(Keys.host("ns2.example.net"))).containsExactly("upd.test");
    assertThat(f.contactLinks("c-one")).isZero();
    assertThat(f.contactLinks("c-two")).isEqualTo(1);
    assertThat(f.contactLinks("c-three")).isEqualTo(1);
    assertThat(f.historyActions(stored.roid())).containsExactlyInAnyOrder("create", "update");
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - 1000);
  }

  @Test
  void success_contactInTwoRolesKeepsOneLinkUntilNoRoleUsesIt() {
    update.update(a, cmd(null, null, List.of(new DomainUpdate.ContactRef(TECH, "c-two")), null, null, null));
    assertThat(f.contactLinks("c-two")).isEqualTo(1);
    assertThat(f.linkItems(Keys.contact("c-two"))).containsExactly("upd.test");

    update.update(a, cmd(null, null, null, List.of(new DomainUpdate.ContactRef(ADMIN, "c-two")), null, null));
    assertThat(f.contactLinks("c-two")).isEqualTo(1);

    // Moving between roles in one command neither links nor unlinks.
    update.update(
        a,
        cmd(null, null,
            List.of(new DomainUpdate.ContactRef(BILLING, "c-two")),
            List.of(new DomainUpdate.ContactRef(TECH, "c-two")), null, null));
    assertThat(t.ctx.domain("upd.test").contacts()).isEqualTo(Map.of(BILLING, "c-two"));
    assertThat(f.contactLinks("c-two")).isEqualTo(1);

    // The registrant also uses c-one: adding it as admin adds no second link.
    update.update(a, cmd(null, null, List.of(new DomainUpdate.ContactRef(ADMIN, "c-one")), null, null, null));
    assertThat(f.contactLinks("c-one")).isEqualTo(1);

    update.update(a, cmd(null, null, null, List.of(new DomainUpdate.ContactRef(BILLING, "c-two")), null, null));
    assertThat(f.contactLinks("c-two")).isZero();
    assertThat(f.linkItems(Keys.contact("c-two"))).isEmpty();
  }

  @Test
  void success_secDnsAddRemoveAndRemoveAll() {
    update.update(a, ds(List.of(DS1, DS2), null, false));
    assertThat(t.ctx.domain("upd.test").dsData()).containsExactly(DS1, DS2);
    update.update(a, ds(null, List.of(DS1), false));
    assertThat(t.ctx.domain("upd.test").dsData()).containsExactly(DS2);
    update.update(a, ds(List.of(DS1), null, true));
    assertThat(t.ctx.domain("upd.test").dsData()).containsExactly(DS1);
  }

  @Test
  void success_clientMayLiftItsOwnUpdateLock() {
    update.update(a, addStatus(StatusValue.CLIENT_UPDATE_PROHIBITED));

    f.assertUnchanged("upd.test", () -> update.update(a, addNs("ns2.example.net")),
        ResultCode.STATUS_PROHIBITS_OPERATION);
    // Unlocking and changing in the same command is refused too.
    f.assertUnchanged("upd.test",
        () -> update.update(a, cmd(List.of("ns2.example.net"), null, null, null, null,
            Set.of(StatusValue.CLIENT_UPDATE_PROHIBITED))),
        ResultCode.STATUS_PROHIBITS_OPERATION);

    update.update(a, remStatus(StatusValue.CLIENT_UPDATE_PROHIBITED));
    assertThat(t.ctx.domain("upd.test").statuses()).isEmpty();
    update.update(a, addNs("ns2.example.net"));
    assertThat(t.ctx.domain("upd.test").nameservers()).hasSize(2);
  }

  @Test
  void failure_serverStatusesAreTheRegistrys() {
    f.assertUnchanged("upd.test", () -> update.update(a, addStatus(StatusValue.SERVER_HOLD)),
        ResultCode.PARAMETER_VALUE_POLICY);
    f.assertUnchanged("upd.test", () -> update.update(a, addStatus(StatusValue.PENDING_DELETE)),
        ResultCode.PARAMETER_VALUE_POLICY);

    Caller admin = Caller.admin("ops", "SV-ADMIN");
    update.update(admin, addStatus(StatusValue.SERVER_UPDATE_PROHIBITED));
    assertThat(t.ctx.domain("upd.test").statuses())
        .containsExactly(StatusValue.SERVER_UPDATE_PROHIBITED);
    // The registrar can neither change the domain nor lift the server lock.
    f.assertUnchanged("upd.test", () -> update.update(a, addNs("ns2.example.net")),
        ResultCode.STATUS_PROHIBITS_OPERATION);
    f.assertUnchanged("upd.test",
        () -> update.update(a, remStatus(StatusValue.SERVER_UPDATE_PROHIBITED)),
        ResultCode.PARAMETER_VALUE_POLICY);
    update.update(admin, remStatus(StatusValue.SERVER_UPDATE_PROHIBITED));
    assertThat(t.ctx.domain("upd.test").statuses()).isEmpty();
  }

  @Test
  void failure_clientStatusTheTldDoesNotOfferIs2306() {
    Tld tld = t.registry.tlds.find("test").orElseThrow();
    t.registry.tlds.update(
        Caller.admin("ops", "SV-TLD"),
        new Tld(tld.name(), tld.currency(), tld.addGraceDays(), tld.renewGraceDays(),
            tld.autoRenewGraceDays(), tld.transferGraceDays(), tld.redemptionDays(),
            tld.pendingDeleteDays(), tld.restoreReportDays(), tld.pendingTransferDays(),
            tld.transferLockDays(), tld.minPeriodYears(), tld.maxPeriodYears(),
            tld.maxExpiryYears(), tld.maxCheckNames(), tld.maxNameservers(),
            tld.maxHostAddresses(), tld.maxDsRecords(), tld.authInfoTtlDays(), tld.prices(), tld.idnTables(),
            EnumSet.of(StatusValue.CLIENT_DELETE_PROHIBITED), tld.createdAt(), tld.version()));
    f.assertUnchanged("upd.test", () -> update.update(a, addStatus(StatusValue.CLIENT_HOLD)),
        ResultCode.PARAMETER_VALUE_POLICY);
    update.update(a, addStatus(StatusValue.CLIENT_DELETE_PROHIBITED));
  }

  @Test
  void failure_addingPresentOrRemovingAbsentIs2306() {
    update.update(a, ds(List.of(DS1), null, false));
    update.update(a, addStatus(StatusValue.CLIENT_HOLD));
    var present = new DomainUpdate.ContactRef(ADMIN, "c-two");
    var absent = new DomainUpdate.ContactRef(TECH, "c-three");
    List<DomainUpdate.Command> bad =
        List.of(
            addNs("ns1.example.net"),
            remNs("ns2.example.net"),
            addStatus(StatusValue.CLIENT_HOLD),
            remStatus(StatusValue.CLIENT_DELETE_PROHIBITED),
            cmd(null, null, List.of(present), null, null, null),
            cmd(null, null, null, List.of(absent), null, null),
            // One contact per role: a second admin needs the first one removed.
            cmd(null, null, List.of(new DomainUpdate.ContactRef(ADMIN, "c-three")), null, null, null),
            ds(List.of(DS1), null, false),
            ds(null, List.of(DS2), false));
    for (DomainUpdate.Command c : bad) {
      f.assertUnchanged("upd.test", () -> update.update(a, c), ResultCode.PARAMETER_VALUE_POLICY);
    }
    assertThat(f.contactLinks("c-three")).isZero();
  }

  @Test
  void failure_tooManyNameserversOrDsRecordsIs2004() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      String h = "ns" + i + ".many.example";
      f.host("reg-b", h);
      many.add(h);
    }
    f.assertUnchanged("upd.test", () -> update.update(a, addNs(many.toArray(String[]::new))),
        ResultCode.PARAMETER_VALUE_RANGE);
    List<DsData> nine = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      nine.add(new DsData(i, 13, 2, "0" + i + "AB".repeat(31)));
    }
    f.assertUnchanged("upd.test", () -> update.update(a, ds(nine, null, false)),
        ResultCode.PARAMETER_VALUE_RANGE);
    assertThat(f.hostLinks("ns0.many.example")).isZero();
  }

  @Test
  void failure_missingDomainHostOrContactIs2303() {
    f.assertUnchanged("nope.test",
        () -> update.update(a, new DomainUpdate.Command("nope.test", null, null, null, null,
            Set.of(StatusValue.CLIENT_HOLD), null, null, null, null, null, false)),
        ResultCode.OBJECT_DOES_NOT_EXIST);
    f.assertUnchanged("upd.test", () -> update.update(a, addNs("ns9.nowhere.example")),
        ResultCode.OBJECT_DOES_NOT_EXIST);
    f.assertUnchanged("upd.test",
        () -> update.update(a, cmd(null, null, List.of(new DomainUpdate.ContactRef(TECH, "ghost")),
            null, null, null)),
        ResultCode.OBJECT_DOES_NOT_EXIST);
    f.assertUnchanged("upd.test",
        () -> update.update(a, new DomainUpdate.Command("upd.test", null, null, null, null, null,
            null, "ghost", null, null, null, false)),
        ResultCode.OBJECT_DOES_NOT_EXIST);
  }

  @Test
  void failure_notSponsorIs2201() {
    f.assertUnchanged("upd.test",
        () -> update.update(TestRegistry.as("reg-b"), addStatus(StatusValue.CLIENT_HOLD)),
        ResultCode.AUTHORIZATION_ERROR);
  }

  @Test
  void failure_deletedOrPendingTransferIs2304() {
    f.rewrite("upd.test", b -> b.transfer(new PendingTransfer(
        PendingTransfer.TransferStatus.PENDING, "reg-b", t.clock.instant(), "reg-a",
        t.clock.instant().plusSeconds(5 * 86400), 1, null, null)));
    f.assertUnchanged("upd.test", () -> update.update(a, addStatus(StatusValue.CLIENT_HOLD)),
        ResultCode.STATUS_PROHIBITS_OPERATION);

    Instant now = t.clock.instant();
    f.rewrite("upd.test", b -> b.transfer(null).deletedAt(now)
        .redemptionEndsAt(now.plusSeconds(30 * 86400)).purgeAt(now.plusSeconds(35 * 86400)));
    f.assertUnchanged("upd.test", () -> update.update(a, addStatus(StatusValue.CLIENT_HOLD)),
        ResultCode.STATUS_PROHIBITS_OPERATION);
  }

  @Test
  void concurrency_sixteenWritersAddingDistinctValuesLoseNone() throws Exception {
    List<String> hosts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String h = "ns" + i + ".race.example";
      f.host("reg-b", h);
      hosts.add(h);
    }
    List<StatusValue> statuses =
        List.of(StatusValue.CLIENT_HOLD, StatusValue.CLIENT_DELETE_PROHIBITED,
            StatusValue.CLIENT_RENEW_PROHIBITED, StatusValue.CLIENT_TRANSFER_PROHIBITED);
    List<DomainUpdate.Command> cmds = new ArrayList<>();
    hosts.forEach(h -> cmds.add(addNs(h)));
    statuses.forEach(s -> cmds.add(addStatus(s)));
    assertThat(cmds).hasSize(16);

    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (DomainUpdate.Command c : cmds) {
      done.add(pool.submit(() -> {
        start.await();
        return update.update(TestRegistry.as("reg-a"), c);
      }));
    }
    start.countDown();
    for (Future<?> fut : done) {
      fut.get();
    }
    pool.shutdown();

    Domain d = t.ctx.domain("upd.test");
    assertThat(d.nameservers()).hasSize(13).containsAll(hosts).contains("ns1.example.net");
    assertThat(d.statuses()).containsExactlyInAnyOrderElementsOf(statuses);
    assertThat(d.version()).isEqualTo(1 + 16);
    for (String h : hosts) {
      assertThat(f.hostLinks(h)).isEqualTo(1);
    }
    assertThat(f.historyActions(d.roid())).hasSize(17);
  }
}
