package org.opentld.registry.functions.panel;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.opentld.registry.user.PanelAccess;
import org.opentld.registry.user.PanelSignIn;
import org.opentld.registry.user.Totp;
import org.opentld.registry.user.User;
import org.opentld.registry.user.UserAdmin;

/** Sign-in and sign-out, the current user, TOTP enrolment and the user's own password. */
final class SessionRoutes {
  private final PanelApp app;

  SessionRoutes(PanelApp app) {
    this.app = app;
  }

  void register(Router r) {
    r.add("POST", "session", Router.Access.PUBLIC, this::signIn);
    r.add("DELETE", "session", Router.Access.ENROLMENT, this::signOut);
    r.add("GET", "session", Router.Access.ENROLMENT, this::me);
    r.add("GET", "me", Router.Access.ENROLMENT, this::me);
    r.add("POST", "me/totp", Router.Access.ENROLMENT, this::startTotp);
    r.add("POST", "me/totp/confirm", Router.Access.ENROLMENT, this::confirmTotp);
    r.post("me/password", this::password);
  }

  private APIGatewayV2HTTPResponse signIn(PanelRequest r) {
    PanelSignIn.Result s = app.signIn.signIn(r.str("username"), r.str("password"), r.str("totp"));
    ObjectNode o = PanelJson.object();
    o.set("user", PanelJson.user(s.user(), app.ctx.now()));
    o.put("csrfToken", s.session().csrfToken());
    o.put("expiresAt", s.session().session().expiresAt().toString());
    o.put("mustEnrolTotp", app.access.mustEnrolTotp(s.user()));
    APIGatewayV2HTTPResponse resp = Answers.ok(o);
    long maxAge = app.config.sessionMax().toSeconds();
    resp.setCookies(List.of(
        app.config.cookie(app.config.sessionCookie(), s.session().id(), maxAge, true),
        app.config.cookie(app.config.csrfCookie(), s.session().csrfToken(), maxAge, false)));
    return resp;
  }

  private APIGatewayV2HTTPResponse signOut(PanelRequest r) {
    app.sessions.delete(r.sessionId);
    APIGatewayV2HTTPResponse resp = Answers.noContent();
    resp.setCookies(List.of(
        app.config.cookie(app.config.sessionCookie(), "", 0, true),
        app.config.cookie(app.config.csrfCookie(), "", 0, false)));
    return resp;
  }

  private APIGatewayV2HTTPResponse me(PanelRequest r) {
    ObjectNode o = PanelJson.object();
    o.set("user", PanelJson.user(r.user, app.ctx.now()));
    // The cookie holds the token too; the body saves the page from parsing cookies.
    o.put("csrfToken", r.cookie(app.config.csrfCookie()));
    o.put("mustEnrolTotp", app.access.mustEnrolTotp(r.user));
    o.put("secondFactor", r.session.secondFactor());
    o.put("expiresAt", r.session.expiresAt().toString());
    ArrayNode p = o.putArray("permissions");
    PanelAccess.permissions(r.user).forEach(x -> p.add(x.label()));
    return Answers.ok(o);
  }

  private APIGatewayV2HTTPResponse startTotp(PanelRequest r) {
    String secret = app.users.startTotpEnrolment(PanelAccess.adminCaller(r.user, r.svTrid()), r.user.username());
    ObjectNode o = PanelJson.object();
    o.put("secret", secret);
    o.put("otpauthUri", Totp.uri(app.config.totpIssuer(), r.user.username(), secret));
    return Answers.ok(o);
  }

  private APIGatewayV2HTTPResponse confirmTotp(PanelRequest r) {
    User u = app.users.confirmTotp(PanelAccess.adminCaller(r.user, r.svTrid()), r.user.username(), r.required("code"));
    ObjectNode o = PanelJson.object();
    o.set("user", PanelJson.user(u, app.ctx.now()));
    return Answers.ok(o);
  }

  private APIGatewayV2HTTPResponse password(PanelRequest r) {
    if (!UserAdmin.verifyPassword(r.user, r.required("currentPassword"))) {
      throw new PanelException(422, "policy", "the current password is not right");
    }
    app.users.setPassword(PanelAccess.adminCaller(r.user, r.svTrid()), r.user.username(), r.required("newPassword"));
    return Answers.noContent();
  }
}
