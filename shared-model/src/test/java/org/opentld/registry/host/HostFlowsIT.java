package org.opentld.registry.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainCreate;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.history.HistoryRecord;
import org.opentld.registry.lookup.PublicLookup;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.Tx;
import org.opentld.registry.testing.TestRegistry;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class HostFlowsIT {
  private static final Caller ADMIN = Caller.admin("root", "SV-ADMIN");
  private static final String V4 = "193.0.14.129";
  private static final String V4B = "8.8.8.8";
  private static final String V6 = "2001:4860::8888";

  private TestRegistry t;
  private HostCheck check;
  private HostInfo info;
  private HostCreate create;
  private HostUpdate update;
  private HostDelete delete;
  private ExecutorService pool;
  private final Caller a = TestRegistry.as("reg-a");
  private final Caller b = TestRegistry.as("reg-b");

  @BeforeEach
  void setUp() {
    t = TestRegistry.seeded();
    check = new HostCheck(t.ctx);
    info = new HostInfo(t.ctx);
    create = new HostCreate(t.ctx);
    update = new HostUpdate(t.ctx);
    delete = new HostDelete(t.ctx);
    t.createDomain("reg-a", "example.test", 1);
    t.createDomain("reg-a", "second.test", 1);
    t.createDomain("reg-b", "other.test", 1);
  }

  @AfterEach
  void tearDown() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  // ---- helpers --------------------------------------------------------------------------

  private Host host(Caller c, String name, String... addresses) {
    return create.create(c, new HostCreate.Command(name, List.of(addresses))).host();
  }

  private HostUpdate.Command upd(String name) {
    return new HostUpdate.Command(name, null, null, null, null, null);
  }

  private static HostUpdate.Command addrs(String name, List<String> add, List<String> rem) {
    return new HostUpdate.Command(name, add, rem, null, null, null);
  }

  private static HostUpdate.Command status(
      String name, Set<StatusValue> add, Set<StatusValue> rem) {
    return new HostUpdate.Command(name, null, null, add, rem, null);
  }

  private static HostUpdate.Command rename(
      String name, String to, List<String> add, List<String> rem) {
    return new HostUpdate.Command(name, add, rem, null, null, to);
  }

  private Domain domainWithNs(Caller c, String name, String... hosts) {
    return new DomainCreate(t.ctx)
        .create(
            c,
            new DomainCreate.Command(
                name, 1, null, Map.of(), List.of(hosts), List.of(), "auth-code-1", null))
        .domain();
  }

  /** Every item of the table: a failed command must leave this exactly as it was. */
  private Set<Map<String, AttributeValue>> snapshot() {
    Set<Map<String, AttributeValue>> items = new HashSet<>();
    t.ddb
        .scanPaginator(r -> r.tableName(t.ctx.store().table()).consistentRead(true))
        .items()
        .forEach(items::add);
    return items;
  }

  private void assertRefused(ResultCode code, ThrowingCallable command) {
    Set<Map<String, AttributeValue>> before = snapshot();
    assertThatThrownBy(command)
        .isInstanceOf(RegistryException.class)
        .extracting(e -> ((RegistryException) e).code())
        .isEqualTo(code);
    assertThat(snapshot()).as("stored state after a refused command").isEqualTo(before);
  }

  private List<HistoryRecord> history(String roid) {
    return t.ctx.store().queryPrefix(Keys.history(roid), "", 100).stream()
        .map(Items::history)
        .toList();
  }

  private boolean linkCounterExists(String host) {
    return t.ctx.store().get(Keys.host(host), Keys.LINKS).isPresent();
  }

  // ---- check ----------------------------------------------------------------------------

  @Test
  void success_checkAnswersInUseFreeAndMalformed() {
    host(a, "ns1.example.test", V4);
    List<HostCheck.Result> r =
        check.check(List.of("NS1.Example.TEST", "ns2.example.test", "-bad.test"));
    assertThat(r)
        .extracting(HostCheck.Result::name)
        .containsExactly("ns1.example.test", "ns2.example.test", "-bad.test");
    assertThat(r).extracting(HostCheck.Result::available).containsExactly(false, true, false);
    assertThat(r.get(0).reason()).isEqualTo("In use");
    assertThat(r.get(1).reason()).isNull();
    assertThat(r.get(2).reason()).contains("hyphen");
  }

  @Test
  void failure_checkOfMoreThan50Is2004_noneIs2003() {
    List<String> names =
        IntStream.rangeClosed(1, 51).mapToObj(i -> "ns" + i + ".example.test").toList();
    assertThat(check.check(names.subList(0, 50))).hasSize(50);
    assertRefused(ResultCode.PARAMETER_VALUE_RANGE, () -> check.check(names));
    assertRefused(ResultCode.MISSING_PARAMETER, () -> check.check(List.of()));
  }

  // ---- info -----------------------------------------------------------------------------

  @Test
  void success_anyRegistrarSeesHostAndLinkedStatus() {
    host(a, "ns1.example.test", V4, V6);
    HostInfo.Result r = info.info(b, "NS1.example.test");
    assertThat(r.host().name()).isEqualTo("ns1.example.test");
    assertThat(r.host().registrarId()).isEqualTo("reg-a");
    assertThat(r.host().inetV4()).containsExactly(V4);
    assertThat(r.host().inetV6()).containsExactly(V6);
    assertThat(r.statuses()).containsExactly(StatusValue.OK);

    domainWithNs(b, "user.test", "ns1.example.test");
    HostInfo.Result linked = info.info(b, "ns1.example.test");
    assertThat(linked.host().linkCount()).isEqualTo(1);
    // RFC 5732 §2.3: ok may be combined with linked, and only with it.
    assertThat(linked.statuses()).containsExactlyInAnyOrder(StatusValue.OK, StatusValue.LINKED);
  }

  @Test
  void failure_infoOfUnknownHostIs2303_malformedIs2005() {
    assertRefused(ResultCode.OBJECT_DOES_NOT_EXIST, () -> info.info(a, "ns9.example.test"));
    assertRefused(ResultCode.PARAMETER_VALUE_SYNTAX, () -> info.info(a, "ns_1.example.test"));
  }

  // ---- create ---------------------------------------------------------------------------

  @Test
  void success_subordinateHostJoinsItsDomainWithNormalisedGlue() {
    Host h = host(a, "NS1.dc.Example.test", V4, "2001:4860:0:0:0:0:0:8888", V4, " " + V4B);

    assertThat(h.name()).isEqualTo("ns1.dc.example.test");
    assertThat(h.superordinateDomain()).isEqualTo("example.test");
    assertThat(h.roid()).matches("[0-9A-F]{22}-TEST");
    Host stored = t.ctx.host("ns1.dc.example.test");
    assertThat(stored).isEqualTo(h);
    assertThat(stored.inetV4()).containsExactly(V4, V4B);
    assertThat(stored.inetV6()).containsExactly(V6);
    assertThat(stored.registrarId()).isEqualTo("reg-a");
    assertThat(stored.createdAt()).isEqualTo(TestRegistry.START);
    assertThat(stored.linkCount()).isZero();
    assertThat(linkCounterExists("ns1.dc.example.test")).isTrue();
    Domain d = t.ctx.domain("example.test");
    assertThat(d.subordinateHosts()).containsExactly("ns1.dc.example.test");
    assertThat(d.version()).isEqualTo(2);
    assertThat(history(h.roid()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.action()).isEqualTo("create");
              assertThat(r.objectType()).isEqualTo("host");
              assertThat(r.before()).isNull();
              assertThat(r.after().get("name").asText()).isEqualTo("ns1.dc.example.test");
            });
    assertThat(t.balance("reg-a")).isEqualTo(100_000 - 2 * 1000);
  }

  @Test
  void success_externalHostHasNoAddressesAndTouchesNoDomain() {
    Domain before = t.ctx.domain("example.test");
    Host h = host(b, "ns1.example.com");
    assertThat(h.subordinate()).isFalse();
    assertThat(h.inetV4()).isEmpty();
    assertThat(t.ctx.host("ns1.example.com").registrarId()).isEqualTo("reg-b");
    assertThat(t.ctx.domain("example.test")).isEqualTo(before);
    // A name under an unknown TLD that merely ends like ours is external too.
    assertThat(host(b, "ns1.example.testing").subordinate()).isFalse();
  }

  @Test
  void success_registryCreatesSubordinateHostForTheDomainsSponsor() {
    Host h = host(ADMIN, "ns1.other.test", V4);
    assertThat(h.registrarId()).isEqualTo("reg-b");
    assertThat(h.createdBy()).isEqualTo("registry");
  }

  @Test
  void failure_malformedNameOrAddressIs2005() {
    assertRefused(ResultCode.PARAMETER_VALUE_SYNTAX, () -> host(a, "ns1..example.test", V4));
    assertRefused(ResultCode.PARAMETER_VALUE_SYNTAX, () -> host(a, "ns1.example.test", "1.2.3"));
    assertRefused(
        ResultCode.PARAMETER_VALUE_SYNTAX, () -> host(a, "ns1.example.test", "ns.example.com"));
  }

  @Test
  void failure_nameTakenIs2302() {
    host(a, "ns1.example.test", V4);
    host(a, "ns1.example.com");
    assertRefused(ResultCode.OBJECT_EXISTS, () -> host(a, "NS1.example.test", V4B));
    assertRefused(ResultCode.OBJECT_EXISTS, () -> host(b, "ns1.example.com"));
  }

  @Test
  void failure_superordinateMissingIs2303_otherRegistrarsIs2201() {
    assertRefused(ResultCode.OBJECT_DOES_NOT_EXIST, () -> host(a, "ns1.nosuch.test", V4));
    assertRefused(ResultCode.AUTHORIZATION_ERROR, () -> host(a, "ns1.other.test", V4));
  }

  /** Puts a domain into redemption (pendingDelete) as a domain delete would. */
  private void markDeleted(String domain) {
    Domain d = t.ctx.domain(domain);
    Tx tx = t.ctx.store().tx();
    t.ctx.putVersioned(
        tx,
        Items.domain(d.toBuilder().deletedAt(t.ctx.now()).version(d.version() + 1).build()),
        d.version(),
        null);
    tx.execute();
  }

  @Test
  void failure_superordinatePendingDeleteIs2304() {
    markDeleted("second.test");
    assertRefused(ResultCode.STATUS_PROHIBITS_OPERATION, () -> host(a, "ns1.second.test", V4));
  }

  @Test
  void failure_subordinateWithoutAddressIs2003_externalWithAddressIs2004() {
    assertRefused(ResultCode.MISSING_PARAMETER, () -> host(a, "ns1.example.test"));
    assertRefused(ResultCode.PARAMETER_VALUE_RANGE, () -> host(a, "ns1.example.com", V4));
  }

  @Test
  void failure_moreAddressesThanTheTldAllowsIs2004() {
    String[] eleven =
        IntStream.rangeClosed(1, 11).mapToObj(i -> "193.0.14." + i).toArray(String[]::new);
    assertRefused(ResultCode.PARAMETER_VALUE_RANGE, () -> host(a, "ns1.example.test", eleven));
    Host ten = host(a, "ns1.example.test", Arrays.copyOf(eleven, 10));
    assertThat(ten.inetV4()).hasSize(10);
  }

  @Test
  void failure_nonRoutableAddressIs2004() {
    for (String bad :
        List.of(
            "10.1.2.3",
            "172.20.0.1",
            "192.168.0.1",
            "127.0.0.1",
            "169.254.1.1",
            "224.0.0.5",
            "0.0.0.0",
            "255.255.255.255",
            "100.64.1.1",
            "192.0.2.1",
            "198.51.100.1",
            "203.0.113.1",
            "fd00::1",
            "::1",
            "fe80::1",
            "ff02::1",
            "::",
            "2001:db8::53")) {
      assertRefused(ResultCode.PARAMETER_VALUE_RANGE, () -> host(a, "ns1.example.test", V4, bad));
    }
  }

  @Test
  void concurrent_subordinateCreatesUnderOneDomainAllJoinItsList() throws Exception {
    pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Host>> futures = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      String name = "ns" + i + ".example.test";
      futures.add(
          pool.submit(
              () -> {
                go.await();
                return host(a, name, V4);
              }));
    }
    go.countDown();
    for (Future<Host> f : futures) {
      f.get(60, TimeUnit.SECONDS);
    }
    assertThat(t.ctx.domain("example.test").subordinateHosts())
        .containsExactlyInAnyOrder(
            IntStream.rangeClosed(1, 8)
                .mapToObj(i -> "ns" + i + ".example.test")
                .toArray(String[]::new));
  }

  // ---- update ---------------------------------------------------------------------------

  @Test
  void success_addAndRemoveAddressesAndStatuses() {
    Host h = host(a, "ns1.example.test", V4);
    t.clock.advance(Duration.ofHours(1));
    Host r =
        update
            .update(
                a,
                new HostUpdate.Command(
                    "ns1.example.test",
                    List.of(V6, V4B),
                    List.of(V4),
                    Set.of(StatusValue.CLIENT_DELETE_PROHIBITED),
                    null,
                    null))
            .host();
    Host stored = t.ctx.host("ns1.example.test");
    assertThat(stored).isEqualTo(r);
    assertThat(stored.inetV4()).containsExactly(V4B);
    assertThat(stored.inetV6()).containsExactly(V6);
    assertThat(stored.statuses()).containsExactly(StatusValue.CLIENT_DELETE_PROHIBITED);
    assertThat(stored.updatedAt()).isEqualTo(t.ctx.now());
    assertThat(stored.updatedBy()).isEqualTo("reg-a");
    assertThat(stored.version()).isEqualTo(h.version() + 1);
    assertThat(stored.roid()).isEqualTo(h.roid());
    List<HistoryRecord> hist = history(h.roid());
    assertThat(hist).extracting(HistoryRecord::action).containsExactly("create", "update");
    assertThat(hist.get(1).before().get("inetV4").get(0).asText()).isEqualTo(V4);
  }

  @Test
  void failure_unknownHostIs2303_notSponsorIs2201_nothingToDoIs2003() {
    host(a, "ns1.example.test", V4);
    assertRefused(
        ResultCode.OBJECT_DOES_NOT_EXIST,
        () -> update.update(a, addrs("ns2.example.test", List.of(V4B), null)));
    assertRefused(
        ResultCode.AUTHORIZATION_ERROR,
        () -> update.update(b, addrs("ns1.example.test", List.of(V4B), null)));
    assertRefused(ResultCode.MISSING_PARAMETER, () -> update.update(a, upd("ns1.example.test")));
  }

  @Test
  void failure_badAddressesAre2005Or2004_tooManyIs2004() {
    host(a, "ns1.example.test", V4);
    assertRefused(
        ResultCode.PARAMETER_VALUE_SYNTAX,
        () -> update.update(a, addrs("ns1.example.test", List.of("1.2.3.400"), null)));
    assertRefused(
        ResultCode.PARAMETER_VALUE_SYNTAX,
        () -> update.update(a, addrs("ns1.example.test", null, List.of("nope"))));
    assertRefused(
        ResultCode.PARAMETER_VALUE_RANGE,
        () -> update.update(a, addrs("ns1.example.test", List.of("192.168.1.1"), null)));
    List<String> ten = IntStream.rangeClosed(1, 10).mapToObj(i -> "193.0.15." + i).toList();
    assertRefused(
        ResultCode.PARAMETER_VALUE_RANGE,
        () -> update.update(a, addrs("ns1.example.test", ten, null)));
  }

  @Test
  void failure_addressOnExternalHostIs2004_lastAddressOfSubordinateIs2306() {
    host(a, "ns1.example.com");
    host(a, "ns1.example.test", V4);
    assertRefused(
        ResultCode.PARAMETER_VALUE_RANGE,
        () -> update.update(a, addrs("ns1.example.com", List.of(V4), null)));
    assertRefused(
        ResultCode.PARAMETER_VALUE_POLICY,
        () -> update.update(a, addrs("ns1.example.test", null, List.of(V4))));
    // Replacing the last address in one command is fine.
    update.update(a, addrs("ns1.example.test", List.of(V6), List.of(V4)));
    assertThat(t.ctx.host("ns1.example.test").inetV6()).containsExactly(V6);
    assertThat(t.ctx.host("ns1.example.test").inetV4()).isEmpty();
  }

  @Test
  void failure_updateProhibitedIs2304_unlessTheCommandRemovesIt() {
    host(a, "ns1.example.test", V4);
    update.update(
        a, status("ns1.example.test", Set.of(StatusValue.CLIENT_UPDATE_PROHIBITED), null));
    assertRefused(
        ResultCode.STATUS_PROHIBITS_OPERATION,
        () -> update.update(a, addrs("ns1.example.test", List.of(V4B), null)));

    update.update(
        a,
        new HostUpdate.Command(
            "ns1.example.test",
            List.of(V4B),
            null,
            null,
            Set.of(StatusValue.CLIENT_UPDATE_PROHIBITED),
            null));
    Host h = t.ctx.host("ns1.example.test");
    assertThat(h.statuses()).isEmpty();
    assertThat(h.inetV4()).containsExactly(V4, V4B);
  }

  @Test
  void failure_serverStatusesAreTheRegistrys_2306_and2304() {
    host(a, "ns1.example.test", V4);
    assertRefused(
        ResultCode.PARAMETER_VALUE_POLICY,
        () ->
            update.update(
                a, status("ns1.example.test", Set.of(StatusValue.SERVER_UPDATE_PROHIBITED), null)));
    assertRefused(
        ResultCode.PARAMETER_VALUE_POLICY,
        () -> update.update(a, status("ns1.example.test", Set.of(StatusValue.LINKED), null)));

    update.update(
        ADMIN, status("ns1.example.test", Set.of(StatusValue.SERVER_UPDATE_PROHIBITED), null));
    assertThat(t.ctx.host("ns1.example.test").statuses())
        .containsExactly(StatusValue.SERVER_UPDATE_PROHIBITED);
    assertRefused(
        ResultCode.STATUS_PROHIBITS_OPERATION,
        () -> update.update(a, addrs("ns1.example.test", List.of(V4B), null)));
    assertRefused(
        ResultCode.PARAMETER_VALUE_POLICY,
        () ->
            update.update(
                a, status("ns1.example.test", null, Set.of(StatusValue.SERVER_UPDATE_PROHIBITED))));

    update.update(
        ADMIN, status("ns1.example.test", null, Set.of(StatusValue.SERVER_UPDATE_PROHIBITED)));
    update.update(a, addrs("ns1.example.test", List.of(V4B), null));
    assertThat(t.ctx.host("ns1.example.test").inetV4()).containsExactly(V4, V4B);
  }

  @Test
  void success_renameWithinItsDomainKeepsRoidAndReplacesItsEntry() {
    Host h = host(a, "ns1.example.test", V4);
    host(a, "ns2.example.test", V4);
    t.clock.advance(Duration.ofMinutes(1));
    Host r = update.update(a, rename("ns1.example.test", "dns1.example.test", null, null)).host();

    assertThat(t.ctx.findHost("ns1.example.test")).isEmpty();
    assertThat(linkCounterExists("ns1.example.test")).isFalse();
    assertThat(linkCounterExists("dns1.example.test")).isTrue();
    Host stored = t.ctx.host("dns1.example.test");
    assertThat(stored).isEqualTo(r);
    assertThat(stored.roid()).isEqualTo(h.roid());
    assertThat(stored.inetV4()).containsExactly(V4);
    assertThat(t.ctx.domain("example.test").subordinateHosts())
        .containsExactlyInAnyOrder("dns1.example.test", "ns2.example.test");
    assertThat(history(h.roid()))
        .extracting(HistoryRecord::objectName)
        .containsExactly("ns1.example.test", "dns1.example.test");
    // The old name is free again.
    assertThat(check.check(List.of("ns1.example.test")).get(0).available()).isTrue();
  }

  @Test
  void success_renameMovesHostBetweenDomainsAndToAndFromExternal() {
    host(a, "ns1.example.test", V4);
    update.update(a, rename("ns1.example.test", "ns1.second.test", null, null));
    assertThat(t.ctx.domain("example.test").subordinateHosts()).isEmpty();
    assertThat(t.ctx.domain("second.test").subordinateHosts()).containsExactly("ns1.second.test");
    assertThat(t.ctx.host("ns1.second.test").superordinateDomain()).isEqualTo("second.test");

    // To external: the addresses must go in the same command.
    update.update(a, rename("ns1.second.test", "ns1.example.net", null, List.of(V4)));
    Host ext = t.ctx.host("ns1.example.net");
    assertThat(ext.subordinate()).isFalse();
    assertThat(ext.inetV4()).isEmpty();
    assertThat(t.ctx.domain("second.test").subordinateHosts()).isEmpty();

    // Back under a domain: needs glue.
    update.update(a, rename("ns1.example.net", "ns9.example.test", List.of(V6), null));
    assertThat(t.ctx.host("ns9.example.test").inetV6()).containsExactly(V6);
    assertThat(t.ctx.domain("example.test").subordinateHosts()).containsExactly("ns9.example.test");
  }

  @Test
  void failure_renameRulesAre2302_2303_2201_2004_2306_2005_2304() {
    host(a, "ns1.example.test", V4);
    host(a, "ns2.example.test", V4);
    host(a, "ns1.example.com");
    assertRefused(
        ResultCode.OBJECT_EXISTS,
        () -> update.update(a, rename("ns1.example.test", "NS2.example.test", null, null)));
    assertRefused(
        ResultCode.OBJECT_DOES_NOT_EXIST,
        () -> update.update(a, rename("ns1.example.test", "ns1.nosuch.test", null, null)));
    assertRefused(
        ResultCode.AUTHORIZATION_ERROR,
        () -> update.update(a, rename("ns1.example.test", "ns1.other.test", null, null)));
    assertRefused(
        ResultCode.PARAMETER_VALUE_RANGE,
        () -> update.update(a, rename("ns1.example.test", "ns1.example.org", null, null)));
    assertRefused(
        ResultCode.PARAMETER_VALUE_POLICY,
        () -> update.update(a, rename("ns1.example.com", "ns3.example.test", null, null)));
    assertRefused(
        ResultCode.PARAMETER_VALUE_SYNTAX,
        () -> update.update(a, rename("ns1.example.test", "ns-.example.test", null, null)));
    assertRefused(
        ResultCode.PARAMETER_VALUE_SYNTAX,
        () -> update.update(a, addrs("ns1.exa mple.test", List.of(V4B), null)));
    markDeleted("second.test");
    assertRefused(
        ResultCode.STATUS_PROHIBITS_OPERATION,
        () -> update.update(a, rename("ns1.example.test", "ns1.second.test", null, null)));
  }

  @Test
  void failure_renameOfLinkedHostIs2305() {
    host(a, "ns1.example.test", V4);
    domainWithNs(b, "user.test", "ns1.example.test");
    assertRefused(
        ResultCode.ASSOCIATION_PROHIBITS_OPERATION,
        () -> update.update(a, rename("ns1.example.test", "ns2.example.test", null, null)));
    // Changing its addresses stays allowed.
    update.update(a, addrs("ns1.example.test", List.of(V4B), null));
    assertThat(t.ctx.host("ns1.example.test").inetV4()).containsExactly(V4, V4B);
  }

  // ---- delete ---------------------------------------------------------------------------

  @Test
  void success_deleteRemovesHostCounterAndDomainEntryAndWritesHistory() {
    Host h = host(a, "ns1.example.test", V4);
    host(a, "ns2.example.test", V4);
    t.clock.advance(Duration.ofMinutes(1));
    delete.delete(a, "NS1.example.test");

    assertThat(t.ctx.findHost("ns1.example.test")).isEmpty();
    assertThat(linkCounterExists("ns1.example.test")).isFalse();
    assertThat(t.ctx.domain("example.test").subordinateHosts()).containsExactly("ns2.example.test");
    assertThat(history(h.roid()))
        .extracting(HistoryRecord::action)
        .containsExactly("create", "delete");
    assertThat(history(h.roid()).get(1).after()).isNull();
    // The name can be created again, with a new ROID.
    assertThat(host(a, "ns1.example.test", V4B).roid()).isNotEqualTo(h.roid());
  }

  @Test
  void failure_linkedHostCannotBeDeleted_unlinkedOneCan() {
    host(a, "ns1.example.com");
    host(a, "ns2.example.com");
    domainWithNs(b, "user.test", "ns1.example.com");

    assertRefused(
        ResultCode.ASSOCIATION_PROHIBITS_OPERATION, () -> delete.delete(a, "ns1.example.com"));
    Host still = t.ctx.host("ns1.example.com");
    assertThat(still.linkCount()).isEqualTo(1);
    assertThat(t.ctx.domain("user.test").nameservers()).containsExactly("ns1.example.com");

    delete.delete(a, "ns2.example.com");
    assertThat(t.ctx.findHost("ns2.example.com")).isEmpty();
  }

  @Test
  void failure_deleteByOtherRegistrarIs2201_unknownIs2303_prohibitedIs2304() {
    host(a, "ns1.example.test", V4);
    assertRefused(ResultCode.AUTHORIZATION_ERROR, () -> delete.delete(b, "ns1.example.test"));
    assertRefused(ResultCode.OBJECT_DOES_NOT_EXIST, () -> delete.delete(a, "ns7.example.test"));
    assertRefused(ResultCode.PARAMETER_VALUE_SYNTAX, () -> delete.delete(a, "ns 1.example.test"));

    update.update(
        a, status("ns1.example.test", Set.of(StatusValue.CLIENT_DELETE_PROHIBITED), null));
    assertRefused(
        ResultCode.STATUS_PROHIBITS_OPERATION, () -> delete.delete(a, "ns1.example.test"));
    update.update(
        a, status("ns1.example.test", null, Set.of(StatusValue.CLIENT_DELETE_PROHIBITED)));
    update.update(
        ADMIN, status("ns1.example.test", Set.of(StatusValue.SERVER_DELETE_PROHIBITED), null));
    assertRefused(
        ResultCode.STATUS_PROHIBITS_OPERATION, () -> delete.delete(a, "ns1.example.test"));
    update.update(
        ADMIN, status("ns1.example.test", null, Set.of(StatusValue.SERVER_DELETE_PROHIBITED)));
    delete.delete(a, "ns1.example.test");
    assertThat(t.ctx.findHost("ns1.example.test")).isEmpty();
  }

  @Test
  void concurrent_deleteWhileDomainsDelegateNeverLeavesADanglingNameserver() throws Exception {
    pool = Executors.newFixedThreadPool(9);
    // Start offsets (ms) of the deleter and of the creators per round, so that the delete
    // lands before, among and after the first links; thread i of the creators adds 2i ms.
    int[][] offsets = {{0, 0}, {15, 0}, {0, 10}, {0, 40}};
    List<String> created = Collections.synchronizedList(new ArrayList<>());
    for (int round = 0; round < offsets.length; round++) {
      String hostName = "ns" + round + ".example.net";
      host(a, hostName);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> creators = new ArrayList<>();
      for (int th = 0; th < 8; th++) {
        Caller c = th % 2 == 0 ? a : b;
        String prefix = "r" + round + "t" + th + "-";
        long start = offsets[round][1] + 2L * th;
        creators.add(
            pool.submit(
                () -> {
                  go.await();
                  Thread.sleep(start);
                  for (int n = 0; n < 2; n++) {
                    String name = prefix + n + ".test";
                    for (int attempt = 0; attempt < 20; attempt++) {
                      try {
                        domainWithNs(c, name, hostName);
                        created.add(name);
                        break;
                      } catch (RegistryException e) {
                        if (e.code() != ResultCode.COMMAND_FAILED) {
                          assertThat(e.code()).isEqualTo(ResultCode.OBJECT_DOES_NOT_EXIST);
                          break; // the host is gone: nothing to retry
                        }
                      }
                    }
                  }
                  return null;
                }));
      }
      long delay = offsets[round][0];
      Future<ResultCode> deleter =
          pool.submit(
              () -> {
                go.await();
                Thread.sleep(delay);
                try {
                  delete.delete(a, hostName);
                  return ResultCode.SUCCESS;
                } catch (RegistryException e) {
                  return e.code();
                }
              });
      go.countDown();
      for (Future<?> f : creators) {
        f.get(120, TimeUnit.SECONDS);
      }
      ResultCode outcome = deleter.get(120, TimeUnit.SECONDS);

      assertThat(outcome).isIn(ResultCode.SUCCESS, ResultCode.ASSOCIATION_PROHIBITS_OPERATION);
      long delegating =
          created.stream().filter(d -> t.ctx.domain(d).nameservers().contains(hostName)).count();
      if (outcome == ResultCode.SUCCESS) {
        assertThat(t.ctx.findHost(hostName)).isEmpty();
        assertThat(delegating).as("domains delegating to deleted " + hostName).isZero();
      } else {
        assertThat(t.ctx.host(hostName).linkCount()).isEqualTo(delegating);
      }
    }
    for (String d : created) {
      for (String ns : t.ctx.domain(d).nameservers()) {
        assertThat(t.ctx.findHost(ns)).as(d + " delegates to " + ns).isPresent();
      }
    }
    assertThat(t.ledgerSum("reg-a")).isEqualTo(t.balance("reg-a"));
  }

  // ---- hosts by address (RDAP nameserver search by ip) -----------------------------------

  /** Every (address, host) pair of the hosts-by-address index, read straight from the table. */
  private Set<String> ipIndex() {
    Set<String> out = new HashSet<>();
    for (Map<String, AttributeValue> item : snapshot()) {
      String pk = item.get("pk").s();
      if (pk.startsWith("IP#")) {
        out.add(pk.substring(3) + " " + item.get("sk").s().substring(2));
      }
    }
    return out;
  }

  private List<String> byIp(String ip) {
    return new PublicLookup(t.ctx).hostsByIp(ip, 10).stream().map(Host::name).toList();
  }

  @Test
  void success_ipIndexFollowsCreateUpdateRenameAndDelete() {
    host(a, "ns1.example.test", V4, "2001:4860:0:0::8888");
    host(a, "ns2.example.test", V4);
    assertThat(ipIndex())
        .containsExactlyInAnyOrder(
            V4 + " ns1.example.test", V6 + " ns1.example.test", V4 + " ns2.example.test");
    assertThat(byIp(V4)).containsExactly("ns1.example.test", "ns2.example.test");
    assertThat(byIp("2001:4860::8888")).containsExactly("ns1.example.test");
    assertThat(byIp("2001:4860:0000::8888")).as("canonical form").containsExactly("ns1.example.test");

    update.update(a, addrs("ns1.example.test", List.of(V4B), List.of(V4)));
    assertThat(ipIndex())
        .containsExactlyInAnyOrder(
            V4B + " ns1.example.test", V6 + " ns1.example.test", V4 + " ns2.example.test");
    assertThat(byIp(V4)).containsExactly("ns2.example.test");

    // A status-only update leaves the index as it was.
    update.update(a, status("ns1.example.test", Set.of(StatusValue.CLIENT_UPDATE_PROHIBITED), null));
    update.update(a, status("ns1.example.test", null, Set.of(StatusValue.CLIENT_UPDATE_PROHIBITED)));
    assertThat(ipIndex()).hasSize(3);

    update.update(a, rename("ns1.example.test", "ns1.second.test", null, List.of(V6)));
    assertThat(ipIndex())
        .containsExactlyInAnyOrder(V4B + " ns1.second.test", V4 + " ns2.example.test");
    assertThat(byIp(V4B)).containsExactly("ns1.second.test");
    assertThat(byIp(V6)).isEmpty();

    // Renamed to an external host: its glue goes with the same command, and so do the items.
    update.update(a, rename("ns1.second.test", "ns1.example.net", null, List.of(V4B)));
    assertThat(ipIndex()).containsExactly(V4 + " ns2.example.test");

    delete.delete(a, "ns2.example.test");
    assertThat(ipIndex()).isEmpty();
    assertThat(byIp(V4)).isEmpty();
  }

  @Test
  void failure_refusedHostWritesNoIpItem_badAddressQueryIs2005() {
    host(a, "ns1.example.test", V4);
    assertRefused(
        ResultCode.OBJECT_EXISTS, () -> host(a, "ns1.example.test", V4B));
    assertThat(ipIndex()).containsExactly(V4 + " ns1.example.test");
    assertThatThrownBy(() -> byIp("not-an-ip"))
        .isInstanceOf(RegistryException.class)
        .extracting(e -> ((RegistryException) e).code())
        .isEqualTo(ResultCode.PARAMETER_VALUE_SYNTAX);
  }
}
