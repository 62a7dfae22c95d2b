package org.opentld.registry.functions.panel;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.user.SignInRefused;

/**
 * Errors as {@code application/problem+json} (RFC 9457): a {@code type} URN per kind of problem,
 * the HTTP status and its title, a {@code detail} safe for the user and, for registry errors,
 * the EPP result code. Internal failures (2400, bugs) never show their message.
 */
final class Problems {
  static final String MEDIA_TYPE = "application/problem+json";

  private Problems() {}

  /** The HTTP status and problem slug of a registry error (RFC 5730 §3 codes). */
  static int status(RegistryException e) {
    if (e instanceof RegistryException.ConcurrentModification) {
      return 409;
    }
    return switch (e.code().code()) {
      case 2303 -> 404;
      case 2302, 2300, 2301, 2304, 2305 -> 409;
      case 2201 -> 403;
      case 2200 -> 401;
      case 2104 -> 402;
      case 2001, 2003, 2005 -> 400;
      case 2004, 2102, 2105, 2106, 2202, 2306, 2308 -> 422;
      default -> 500;
    };
  }

  static String slug(int status) {
    return switch (status) {
      case 400 -> "bad-request";
      case 401 -> "unauthenticated";
      case 402 -> "billing";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 409 -> "conflict";
      case 415 -> "unsupported-media-type";
      case 422 -> "policy";
      case 423 -> "account-locked";
      case 503 -> "not-configured";
      default -> "internal";
    };
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 402 -> "Payment Required";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Content";
      case 423 -> "Locked";
      case 503 -> "Service Unavailable";
      default -> "Internal Server Error";
    };
  }

  static APIGatewayV2HTTPResponse of(RegistryException e) {
    if (e instanceof SignInRefused s) {
      return switch (s.reason()) {
        case LOCKED -> {
          ObjectNode p = body(423, "account-locked", e.getMessage());
          p.put("code", e.code().code());
          p.put("lockedUntil", s.lockedUntil().toString());
          yield Answers.json(423, p, MEDIA_TYPE);
        }
        case TOTP_REQUIRED -> of(401, "totp-required", e.getMessage(), e.code().code());
        case INVALID_CREDENTIALS -> of(401, "invalid-credentials", e.getMessage(), e.code().code());
      };
    }
    int status = status(e);
    String detail = status == 500 ? "the request could not be completed; nothing was changed" : e.getMessage();
    return of(status, slug(status), detail, e.code().code());
  }

  static APIGatewayV2HTTPResponse of(PanelException e) {
    ObjectNode p = body(e.status, e.slug, e.getMessage());
    e.extra.forEach(p::put);
    return Answers.json(e.status, p, MEDIA_TYPE);
  }

  static APIGatewayV2HTTPResponse internal() {
    return Answers.json(500, body(500, "internal", "the request could not be completed"), MEDIA_TYPE);
  }

  private static APIGatewayV2HTTPResponse of(int status, String slug, String detail, int code) {
    ObjectNode p = body(status, slug, detail);
    p.put("code", code);
    return Answers.json(status, p, MEDIA_TYPE);
  }

  private static ObjectNode body(int status, String slug, String detail) {
    ObjectNode p = PanelJson.object();
    p.put("type", "urn:opentld:problem:" + slug);
    p.put("title", title(status));
    p.put("status", status);
    p.put("detail", detail);
    return p;
  }
}
