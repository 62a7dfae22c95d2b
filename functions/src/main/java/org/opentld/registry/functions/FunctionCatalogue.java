package org.opentld.registry.functions;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opentld.registry.functions.das.DasHandler;
import org.opentld.registry.functions.rdap.RdapHandler;

/**
 * Every Lambda function of the registry, its handler, size, HTTP routes and schedules: the one
 * list that the CDK app turns into AWS resources and that the local stack's HTTP front routes by,
 * so that AWS and the local stack cannot drift apart. Handlers are wired by hand (no scanning).
 */
public final class FunctionCatalogue {
  private FunctionCatalogue() {}

  /** Builds a function's HTTP handler from its environment. */
  @FunctionalInterface
  public interface HttpFactory {
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> create(FunctionEnvironment env);
  }

  /**
   * An API Gateway HTTP API route: a method ({@code ANY} for all) and a path of literal
   * segments, {@code {name}} variables (one segment) and a final greedy {@code {proxy+}}.
   */
  public record Route(String method, String path) {
    /** API Gateway's route key, e.g. {@code GET /rdap/domain/{name}}. */
    public String routeKey() {
      return method + " " + path;
    }
  }

  /** An EventBridge schedule of a function (cron or rate expression). */
  public record Schedule(String name, String expression) {}

  /**
   * When the escrow and reporting jobs run (UTC), one line per job, named after the job (the
   * jobs function's target input is {@code {"job": name, "segment": 0, "segments": 1}}):
   * escrow daily just after midnight (a full deposit on Sundays, differential otherwise, as
   * ICANN's Specification 2 asks), BRDA weekly on Tuesday, the ICANN reports on the 2nd for
   * the month before (due by the 20th). rde-import runs on demand only.
   */
  public static final List<Schedule> ESCROW_JOB_SCHEDULES =
      List.of(
          new Schedule("escrow", "cron(5 0 * * ? *)"),
          new Schedule("brda", "cron(30 0 ? * TUE *)"),
          new Schedule("icann-reports", "cron(0 4 2 * ? *)"));

  /**
   * One Lambda function.
   *
   * @param handler the Lambda handler string, {@code class::method}
   */
  public record Function(
      String name,
      String handler,
      int memoryMb,
      int timeoutSeconds,
      List<Route> routes,
      List<Schedule> schedules,
      HttpFactory httpFactory) {
    public Function {
      routes = List.copyOf(routes);
      schedules = List.copyOf(schedules);
    }
  }

  /** RDAP (RFC 7480/9082/9083): lookups and searches. */
  public static final Function RDAP =
      new Function(
          "rdap",
          RdapHandler.class.getName() + "::handleRequest",
          1024,
          10,
          List.of(
              new Route("GET", "/rdap/domain/{name}"),
              new Route("GET", "/rdap/nameserver/{name}"),
              new Route("GET", "/rdap/entity/{handle}"),
              new Route("GET", "/rdap/help"),
              new Route("GET", "/rdap/domains"),
              new Route("GET", "/rdap/nameservers"),
              new Route("GET", "/rdap/entities"),
              // Everything else under /rdap (HEAD, OPTIONS, unknown paths) still gets an RDAP
              // answer (200 without body, 400, 501) with CORS, not API Gateway's bare 404.
              new Route("ANY", "/rdap/{proxy+}")),
          List.of(),
          RdapHandler::new);

  /** The domain availability service. */
  public static final Function DAS =
      new Function(
          "das",
          DasHandler.class.getName() + "::handleRequest",
          512,
          10,
          List.of(new Route("GET", "/das/check"), new Route("ANY", "/das/{proxy+}")),
          List.of(),
          DasHandler::new);

  public static final List<Function> ALL = List.of(RDAP, DAS);

  /** The function and route API Gateway would pick for a request, with its path parameters. */
  public record Match(Function function, Route route, Map<String, String> pathParameters) {}

  /**
   * Route selection as API Gateway HTTP APIs do it: the most specific matching path wins
   * (literal segments before variables before a greedy variable), then a route for the exact
   * method before {@code ANY}.
   *
   * @param rawPath the request path, percent-encoded as sent
   */
  public static Optional<Match> route(String method, String rawPath) {
    String m = method.toUpperCase(Locale.ROOT);
    String[] segments = split(rawPath);
    Match best = null;
    int bestScore = -1;
    for (Function f : ALL) {
      for (Route r : f.routes()) {
        if (!r.method().equals("ANY") && !r.method().equals(m)) {
          continue;
        }
        Map<String, String> params = new HashMap<>();
        int score = match(split(r.path()), segments, params);
        if (score < 0) {
          continue;
        }
        score = score * 2 + (r.method().equals("ANY") ? 0 : 1);
        if (score > bestScore) {
          bestScore = score;
          best = new Match(f, r, Map.copyOf(params));
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** A specificity score (higher is more specific), or -1 if the pattern does not match. */
  private static int match(String[] pattern, String[] path, Map<String, String> params) {
    int score = 0;
    for (int i = 0; i < pattern.length; i++) {
      String p = pattern[i];
      if (p.startsWith("{") && p.endsWith("+}")) {
        if (i >= path.length) {
          return -1;
        }
        String[] rest = java.util.Arrays.copyOfRange(path, i, path.length);
        params.put(p.substring(1, p.length() - 2), decode(String.join("/", rest)));
        return score;
      }
      if (i >= path.length) {
        return -1;
      }
      if (p.startsWith("{") && p.endsWith("}")) {
        params.put(p.substring(1, p.length() - 1), decode(path[i]));
        score += 1000;
      } else if (p.equals(path[i])) {
        score += 1_000_000;
      } else {
        return -1;
      }
    }
    return pattern.length == path.length ? score + 1 : -1;
  }

  private static String[] split(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.isEmpty() ? new String[0] : p.split("/", -1);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
