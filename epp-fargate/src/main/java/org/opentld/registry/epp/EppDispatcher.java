package org.opentld.registry.epp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.opentld.registry.Registry;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.Ids;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.error.ResultCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The session state machine (RFC 5730 §2): takes one frame, answers one frame. Before login
 * only {@code <hello>} and {@code <login>} are accepted (else 2002); malformed or
 * schema-invalid XML is 2001 before any registry code runs; object commands go to the
 * {@link EppCommands} map. Runs on a worker thread, never on the event loop.
 *
 * <p>Namespace rules: an object or extension namespace the server does not implement is 2307
 * or 2103 (RFC 5730 §3), checked before schema validation since no schema is loaded for it;
 * one the server implements but the client did not ask for at login is 2002, a use error of
 * the session; a known extension that the command does not take is 2103.
 */
public final class EppDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(EppDispatcher.class);

  /** What to send back, and whether to close the connection after it is written. */
  public record Reply(String xml, boolean close) {}

  private final Clock clock;
  private final EppCommands commands;
  private final Greeting greeting;
  private final LoginCommand login;
  private final CommandLog log;

  /** Without session limit, command log or report counts. */
  public EppDispatcher(Registry registry, Clock clock, String serverId, int maxLoginFailures) {
    this(registry, clock, serverId, maxLoginFailures, new RegistrarSessions(Integer.MAX_VALUE),
        CommandLog.metricsOnly(new EppMetrics()), Duration.ofDays(30));
  }

  /**
   * @param sessions the per-registrar session slots logins take
   * @param log what records each answered command (JSON line, metrics, report counts)
   * @param certWarning client certificates expiring within this are reported at login
   */
  public EppDispatcher(Registry registry, Clock clock, String serverId, int maxLoginFailures,
      RegistrarSessions sessions, CommandLog log, Duration certWarning) {
    this.clock = clock;
    this.commands = EppCommands.standard(registry);
    this.greeting = new Greeting(serverId, commands.objectUris(), extensionUris(commands));
    this.login =
        new LoginCommand(registry, greeting, maxLoginFailures, sessions, clock, certWarning);
    this.log = log;
  }

  /** The command map's extensions plus those of the session itself (RFC 8807 loginSec). */
  private static Set<String> extensionUris(EppCommands commands) {
    Set<String> out = new TreeSet<>(commands.extensionUris());
    out.add(EppNs.LOGIN_SEC);
    return out;
  }

  public EppMetrics metrics() {
    return log.metrics();
  }

  public String greeting() {
    return greeting.render(clock.instant());
  }

  public Reply handle(byte[] frame, EppSession session) {
    long start = System.nanoTime();
    String svTrid = Ids.svTrid(clock.instant());
    String clTrid = null;
    CommandType type = CommandType.UNPARSED;
    EppResponse r;
    try {
      Document doc = EppXml.parse(frame);
      type = CommandType.of(doc);
      Element body = body(doc);
      Element command = body != null && "command".equals(body.getLocalName()) ? body : null;
      if (command != null) {
        clTrid = trid(Dom.text(command, EppNs.EPP, "clTRID"));
      } else if (body != null && "hello".equals(body.getLocalName())) {
        EppXml.validate(doc);
        return new Reply(greeting(), false);
      }
      r = command == null ? other(doc) : command(doc, command, session, clTrid, svTrid, frame);
    } catch (EppXml.SyntaxError e) {
      r = EppResponse.of(ResultCode.SYNTAX_ERROR, e.getMessage());
    } catch (RegistryException e) {
      r = EppResponse.error(e);
    } catch (RuntimeException e) {
      LOG.error("epp command failed svTRID={} clID={}", svTrid, session.clientId(), e);
      r = EppResponse.of(ResultCode.COMMAND_FAILED);
    }
    log.record(session, type, clTrid, svTrid, r.code().code(), System.nanoTime() - start);
    return new Reply(r.render(clTrid, svTrid), r.close());
  }

  /**
   * Answers a frame without running it (over the rate limit, or arriving while the server
   * drains): the code and message, the clTRID echoed if the frame has a readable one. Logged
   * and counted like any other command.
   */
  public Reply refuse(byte[] frame, EppSession session, ResultCode code, String message) {
    long start = System.nanoTime();
    String svTrid = Ids.svTrid(clock.instant());
    String clTrid = null;
    CommandType type = CommandType.UNPARSED;
    try {
      Document doc = EppXml.parse(frame);
      type = CommandType.of(doc);
      Element body = body(doc);
      if (body != null && "command".equals(body.getLocalName())) {
        clTrid = trid(Dom.text(body, EppNs.EPP, "clTRID"));
      }
    } catch (EppXml.SyntaxError | RuntimeException unreadable) {
      // answered without a clTRID
    }
    EppResponse r = EppResponse.of(code, message);
    log.record(session, type, clTrid, svTrid, code.code(), System.nanoTime() - start);
    return new Reply(r.render(clTrid, svTrid), r.close());
  }

  private EppResponse command(
      Document doc, Element command, EppSession session, String clTrid, String svTrid,
      byte[] frame) throws EppXml.SyntaxError {
    Element verb = Dom.firstChild(command).orElse(null);
    String verbName = verb == null ? "" : verb.getLocalName();
    if ("login".equals(verbName)) {
      if (session.loggedIn()) {
        return EppResponse.of(ResultCode.USE_ERROR, "already logged in");
      }
      String version =
          Dom.child(verb, EppNs.EPP, "options").map(o -> Dom.text(o, EppNs.EPP, "version"))
              .orElse(null);
      if (version != null && !version.equals("1.0")) {
        return EppResponse.of(ResultCode.UNIMPLEMENTED_VERSION, "the only version is 1.0");
      }
      EppXml.validate(doc);
      return login.run(verb, session, clTrid, svTrid);
    }
    if (!session.loggedIn()) {
      return EppResponse.of(ResultCode.USE_ERROR, "log in first");
    }
    if ("logout".equals(verbName)) {
      EppXml.validate(doc);
      return EppResponse.of(ResultCode.SUCCESS_ENDING_SESSION);
    }
    Element object = verb == null ? null : Dom.firstChild(verb).orElse(null);
    Element extension = Dom.child(command, EppNs.EPP, "extension").orElse(null);
    List<String> extNs =
        extension == null
            ? List.of()
            : Dom.children(extension).stream().map(Element::getNamespaceURI).distinct().toList();
    if (object != null && !greeting.objUris().contains(object.getNamespaceURI())) {
      return EppResponse.of(ResultCode.UNIMPLEMENTED_OBJECT_SERVICE,
          "object service not implemented: " + object.getNamespaceURI());
    }
    for (String ns : extNs) {
      if (!greeting.extUris().contains(ns)) {
        return EppResponse.of(ResultCode.UNIMPLEMENTED_EXTENSION, "extension not implemented: " + ns);
      }
    }
    EppXml.validate(doc);
    if (object == null) {
      // A command without an object element (poll) is keyed by the EPP namespace.
      if (verb == null || commands.find(verbName, EppNs.EPP) == null) {
        return EppResponse.of(ResultCode.UNIMPLEMENTED_COMMAND, verbName + " is not implemented");
      }
      object = verb;
    }
    String ns = object.getNamespaceURI();
    if (!ns.equals(EppNs.EPP) && !session.objUris().contains(ns)) {
      return EppResponse.of(ResultCode.USE_ERROR, "object service not selected at login: " + ns);
    }
    for (String e : extNs) {
      if (!session.extUris().contains(e)) {
        return EppResponse.of(ResultCode.USE_ERROR, "extension not selected at login: " + e);
      }
    }
    EppCommand cmd = commands.find(verbName, ns);
    if (cmd == null) {
      return EppResponse.of(
          ResultCode.UNIMPLEMENTED_COMMAND, verbName + " " + object.getLocalName() + " is not implemented");
    }
    for (String e : extNs) {
      if (!cmd.extensions().contains(e)) {
        return EppResponse.of(
            ResultCode.UNIMPLEMENTED_EXTENSION, e + " is not implemented for " + verbName);
      }
    }
    Caller caller =
        Caller.registrar(
            session.clientId(), clTrid, svTrid, new String(frame, StandardCharsets.UTF_8));
    return cmd.run(new EppRequest(object, extension, session, caller));
  }

  /** A valid {@code <epp>} that is neither hello nor command (greeting, response, extension). */
  private EppResponse other(Document doc) throws EppXml.SyntaxError {
    EppXml.validate(doc);
    return EppResponse.of(ResultCode.UNKNOWN_COMMAND, "not a command the server accepts");
  }

  private static Element body(Document doc) {
    Element root = doc.getDocumentElement();
    if (!EppNs.EPP.equals(root.getNamespaceURI()) || !"epp".equals(root.getLocalName())) {
      return null;
    }
    return Dom.firstChild(root).filter(e -> EppNs.EPP.equals(e.getNamespaceURI())).orElse(null);
  }

  /** A clTRID worth echoing: RFC 5730 allows 3 to 64 characters. */
  private static String trid(String s) {
    return s != null && s.length() >= 3 && s.length() <= 64 ? s : null;
  }
}
