package org.opentld.registry.epp;

import java.time.Instant;
import java.util.Set;

/**
 * The server greeting (RFC 5730 §2.4), sent on connect and in answer to {@code <hello>}: it
 * lists exactly the object and extension services the command map implements, and the data
 * collection policy (the registry collects data to provision and administer registrations,
 * shares it with the registrar and publishes the public parts, and keeps it as stated in its
 * registration policy).
 */
public final class Greeting {
  private final String serverId;
  private final Set<String> objUris;
  private final Set<String> extUris;

  public Greeting(String serverId, Set<String> objUris, Set<String> extUris) {
    this.serverId = serverId;
    this.objUris = objUris;
    this.extUris = extUris;
  }

  public Set<String> objUris() {
    return objUris;
  }

  public Set<String> extUris() {
    return extUris;
  }

  public String render(Instant now) {
    Xml x = new Xml();
    x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    x.open("epp", "xmlns", EppNs.EPP).open("greeting");
    x.leaf("svID", serverId).leaf("svDate", Xml.time(now));
    x.open("svcMenu").leaf("version", "1.0").leaf("lang", "en");
    objUris.forEach(u -> x.leaf("objURI", u));
    if (!extUris.isEmpty()) {
      x.open("svcExtension");
      extUris.forEach(u -> x.leaf("extURI", u));
      x.close("svcExtension");
    }
    x.close("svcMenu");
    x.open("dcp").open("access").empty("all").close("access");
    x.open("statement");
    x.open("purpose").empty("admin").empty("prov").close("purpose");
    x.open("recipient").empty("ours").empty("public").close("recipient");
    x.open("retention").empty("stated").close("retention");
    x.close("statement").close("dcp");
    return x.close("greeting").close("epp").toString();
  }
}
