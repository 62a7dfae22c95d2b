package org.opentld.registry.functions.rdap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.opentld.registry.functions.FunctionEnvironment;
import org.opentld.registry.functions.http.HttpResponses;
import org.opentld.registry.functions.http.Observed;
import org.opentld.registry.functions.http.RateLimiter;
import org.opentld.registry.functions.http.Requests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RDAP service (RFC 7480) behind API Gateway: HTTP concerns only (method, rate limit, status
 * codes, headers); the queries are {@link RdapQueries}. GET answers with {@code
 * application/rdap+json}; HEAD with the same status and no body; OPTIONS is a CORS preflight;
 * other methods are 405. Every answer carries CORS, errors included.
 */
public final class RdapHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(RdapHandler.class);
  private final RdapQueries queries;
  private final RateLimiter limiter;

  /** The Lambda entry point: the registry and settings from the process environment. */
  public RdapHandler() {
    this(FunctionEnvironment.fromSystem());
  }

  public RdapHandler(FunctionEnvironment env) {
    this(env, RdapConfig.from(env));
  }

  public RdapHandler(FunctionEnvironment env, RdapConfig config) {
    this.queries = new RdapQueries(env.ctx(), config);
    this.limiter = new RateLimiter(config.ratePerSecond(), config.burst());
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String[] path = Requests.pathSegments(event);
    return Observed.run(context, "rdap." + RdapQueries.kind(path), () -> answer(event, path));
  }

  /** The answer without the Powertools wrapping (for measuring the handler alone). */
  public APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event, String[] path) {
    String method = Requests.method(event);
    if (method.equals("OPTIONS")) {
      return HttpResponses.preflight(RdapJson.MEDIA_TYPE);
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return HttpResponses.of(405, RdapJson.MEDIA_TYPE,
          body(405, "Method Not Allowed", "RDAP is read with GET or HEAD"), HttpResponses.NO_STORE);
    }
    long wait = limiter.acquire(Requests.sourceIp(event));
    APIGatewayV2HTTPResponse r;
    if (wait > 0) {
      r = HttpResponses.retryAfter(
          error(429, "Too Many Requests", "query rate limit exceeded; retry later"), wait);
    } else {
      r = query(event, path);
    }
    return method.equals("HEAD") ? HttpResponses.withoutBody(r) : r;
  }

  private APIGatewayV2HTTPResponse query(APIGatewayV2HTTPEvent event, String[] path) {
    try {
      String body = RdapJson.write(queries.answer(path, name -> Requests.query(event, name)));
      return HttpResponses.of(200, RdapJson.MEDIA_TYPE, body, HttpResponses.CACHE_SHORT);
    } catch (RdapException e) {
      return error(e.status, e.title, e.getMessage());
    } catch (RuntimeException e) {
      // Never send an internal message to a client; the log has it with the request id.
      LOG.error("RDAP query {} failed", event.getRawPath(), e);
      return error(500, "Internal Server Error", "the query could not be answered");
    }
  }

  private APIGatewayV2HTTPResponse error(int status, String title, String description) {
    return HttpResponses.of(
        status, RdapJson.MEDIA_TYPE, body(status, title, description), HttpResponses.cacheFor(status));
  }

  private String body(int status, String title, String description) {
    return RdapJson.write(queries.json().error(status, title, description));
  }
}
