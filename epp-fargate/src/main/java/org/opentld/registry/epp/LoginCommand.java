package org.opentld.registry.epp;

import java.util.LinkedHashSet;
import java.util.Set;
import org.opentld.registry.Registry;
import org.opentld.registry.common.Caller;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.error.ResultCode;
import org.w3c.dom.Element;

/**
 * The {@code <login>} command (RFC 5730 §2.9.1.1): checks the options and services asked
 * for, then authenticates the registrar by password, client-certificate fingerprint and
 * source address, changes the password when {@code <newPW>} is given, and opens the session.
 *
 * <p>Results: 1000; 2100 version other than 1.0 (checked before validation, since the schema
 * allows only 1.0); 2102 a language other than {@code en}; 2307 an object service the server
 * does not implement; 2103 an extension it does not implement; 2200 authentication failed;
 * 2501 after {@code maxFailures} failed logins in one session, which then closes; 2306 a new
 * password the registry's policy refuses.
 */
public final class LoginCommand {
  private final Registry registry;
  private final Greeting greeting;
  private final int maxFailures;

  public LoginCommand(Registry registry, Greeting greeting, int maxFailures) {
    this.registry = registry;
    this.greeting = greeting;
    this.maxFailures = maxFailures;
  }

  public EppResponse run(Element login, EppSession session, String clTrid, String svTrid) {
    String clId = Dom.text(login, EppNs.EPP, "clID");
    Element options = Dom.child(login, EppNs.EPP, "options").orElseThrow();
    if (!"en".equals(Dom.text(options, EppNs.EPP, "lang"))) {
      return EppResponse.of(ResultCode.UNIMPLEMENTED_OPTION, "the only language is en");
    }
    Element svcs = Dom.child(login, EppNs.EPP, "svcs").orElseThrow();
    Set<String> objUris = new LinkedHashSet<>(Dom.texts(svcs, EppNs.EPP, "objURI"));
    for (String uri : objUris) {
      if (!greeting.objUris().contains(uri)) {
        return EppResponse.of(
            ResultCode.UNIMPLEMENTED_OBJECT_SERVICE, "object service not implemented: " + uri);
      }
    }
    Set<String> extUris = new LinkedHashSet<>();
    Dom.child(svcs, EppNs.EPP, "svcExtension")
        .ifPresent(e -> extUris.addAll(Dom.texts(e, EppNs.EPP, "extURI")));
    for (String uri : extUris) {
      if (!greeting.extUris().contains(uri)) {
        return EppResponse.of(
            ResultCode.UNIMPLEMENTED_EXTENSION, "extension not implemented: " + uri);
      }
    }
    try {
      registry.auth.authenticate(
          clId, Dom.text(login, EppNs.EPP, "pw"), session.certFingerprint(), session.sourceIp());
    } catch (RegistryException.AuthenticationFailed e) {
      if (session.failLogin() >= maxFailures) {
        return EppResponse.of(
            ResultCode.AUTHENTICATION_ERROR_CLOSING, "too many failed logins; closing");
      }
      return EppResponse.error(e);
    }
    String newPw = Dom.text(login, EppNs.EPP, "newPW");
    if (newPw != null) {
      registry.registrars.changePassword(Caller.registrar(clId, clTrid, svTrid), clId, newPw);
    }
    session.login(clId, objUris, extUris);
    return EppResponse.of(ResultCode.SUCCESS);
  }
}
