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
import org.opentld.registry.functions.panel.PanelHandler;
import org.opentld.registry.functions.jobs.AutoRenewJob;
import org.opentld.registry.functions.jobs.JobHandler;
import org.opentld.registry.functions.jobs.JobInput;
import org.opentld.registry.functions.jobs.NotificationsJob;
import org.opentld.registry.functions.jobs.PurgeJob;
import org.opentld.registry.functions.jobs.RestoreDeadlineJob;
import org.opentld.registry.functions.jobs.TransferAutoApproveJob;
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
   * The schedule of one job of the {@link #JOBS} function: EventBridge Scheduler invokes the
   * function once per segment at each {@code expression} (UTC), segment {@code i} with the
   * target input {@link #input(int) input(i)}, i.e. {@code {"job": job, "segment": i,
   * "segments": segments, "params": params}}. The local stack's scheduler reads the same list.
   *
   * @param job the job's name, as in {@code jobs.Jobs}
   * @param expression {@code rate(n unit)} or {@code cron(min hour dom month dow year)}
   * @param segments how many shards run side by side (1 or a divisor of 16 reads least)
   * @param params job parameters sent to every segment
   */
  public record JobSchedule(
      String job, String expression, int segments, Map<String, String> params) {
    public JobSchedule {
      if (segments < 1) {
        throw new IllegalArgumentException("segments must be at least 1");
      }
      params = Map.copyOf(params);
    }

    public JobSchedule(String job, String expression, int segments) {
      this(job, expression, segments, Map.of());
    }

    /** The schedule as a plain {@link Schedule}, named after the job. */
    public Schedule schedule() {
      return new Schedule(job, expression);
    }

    /** The target input (JSON) of one segment's invocation. */
    public String input(int segment) {
      return new JobInput(job, segment, segments, params).toJson();
    }
  }

  /** When each job runs and in how many segments (one line per job). */
  public static final List<JobSchedule> JOB_SCHEDULES =
      List.of(
          new JobSchedule(AutoRenewJob.NAME, "rate(1 hour)", 4),
          new JobSchedule(TransferAutoApproveJob.NAME, "rate(15 minutes)", 2),
          new JobSchedule(PurgeJob.NAME, "cron(30 * * * ? *)", 2),
          new JobSchedule(RestoreDeadlineJob.NAME, "rate(1 hour)", 1),
          new JobSchedule(NotificationsJob.NAME, "cron(0 6 * * ? *)", 1),
          // escrow daily just after midnight (full on Sundays, differential otherwise, as
          // ICANN's Specification 2 asks), BRDA weekly on Tuesday, ICANN reports on the 2nd
          // for the month before (due by the 20th); rde-import runs on demand only
          new JobSchedule("escrow", "cron(5 0 * * ? *)", 1),
          new JobSchedule("brda", "cron(30 0 ? * TUE *)", 1),
          new JobSchedule("icann-reports", "cron(0 4 2 * ? *)", 1));

  /** The schedule of a job, if it has one. */
  public static Optional<JobSchedule> jobSchedule(String job) {
    return JOB_SCHEDULES.stream().filter(s -> s.job().equals(job)).findFirst();
  }

  /**
   * One Lambda function.
   *
   * @param handler the Lambda handler string, {@code class::method}
   * @param httpFactory builds the HTTP handler; null for functions without routes (jobs)
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

  /** The panel's JSON API (docs/panel-api.md): sessions, accounts, objects, reports. */
  public static final Function PANEL_API =
      new Function(
          "panel-api",
          PanelHandler.class.getName() + "::handleRequest",
          1024,
          29,
          List.of(new Route("ANY", "/api/{proxy+}")),
          List.of(),
          PanelHandler::new);

  /**
   * Scheduled jobs (lifecycle, notifications…): one function for every job, no HTTP route; the
   * schedules are {@link #JOB_SCHEDULES} (input {@link JobInput}). Lambda's longest timeout:
   * a segment that needs longer needs more segments.
   */
  public static final Function JOBS =
      new Function(
          "jobs",
          JobHandler.class.getName() + "::handleRequest",
          1024,
          900,
          List.of(),
          JOB_SCHEDULES.stream().map(JobSchedule::schedule).toList(),
          null);

  public static final List<Function> ALL = List.of(RDAP, DAS, PANEL_API, JOBS);

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
