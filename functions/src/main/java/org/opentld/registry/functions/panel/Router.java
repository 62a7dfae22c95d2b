package org.opentld.registry.functions.panel;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The panel API's routes below {@code /api}: method, a path of literal segments, {@code {name}}
 * variables and a final greedy {@code {name+}}, whether a session is needed, and the action.
 * A path that matches with another method is 405 with {@code Allow}; none is 404.
 */
final class Router {
  /** What a route needs before its action runs. */
  enum Access {
    /** No session (sign-in). */
    PUBLIC,
    /** A session, even one that must still enrol TOTP. */
    ENROLMENT,
    /** A session of a user who may use the panel. */
    SIGNED_IN
  }

  @FunctionalInterface
  interface Action {
    APIGatewayV2HTTPResponse run(PanelRequest r);
  }

  record Route(String method, String[] pattern, Access access, Action action) {}

  record Match(Route route, Map<String, String> params) {}

  private final List<Route> routes = new ArrayList<>();

  Router add(String method, String path, Access access, Action action) {
    routes.add(new Route(method, path.isEmpty() ? new String[0] : path.split("/"), access, action));
    return this;
  }

  Router get(String path, Action action) {
    return add("GET", path, Access.SIGNED_IN, action);
  }

  Router post(String path, Action action) {
    return add("POST", path, Access.SIGNED_IN, action);
  }

  Router put(String path, Action action) {
    return add("PUT", path, Access.SIGNED_IN, action);
  }

  Router patch(String path, Action action) {
    return add("PATCH", path, Access.SIGNED_IN, action);
  }

  Router delete(String path, Action action) {
    return add("DELETE", path, Access.SIGNED_IN, action);
  }

  Match find(String method, String path) {
    String[] segments = path.isEmpty() ? new String[0] : path.split("/", -1);
    String m = method.equals("HEAD") ? "GET" : method;
    TreeSet<String> allowed = new TreeSet<>();
    Match best = null;
    int bestScore = -1;
    for (Route r : routes) {
      Map<String, String> params = new HashMap<>();
      int score = match(r.pattern(), segments, params);
      if (score < 0) {
        continue;
      }
      allowed.add(r.method());
      if (r.method().equals(m) && score > bestScore) {
        best = new Match(r, params);
        bestScore = score;
      }
    }
    if (best != null) {
      return best;
    }
    if (!allowed.isEmpty()) {
      throw new PanelException(405, "method-not-allowed", "use " + String.join(", ", allowed),
          Map.of("allow", String.join(", ", allowed)));
    }
    throw PanelException.notFound("no such endpoint: /api/" + path);
  }

  /** Literal segments score higher than variables, so {@code ledger.csv} beats {@code {x}}. */
  private static int match(String[] pattern, String[] path, Map<String, String> params) {
    int score = 0;
    for (int i = 0; i < pattern.length; i++) {
      String p = pattern[i];
      if (p.startsWith("{") && p.endsWith("+}")) {
        if (i >= path.length) {
          return -1;
        }
        params.put(p.substring(1, p.length() - 2),
            String.join("/", java.util.Arrays.copyOfRange(path, i, path.length)));
        return score;
      }
      if (i >= path.length) {
        return -1;
      }
      if (p.startsWith("{")) {
        if (path[i].isEmpty()) {
          return -1;
        }
        params.put(p.substring(1, p.length() - 1), path[i]);
        score += 1;
      } else if (p.equals(path[i])) {
        score += 100;
      } else {
        return -1;
      }
    }
    return pattern.length == path.length ? score : -1;
  }
}
