package org.opentld.registry.functions.das;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.opentld.registry.domain.DomainCheck;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.functions.FunctionEnvironment;
import org.opentld.registry.functions.http.HttpResponses;
import org.opentld.registry.functions.http.Observed;
import org.opentld.registry.functions.http.RateLimiter;
import org.opentld.registry.functions.http.Requests;
import org.opentld.registry.lookup.Availability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The domain availability service: {@code GET /das/check?name=x.test} or {@code
 * ?names=a.test,b.test} (up to the TLD's check limit, 50 by default) answers per name whether it
 * is available, registered, reserved, premium (with its one-year create price) or invalid (with
 * the reason), as JSON or, with {@code format=text}, one line per name for scripts. The answer
 * is {@link DomainCheck}'s, worded by {@link Availability}.
 */
public final class DasHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(DasHandler.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String JSON = "application/json";
  private static final String TEXT = "text/plain; charset=utf-8";
  private final DomainCheck check;
  private final RateLimiter limiter;

  /** The Lambda entry point: the registry and settings from the process environment. */
  public DasHandler() {
    this(FunctionEnvironment.fromSystem());
  }

  public DasHandler(FunctionEnvironment env) {
    this.check = new DomainCheck(env.ctx());
    this.limiter =
        new RateLimiter(env.getDouble("DAS_RATE_PER_SECOND", 10), env.getDouble("DAS_RATE_BURST", 30));
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return Observed.run(context, "das.check", () -> answer(event));
  }

  APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event) {
    String method = Requests.method(event);
    if (method.equals("OPTIONS")) {
      return HttpResponses.preflight(JSON);
    }
    boolean text = "text".equals(Requests.query(event, "format"));
    String[] path = Requests.pathSegments(event);
    if (path.length != 2 || !path[1].equals("check")) {
      return error(404, "no such service: use /das/check?name=", text);
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return error(405, "use GET", text);
    }
    long wait = limiter.acquire(Requests.sourceIp(event));
    if (wait > 0) {
      return HttpResponses.retryAfter(error(429, "query rate limit exceeded; retry later", text), wait);
    }
    List<String> names = names(event);
    if (names.isEmpty()) {
      return error(400, "give name= or names=a,b,...", text);
    }
    List<DomainCheck.Result> results;
    try {
      results = check.check(names, 1);
    } catch (RegistryException e) {
      return error(400, e.getMessage(), text);
    } catch (RuntimeException e) {
      LOG.error("DAS check failed", e);
      return error(500, "the check could not be answered", text);
    }
    APIGatewayV2HTTPResponse r =
        text
            ? HttpResponses.of(200, TEXT, lines(results), HttpResponses.CACHE_SHORT)
            : HttpResponses.of(200, JSON, json(results), HttpResponses.CACHE_SHORT);
    // A check is a point-in-time answer that a registration can change at once: do not cache.
    r.getHeaders().put("cache-control", HttpResponses.NO_STORE);
    return method.equals("HEAD") ? HttpResponses.withoutBody(r) : r;
  }

  private static List<String> names(APIGatewayV2HTTPEvent event) {
    List<String> out = new ArrayList<>();
    for (String p : List.of("name", "names")) {
      String v = Requests.query(event, p);
      if (v != null) {
        for (String n : v.split(",")) {
          if (!n.isBlank()) {
            out.add(n.strip());
          }
        }
      }
    }
    return out;
  }

  private static String json(List<DomainCheck.Result> results) {
    ObjectNode o = MAPPER.createObjectNode();
    ArrayNode arr = o.putArray("results");
    for (DomainCheck.Result r : results) {
      Availability a = Availability.of(r);
      ObjectNode n = arr.addObject();
      n.put("name", r.name());
      n.put("status", a.label());
      n.put("available", r.available());
      if (r.price() != null) {
        ObjectNode p = n.putObject("price");
        p.put("amount", r.price().decimal());
        p.put("currency", r.price().currency());
        p.put("years", 1);
      }
      if (a == Availability.RESERVED || a == Availability.INVALID) {
        n.put("reason", r.reason());
      }
    }
    return o.toString();
  }

  private static String lines(List<DomainCheck.Result> results) {
    StringBuilder sb = new StringBuilder();
    for (DomainCheck.Result r : results) {
      Availability a = Availability.of(r);
      sb.append(r.name()).append(' ').append(a.label());
      if (a == Availability.PREMIUM && r.price() != null) {
        sb.append(' ').append(r.price());
      } else if (a == Availability.RESERVED || a == Availability.INVALID) {
        sb.append(' ').append(r.reason().replace('\n', ' '));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static APIGatewayV2HTTPResponse error(int status, String message, boolean text) {
    String body;
    if (text) {
      body = "error " + status + ": " + message + "\n";
    } else {
      ObjectNode o = MAPPER.createObjectNode();
      o.put("errorCode", status);
      o.put("description", message);
      body = o.toString();
    }
    return HttpResponses.of(status, text ? TEXT : JSON, body, HttpResponses.cacheFor(status));
  }
}
