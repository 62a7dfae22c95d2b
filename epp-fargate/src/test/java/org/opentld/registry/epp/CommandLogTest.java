package org.opentld.registry.epp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link CommandLog}'s JSON lines, {@link EppMetrics} and {@link CommandType}. */
class CommandLogTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static CommandType type(String xml) throws EppXml.SyntaxError {
    return CommandType.of(EppXml.parse(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void oneJsonLinePerCommand_withTheFieldsOperatorsSearchBy() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    EppMetrics metrics = new EppMetrics();
    CommandLog log = new CommandLog(metrics, null, new PrintStream(bytes, true, "UTF-8"),
        () -> Set.of("test"), Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC));
    EppSession s = new EppSession("FP", "192.0.2.7");
    s.login("reg-a", Set.of(EppNs.DOMAIN), Set.of());
    log.record(s, new CommandType("domain:create", "test"), "ABC-\"quoted\"", "SV-1", 2302,
        12_345_678);
    log.record(s, new CommandType("domain:check", null), null, "SV-2", 1000, 1_000_000);

    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(2);
    JsonNode first = JSON.readTree(lines[0]);
    assertThat(first.get("event").asText()).isEqualTo("epp.command");
    assertThat(first.get("registrar").asText()).isEqualTo("reg-a");
    assertThat(first.get("command").asText()).isEqualTo("domain:create");
    assertThat(first.get("tld").asText()).isEqualTo("test");
    assertThat(first.get("clTRID").asText()).as("escaped, not broken").isEqualTo("ABC-\"quoted\"");
    assertThat(first.get("svTRID").asText()).isEqualTo("SV-1");
    assertThat(first.get("code").asInt()).isEqualTo(2302);
    assertThat(first.get("latencyMs").asDouble()).isEqualTo(12.35);
    assertThat(first.get("sourceIp").asText()).isEqualTo("192.0.2.7");
    assertThat(JSON.readTree(lines[1]).get("clTRID").isNull()).isTrue();

    assertThat(metrics.count("domain:create", 2302)).isEqualTo(1);
    assertThat(metrics.count("domain:check", 1000)).isEqualTo(1);
    JsonNode m = JSON.readTree(metrics.toJson());
    assertThat(m.at("/totals/errors").asLong()).isEqualTo(1);
    assertThat(m.at("/latencyMs/domain:create/max").asDouble()).isEqualTo(12.346);
  }

  @Test
  void commandTypes_fromFixedListsOnly_andTheTldOfDomainCommands() throws Exception {
    String epp = "<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\">";
    String d = " xmlns:domain=\"" + EppNs.DOMAIN + "\"";
    assertThat(type(epp + "<hello/></epp>").name()).isEqualTo("hello");
    assertThat(type(EppFixtures.load("login_loginsec.xml")).name()).isEqualTo("login");
    assertThat(type(epp + "<command><logout/></command></epp>").name()).isEqualTo("logout");
    assertThat(type(epp + "<command><poll op=\"ack\" msgID=\"1\"/></command></epp>").name())
        .isEqualTo("poll:ack");
    assertThat(type(EppFixtures.load("domain_create.xml")))
        .isEqualTo(new CommandType("domain:create", "test"));
    assertThat(type(epp + "<command><transfer op=\"request\"><domain:transfer" + d
        + "><domain:name>A.Example.TEST</domain:name></domain:transfer></transfer></command>"
        + "</epp>")).isEqualTo(new CommandType("domain:transfer:request", "example.test"));
    assertThat(type(epp + "<command><update><domain:update" + d + "><domain:name>x.test"
        + "</domain:name></domain:update></update><extension><rgp:update xmlns:rgp=\""
        + EppNs.RGP + "\"><rgp:restore op=\"request\"/></rgp:update></extension></command></epp>"))
        .isEqualTo(new CommandType("domain:rgp-restore:request", "test"));
    assertThat(type(epp + "<command><check><host:check xmlns:host=\"" + EppNs.HOST + "\">"
        + "<host:name>ns1.x.test</host:name></host:check></check></command></epp>"))
        .isEqualTo(new CommandType("host:check", null));
    assertThat(type(epp + "<command><madeup/></command></epp>").name()).isEqualTo("other");
    assertThat(type(epp + "<command><poll op=\"lots-of-junk\"/></command></epp>").name())
        .isEqualTo("poll:other");
    assertThat(type("<other/>").name()).isEqualTo("other");
  }
}
