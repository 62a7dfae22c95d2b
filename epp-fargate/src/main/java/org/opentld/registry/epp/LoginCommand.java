package org.opentld.registry.epp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opentld.registry.Registry;
import org.opentld.registry.common.Caller;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.error.ResultCode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The {@code <login>} command (RFC 5730 §2.9.1.1): checks the options and services asked
 * for, then authenticates the registrar by password, client-certificate fingerprint and
 * source address, takes one of the registrar's session slots, changes the password when
 * {@code <newPW>} is given, and opens the session. With the Login Security extension (RFC
 * 8807) the passwords may be longer than 16 characters, the client names its software, and
 * the response reports security events.
 *
 * <p>Results: 1000; 2100 version other than 1.0 (checked before validation, since the schema
 * allows only 1.0); 2102 a language other than {@code en}; 2307 an object service the server
 * does not implement; 2103 an extension it does not implement; 2002 the loginSec element
 * without its extURI in {@code <svcExtension>}; 2003 {@code [LOGIN-SECURITY]} without the
 * extension's password; 2005 the extension's password next to a real one; 2200 authentication
 * failed (also: the client certificate has expired); 2501 after {@code maxFailures} failed
 * logins in one session, which then closes; 2502 the registrar already holds its maximum of
 * sessions on this server, and the connection closes; 2306 a new password the registry's
 * policy refuses (with a {@code newPW} error event for loginSec clients).
 *
 * <p>Events (only to a client that selected the loginSec extURI, RFC 8807 §4.1): {@code
 * certificate} warning with its {@code exDate} when the client certificate expires within the
 * configured window, error when it has expired; {@code stat} warning {@code failedLogins} when
 * the session had failed logins before this one; {@code newPW} error when the new password is
 * refused. Password expiry is not tracked, so there is no {@code password} event.
 */
public final class LoginCommand {
  /** bcrypt reads at most 72 bytes; a longer password would be silently truncated. */
  static final int MAX_PASSWORD_BYTES = 72;

  private final Registry registry;
  private final Greeting greeting;
  private final int maxFailures;
  private final RegistrarSessions sessions;
  private final Clock clock;
  private final Duration certWarning;

  public LoginCommand(Registry registry, Greeting greeting, int maxFailures) {
    this(registry, greeting, maxFailures, new RegistrarSessions(Integer.MAX_VALUE),
        Clock.systemUTC(), Duration.ofDays(30));
  }

  public LoginCommand(Registry registry, Greeting greeting, int maxFailures,
      RegistrarSessions sessions, Clock clock, Duration certWarning) {
    this.registry = registry;
    this.greeting = greeting;
    this.maxFailures = maxFailures;
    this.sessions = sessions;
    this.clock = clock;
    this.certWarning = certWarning;
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
    Node parent = login.getParentNode();
    LoginSecurity.Request sec = parent instanceof Element command
        ? LoginSecurity.parse(command) : null;
    boolean reports = extUris.contains(EppNs.LOGIN_SEC);
    if (sec != null && !reports) {
      return EppResponse.of(ResultCode.USE_ERROR,
          "loginSec extension used without its extURI in svcExtension");
    }
    String pw = LoginSecurity.resolve("pw", Dom.text(login, EppNs.EPP, "pw"),
        sec == null ? null : sec.pw());
    String newPw = LoginSecurity.resolve("newPW", Dom.text(login, EppNs.EPP, "newPW"),
        sec == null ? null : sec.newPw());

    List<LoginSecurity.Event> events = new ArrayList<>();
    Instant now = clock.instant();
    Instant notAfter = session.certNotAfter();
    boolean certExpired = notAfter != null && notAfter.isBefore(now);
    if (certExpired) {
      events.add(new LoginSecurity.Event("certificate", "error", null, null, notAfter,
          "client certificate has expired"));
    } else if (notAfter != null && notAfter.isBefore(now.plus(certWarning))) {
      events.add(LoginSecurity.Event.warning("certificate", notAfter,
          "client certificate expires soon"));
    }
    int earlierFailures = session.loginFailures();
    try {
      registry.auth.authenticate(clId, pw, session.certFingerprint(), session.sourceIp());
      if (certExpired) {
        throw new RegistryException.AuthenticationFailed("client certificate has expired");
      }
    } catch (RegistryException.AuthenticationFailed e) {
      if (session.failLogin() >= maxFailures) {
        return with(EppResponse.of(
            ResultCode.AUTHENTICATION_ERROR_CLOSING, "too many failed logins; closing"),
            reports, events);
      }
      return with(EppResponse.error(e), reports, events);
    }
    if (!sessions.tryOpen(clId)) {
      return EppResponse.of(ResultCode.SESSION_LIMIT_EXCEEDED_CLOSING,
          "session limit exceeded: at most " + sessions.max() + " sessions; closing");
    }
    session.holdSlot(() -> sessions.close(clId));
    if (newPw != null) {
      try {
        if (newPw.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
          throw new RegistryException.PolicyError(
              "new password must have at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        registry.registrars.changePassword(Caller.registrar(clId, clTrid, svTrid), clId, newPw);
      } catch (RegistryException.PolicyError e) {
        session.releaseSlot();
        events.add(LoginSecurity.Event.error("newPW", e.getMessage()));
        return with(EppResponse.error(e), reports, events);
      } catch (RuntimeException e) {
        session.releaseSlot();
        throw e;
      }
    }
    session.login(clId, objUris, extUris);
    if (sec != null) {
      session.userAgent(sec.userAgent());
    }
    if (earlierFailures > 0) {
      events.add(new LoginSecurity.Event("stat", "warning", "failedLogins",
          Integer.toString(earlierFailures), null, "failed logins earlier in this session"));
    }
    return with(EppResponse.of(ResultCode.SUCCESS), reports, events);
  }

  private static EppResponse with(EppResponse r, boolean reports, List<LoginSecurity.Event> ev) {
    if (!reports || ev.isEmpty()) {
      return r;
    }
    return new EppResponse(r.code(), r.message(), r.resData(), LoginSecurity.render(ev),
        r.close());
  }
}
