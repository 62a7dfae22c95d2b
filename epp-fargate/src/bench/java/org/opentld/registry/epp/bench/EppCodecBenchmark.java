package org.opentld.registry.epp.bench;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.EppResponse;
import org.opentld.registry.epp.EppXml;
import org.opentld.registry.epp.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The EPP server's own per-command CPU cost outside the registry: parsing the request
 * (secure, namespace-aware DOM), validating it against the RFC schemas, reading the command's
 * fields, and rendering a response of the same shape as the command's. Requests are the test
 * fixtures {@code domain_check.xml} (4 names with a fee check), {@code domain_info.xml} and
 * {@code domain_create.xml} (DS data and a fee); responses mirror the fixture responses.
 *
 * <p>{@code full} is the sum of one command's codec work; {@code parse}, {@code validate},
 * {@code read} and {@code render} are its parts. Sample mode: the median (p0.50) of single
 * invocations is what to read on a machine shared with other work, whose preemptions inflate
 * the mean and the upper percentiles. Run: see docs/benchmarks.md, section "EPP".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EppCodecBenchmark {
  @Param({"check", "info", "create"})
  public String command;

  private byte[] request;
  private Document parsed;
  private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

  @Setup(Level.Trial)
  public void load() throws Exception {
    request = fixture("domain_" + command + ".xml");
    parsed = EppXml.parse(request);
    EppXml.validate(parsed);
  }

  static byte[] fixture(String name) throws IOException {
    try (InputStream in =
        EppCodecBenchmark.class.getResourceAsStream("/org/opentld/registry/epp/epp/" + name)) {
      if (in == null) {
        throw new IOException("no fixture " + name);
      }
      return in.readAllBytes();
    }
  }

  @Benchmark
  public Document parse() throws EppXml.SyntaxError {
    return EppXml.parse(request);
  }

  @Benchmark
  public Document validate() throws EppXml.SyntaxError {
    EppXml.validate(parsed);
    return parsed;
  }

  @Benchmark
  public Object read() {
    return read(parsed);
  }

  @Benchmark
  public String render() {
    return render(command);
  }

  /** Parse, validate, read and render: one command's whole codec work. */
  @Benchmark
  public String full() throws EppXml.SyntaxError {
    Document doc = EppXml.parse(request);
    EppXml.validate(doc);
    read(doc);
    return render(command);
  }

  /** What the dispatcher and the command read from the request. */
  private static Object read(Document doc) {
    Element command = Dom.firstChild(doc.getDocumentElement()).orElseThrow();
    String clTrid = Dom.text(command, EppNs.EPP, "clTRID");
    Element verb = Dom.firstChild(command).orElseThrow();
    Element object = Dom.firstChild(verb).orElseThrow();
    Element extension = Dom.child(command, EppNs.EPP, "extension").orElse(null);
    List<String> extNs =
        extension == null
            ? List.of()
            : Dom.children(extension).stream().map(Element::getNamespaceURI).distinct().toList();
    List<String> names = Dom.texts(object, EppNs.DOMAIN, "name");
    String authInfo =
        Dom.child(object, EppNs.DOMAIN, "authInfo")
            .map(a -> Dom.text(a, EppNs.DOMAIN, "pw"))
            .orElse(null);
    String period = Dom.text(object, EppNs.DOMAIN, "period");
    return List.of(clTrid, extNs, names, authInfo == null ? "" : authInfo,
        period == null ? "" : period);
  }

  /** A response of the shape the command renders (see the *_response.xml fixtures). */
  private static String render(String command) {
    Xml x = new Xml();
    String ext;
    switch (command) {
      case "check" -> {
        String[] names = {"free-one.test", "taken-check.test", "bad_name.test", "other.example"};
        x.open("domain:chkData", "xmlns:domain", EppNs.DOMAIN);
        for (int i = 0; i < names.length; i++) {
          x.open("domain:cd");
          x.leaf("domain:name", names[i], "avail", i == 0 ? "1" : "0");
          if (i > 0) {
            x.leaf("domain:reason", i == 1 ? "In use" : "Not available");
          }
          x.close("domain:cd");
        }
        x.close("domain:chkData");
        Xml f = new Xml();
        f.open("fee:chkData", "xmlns:fee", EppNs.FEE).leaf("fee:currency", "USD");
        for (int i = 0; i < names.length; i++) {
          f.open("fee:cd", "avail", i == 0 ? "1" : "0").leaf("fee:objID", names[i]);
          if (i > 0) {
            f.leaf("fee:reason", i == 1 ? "In use" : "Not available").close("fee:cd");
            continue;
          }
          f.leaf("fee:class", "standard").open("fee:command", "name", "create");
          f.leaf("fee:period", "2", "unit", "y").leaf("fee:fee", "20.00", "description", "create");
          f.close("fee:command").close("fee:cd");
        }
        ext = f.close("fee:chkData").toString();
      }
      case "info" -> {
        x.open("domain:infData", "xmlns:domain", EppNs.DOMAIN);
        x.leaf("domain:name", "created.test").leaf("domain:roid", "019BC11901007D7948E4F6-TEST");
        x.empty("domain:status", "s", "inactive");
        x.leaf("domain:clID", "epp-a").leaf("domain:crID", "epp-a");
        x.leaf("domain:crDate", Xml.time(NOW)).leaf("domain:exDate", Xml.time(NOW.plusSeconds(
            63_158_400)));
        x.close("domain:infData");
        Xml r = new Xml();
        r.open("rgp:infData", "xmlns:rgp", EppNs.RGP).empty("rgp:rgpStatus", "s", "addPeriod");
        ext = r.close("rgp:infData").toString();
      }
      default -> {
        x.open("domain:creData", "xmlns:domain", EppNs.DOMAIN);
        x.leaf("domain:name", "created.test");
        x.leaf("domain:crDate", Xml.time(NOW)).leaf("domain:exDate", Xml.time(NOW.plusSeconds(
            63_158_400)));
        x.close("domain:creData");
        Xml f = new Xml();
        f.open("fee:creData", "xmlns:fee", EppNs.FEE).leaf("fee:currency", "USD");
        f.leaf("fee:fee", "20.00", "description", "create");
        ext = f.close("fee:creData").toString();
      }
    }
    return EppResponse.success(x.toString(), ext).render("ABC-12345", "SV-019BC11901003CC50AAAFA");
  }
}
