package org.opentld.registry.epp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentld.registry.epp.EppFixtures.assertMatches;
import static org.opentld.registry.epp.EppFixtures.code;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.StatusValue;
import org.opentld.registry.domain.DomainCreate;
import org.opentld.registry.epp.client.EppClient;
import org.opentld.registry.history.HistoryRecord;
import org.opentld.registry.host.Host;
import org.opentld.registry.testing.TestRegistry;

/** Host commands (RFC 5732) over real TLS sessions against DynamoDB Local. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EppHostCommandsIT {
  EppTestServer s;
  TestRegistry t;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    s = new EppTestServer(dir);
    t = s.t;
    domain("epp-a", "example.test", List.of());
    domain("epp-b", "other.test", List.of());
  }

  @AfterAll
  void stop() {
    if (s != null) {
      s.close();
    }
  }

  void domain(String registrar, String name, List<String> nameservers) {
    t.registry.domainCreate.create(
        Caller.registrar(registrar, "CL-seed", "SV-seed-" + name),
        new DomainCreate.Command(
            name, 1, null, Map.of(), nameservers, List.of(), "domain-auth-1", null));
  }

  static String cmd(EppClient c, String verb, String inner) {
    return c.command(
        "<" + verb + "><host:" + verb + " xmlns:host=\"" + EppNs.HOST + "\">" + inner + "</host:"
            + verb + "></" + verb + ">",
        null);
  }

  static String name(String n) {
    return "<host:name>" + n + "</host:name>";
  }

  static String addr(String ip, String a) {
    return "<host:addr ip=\"" + ip + "\">" + a + "</host:addr>";
  }

  String create(EppClient c, String host, String... addrs) throws IOException {
    StringBuilder sb = new StringBuilder(name(host));
    for (String a : addrs) {
      sb.append(addr(a.contains(":") ? "v6" : "v4", a));
    }
    return c.send(cmd(c, "create", sb.toString()));
  }

  /** Everything a failing host command could have touched. */
  List<Object> state(String... hosts) {
    List<Object> out = new ArrayList<>();
    for (String h : hosts) {
      var host = t.ctx.findHost(h);
      out.add(host);
      out.add(host.map(x -> s.history(x.roid()).size()).orElse(-1));
    }
    out.add(t.ctx.findDomain("example.test"));
    out.add(t.ctx.findDomain("other.test"));
    return out;
  }

  /** Sends {@code request}, expects {@code code}, and asserts nothing stored changed. */
  void fails(EppClient c, String request, int expected, String... hosts) throws IOException {
    List<Object> before = state(hosts);
    String r = c.send(request);
    EppFixtures.assertSchemaValid(r);
    assertThat(code(r)).as(r).isEqualTo(expected);
    assertThat(state(hosts)).as("stored state after " + expected).isEqualTo(before);
  }

  @Test
  void success_createThenCheckAndInfo_historyKeepsTheRequest() throws IOException {
    try (EppClient a = s.session("epp-a")) {
      String request = EppFixtures.load("host_create.xml");
      assertMatches("host_create_response.xml", a.send(request));
      Host h = t.ctx.host("ns1.example.test");
      assertThat(h.inetV4()).containsExactly("93.184.216.34", "93.184.216.35");
      assertThat(h.inetV6()).containsExactly("2606:2800:220:1::1");
      assertThat(h.registrarId()).isEqualTo("epp-a");
      assertThat(t.ctx.domain("example.test").subordinateHosts()).contains("ns1.example.test");
      List<HistoryRecord> history = s.history(h.roid());
      assertThat(history).hasSize(1);
      assertThat(history.get(0).action()).isEqualTo("create");
      assertThat(history.get(0).clTrid()).isEqualTo("HOST-create");
      assertThat(history.get(0).request()).isEqualTo(request);

      assertMatches("host_check_response.xml", a.send(EppFixtures.load("host_check.xml")));
      assertMatches("host_info_response.xml", a.send(EppFixtures.load("host_info.xml")));
    }
    try (EppClient b = s.session("epp-b")) {
      assertMatches("host_info_response.xml", b.send(EppFixtures.load("host_info.xml")));
    }
  }

  @Test
  void success_updateAddsAndRemovesAddressesAndStatusesAndRenames() throws IOException {
    try (EppClient a = s.session("epp-a")) {
      assertThat(code(create(a, "ns5.example.test", "93.184.216.34", "93.184.216.35")))
          .isEqualTo(1000);
      String roid = t.ctx.host("ns5.example.test").roid();
      String request = EppFixtures.load("host_update.xml");
      assertMatches("host_update_response.xml", a.send(request));
      assertThat(t.ctx.findHost("ns5.example.test")).isEmpty();
      Host h = t.ctx.host("ns6.example.test");
      assertThat(h.roid()).isEqualTo(roid);
      assertThat(h.inetV4()).containsExactly("93.184.216.34");
      assertThat(h.inetV6()).containsExactly("2606:2800:220:1::2");
      assertThat(h.statuses()).containsExactly(StatusValue.CLIENT_DELETE_PROHIBITED);
      assertThat(h.updatedBy()).isEqualTo("epp-a");
      assertThat(t.ctx.domain("example.test").subordinateHosts())
          .contains("ns6.example.test")
          .doesNotContain("ns5.example.test");
      assertThat(s.history(roid)).last().satisfies(r -> {
        assertThat(r.action()).isEqualTo("update");
        assertThat(r.request()).isEqualTo(request);
      });

      String info = a.send(cmd(a, "info", name("ns6.example.test")));
      assertThat(info).contains("<host:status s=\"clientDeleteProhibited\"/>")
          .contains("<host:addr ip=\"v6\">2606:2800:220:1::2</host:addr>")
          .contains("<host:upID>epp-a</host:upID>");
      EppFixtures.assertSchemaValid(info);

      fails(a, cmd(a, "delete", name("ns6.example.test")), 2304, "ns6.example.test");
      assertThat(code(a.send(cmd(a, "update", name("ns6.example.test")
          + "<host:rem><host:status s=\"clientDeleteProhibited\"/></host:rem>")))).isEqualTo(1000);
      assertThat(code(a.send(cmd(a, "delete", name("ns6.example.test"))))).isEqualTo(1000);
      assertThat(t.ctx.findHost("ns6.example.test")).isEmpty();
      assertThat(t.ctx.domain("example.test").subordinateHosts())
          .doesNotContain("ns6.example.test");
    }
  }

  @Test
  void success_deleteExternalHost() throws IOException {
    try (EppClient a = s.session("epp-a")) {
      assertThat(code(create(a, "ns.external.example"))).isEqualTo(1000);
      String roid = t.ctx.host("ns.external.example").roid();
      String request = EppFixtures.load("host_delete.xml");
      assertMatches("host_delete_response.xml", a.send(request));
      assertThat(t.ctx.findHost("ns.external.example")).isEmpty();
      assertThat(s.history(roid)).extracting(HistoryRecord::action)
          .containsExactly("create", "delete");
      assertThat(s.history(roid).get(1).request()).isEqualTo(request);
    }
  }

  @Test
  void failure_nameTakenIs2302() throws IOException {
    try (EppClient a = s.session("epp-a")) {
      assertThat(code(create(a, "ns-taken.example.test", "93.184.216.40"))).isEqualTo(1000);
      fails(a, cmd(a, "create", name("ns-taken.example.test") + addr("v4", "93.184.216.41")),
          2302, "ns-taken.example.test");
      assertThat(code(create(a, "ns-ren.example.test", "93.184.216.42"))).isEqualTo(1000);
      fails(a, cmd(a, "update", name("ns-ren.example.test")
              + "<host:chg>" + name("ns-taken.example.test") + "</host:chg>"),
          2302, "ns-ren.example.test", "ns-taken.example.test");
    }
  }

  @Test
  void failure_unknownHostOrSuperordinateDomainIs2303() throws IOException {
    try (EppClient a = s.session("epp-a")) {
      fails(a, cmd(a, "info", name("ns1.nowhere.test")), 2303, "ns1.nowhere.test");
      fails(a, cmd(a, "update", name("ns1.nowhere.test")
          + "<host:add><host:status s=\"clientUpdateProhibited\"/></host:add>"), 2303,
          "ns1.nowhere.test");
      fails(a, cmd(a, "delete", name("ns1.nowhere.test")), 2303, "ns1.nowhere.test");
      fails(a, cmd(a, "create", name("ns1.nowhere.test") + addr("v4", "93.184.216.43")), 2303,
          "ns1.nowhere.test");
    }
  }

  @Test
  void failure_notTheSponsorIs2201() throws IOException {
    try (EppClient a = s.session("epp-a"); EppClient b = s.session("epp-b")) {
      assertThat(code(create(a, "ns-own.example.test", "93.184.216.44"))).isEqualTo(1000);
      fails(b, cmd(b, "update", name("ns-own.example.test")
          + "<host:add>" + addr("v4", "93.184.216.45") + "</host:add>"), 2201,
          "ns-own.example.test");
      fails(b, cmd(b, "delete", name("ns-own.example.test")), 2201, "ns-own.example.test");
      fails(b, cmd(b, "create", name("ns-b.example.test") + addr("v4", "93.184.216.46")), 2201,
          "ns-b.example.test");
    }
  }

  @Test
  void failure_linkedHostCannotBeDeletedOrRenamedIs2305() throws IOException {
    try (EppClient a = s.session("epp-a")) {
      assertThat(code(create(a, "ns-linked.example.test", "93.184.216.47"))).isEqualTo(1000);
      domain("epp-a", "uses-host.test", List.of("ns-linked.example.test"));
      assertThat(t.ctx.host("ns-linked.example.test").linked()).isTrue();
      fails(a, cmd(a, "delete", name("ns-linked.example.test")), 2305, "ns-linked.example.test");
      fails(a, cmd(a, "update", name("ns-linked.example.test")
              + "<host:chg>" + name("ns-moved.example.test") + "</host:chg>"),
          2305, "ns-linked.example.test", "ns-moved.example.test");
      String info = a.send(cmd(a, "info", name("ns-linked.example.test")));
      assertThat(info).contains("<host:status s=\"linked\"/>");
      EppFixtures.assertSchemaValid(info);
    }
  }

  @Test
  void failure_privateOrExternalAddressIs2004() throws IOException {
    try (EppClient a = s.session("epp-a")) {
      fails(a, cmd(a, "create", name("ns-priv.example.test") + addr("v4", "10.1.2.3")), 2004,
          "ns-priv.example.test");
      fails(a, cmd(a, "create", name("ns-priv.example.test") + addr("v6", "fd00::1")), 2004,
          "ns-priv.example.test");
      fails(a, cmd(a, "create", name("ns.elsewhere.example") + addr("v4", "93.184.216.48")),
          2004, "ns.elsewhere.example");
      assertThat(code(create(a, "ns-pub.example.test", "93.184.216.49"))).isEqualTo(1000);
      fails(a, cmd(a, "update", name("ns-pub.example.test")
          + "<host:add>" + addr("v4", "192.168.1.1") + "</host:add>"), 2004,
          "ns-pub.example.test");
    }
  }

  @Test
  void failure_subordinateHostWithoutAddressIs2003() throws IOException {
    try (EppClient a = s.session("epp-a")) {
      fails(a, cmd(a, "create", name("ns-bare.example.test")), 2003, "ns-bare.example.test");
      fails(a, cmd(a, "update", name("ns1.nowhere.test")), 2003, "ns1.nowhere.test");
    }
  }

  @Test
  void failure_malformedNameOrAddressIs2005() throws IOException {
    try (EppClient a = s.session("epp-a")) {
      fails(a, cmd(a, "create", name("ns_bad.example.test") + addr("v4", "93.184.216.50")),
          2005, "ns_bad.example.test");
      fails(a, cmd(a, "create", name("ns-addr.example.test") + addr("v4", "93.184.216")), 2005,
          "ns-addr.example.test");
      fails(a, cmd(a, "create", name("ns-addr.example.test") + addr("v4", "2606:2800:220:1::9")),
          2005, "ns-addr.example.test");
      fails(a, cmd(a, "create", name("ns-addr.example.test")
          + "<host:addr>2606:2800:220:1::9</host:addr>"), 2005, "ns-addr.example.test");
      fails(a, cmd(a, "create", name("ns-addr.example.test") + addr("v6", "93.184.216.51")),
          2005, "ns-addr.example.test");
      fails(a, cmd(a, "info", name("ns_bad.example.test")), 2005, "ns_bad.example.test");
    }
  }

  @Test
  void failure_serverStatusByRegistrarIs2306() throws IOException {
    try (EppClient a = s.session("epp-a")) {
      assertThat(code(create(a, "ns-srv.example.test", "93.184.216.52"))).isEqualTo(1000);
      fails(a, cmd(a, "update", name("ns-srv.example.test")
          + "<host:add><host:status s=\"serverUpdateProhibited\"/></host:add>"), 2306,
          "ns-srv.example.test");
    }
  }

  @Test
  void failure_sessionThatSelectedOnlyDomainsCannotUseHostCommandsIs2002() throws IOException {
    try (EppClient a = s.session("epp-a", List.of(EppNs.DOMAIN))) {
      String r = a.send(cmd(a, "check", name("ns1.example.test")));
      assertThat(code(r)).isEqualTo(2002);
      assertThat(r).contains("not selected at login");
      fails(a, cmd(a, "create", name("ns-domonly.example.test") + addr("v4", "93.184.216.53")),
          2002, "ns-domonly.example.test");
      assertThat(code(a.check("example.test"))).as("domains still work").isEqualTo(1000);
    }
  }
}
