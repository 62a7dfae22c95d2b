package org.opentld.registry.functions.panel;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Optional;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.functions.FunctionEnvironment;
import org.opentld.registry.functions.http.Observed;
import org.opentld.registry.user.PanelSessions;
import org.opentld.registry.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The panel API (docs/panel-api.md) behind API Gateway, {@code ANY /api/{proxy+}}: finds the
 * route, authenticates the session cookie (401), checks the CSRF token of every change (403),
 * holds users who must enrol TOTP to enrolment, runs the route and turns registry errors into
 * {@code application/problem+json}. Who may do what is {@code PanelAccess}'s decision, made in
 * the routes; nothing here reads DynamoDB but through shared-model.
 */
public final class PanelHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(PanelHandler.class);
  static final String CSRF_HEADER = "X-CSRF-Token";

  private final PanelApp app;
  private final Router router = new Router();

  /** The Lambda entry point: the registry and settings from the process environment. */
  public PanelHandler() {
    this(FunctionEnvironment.fromSystem());
  }

  public PanelHandler(FunctionEnvironment env) {
    this.app = new PanelApp(env.ctx(), PanelConfig.from(env));
    new SessionRoutes(app).register(router);
    new AccountRoutes(app).register(router);
    new TldRoutes(app).register(router);
    new ObjectRoutes(app).register(router);
    new ActivityRoutes(app).register(router);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return Observed.run(context, "panel", () -> answer(event));
  }

  APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event) {
    PanelRequest r = new PanelRequest(event);
    try {
      Router.Match m = router.find(r.method, r.path);
      r.params = m.params();
      if (m.route().access() != Router.Access.PUBLIC) {
        authenticate(r, m.route().access());
      }
      return m.route().action().run(r);
    } catch (PanelException e) {
      return Problems.of(e);
    } catch (RegistryException e) {
      if (Problems.status(e) >= 500) {
        LOG.error("panel {} {} failed", r.method, r.path, e);
      }
      return Problems.of(e);
    } catch (RuntimeException e) {
      // Never send an internal message to a client; the log has it with the request id.
      LOG.error("panel {} {} failed", r.method, r.path, e);
      return Problems.internal();
    }
  }

  private void authenticate(PanelRequest r, Router.Access access) {
    String id = r.cookie(app.config.sessionCookie());
    Optional<PanelSessions.Session> s = app.sessions.find(id);
    if (s.isEmpty()) {
      throw new PanelException(401, "unauthenticated", "sign in first (no session or it expired)");
    }
    Optional<User> u = app.users.find(s.get().username());
    if (u.isEmpty() || u.get().disabled()) {
      app.sessions.delete(id);
      throw new PanelException(401, "unauthenticated", "this account is no longer active");
    }
    if (!r.method.equals("GET") && !r.method.equals("HEAD")) {
      String header = r.header(CSRF_HEADER);
      String cookie = r.cookie(app.config.csrfCookie());
      if (header == null || !header.equals(cookie) || !PanelSessions.csrfMatches(s.get(), header)) {
        throw new PanelException(403, "csrf",
            "send the CSRF token of your session in the " + CSRF_HEADER + " header");
      }
    }
    if (access == Router.Access.SIGNED_IN && app.access.mustEnrolTotp(u.get())) {
      throw new PanelException(403, "totp-enrolment-required",
          "set up two-factor authentication first (POST /api/me/totp)");
    }
    r.sessionId = id;
    r.session = app.sessions.touch(s.get());
    r.user = u.get();
  }
}
