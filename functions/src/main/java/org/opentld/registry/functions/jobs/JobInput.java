package org.opentld.registry.functions.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The jobs Lambda's input, as an EventBridge Scheduler target sends it: {@code {"job":
 * "auto-renew", "segment": 0, "segments": 4, "params": {"lookback-days": "45"}}}; {@code segment}
 * and {@code segments} default to 0 and 1, parameter values may be JSON strings, numbers or
 * booleans.
 */
public record JobInput(String job, int segment, int segments, Map<String, String> params) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public JobInput {
    if (job == null || job.isBlank()) {
      throw new IllegalArgumentException("input needs \"job\"");
    }
    if (segments < 1 || segment < 0 || segment >= segments) {
      throw new IllegalArgumentException(
          "\"segment\" must be in 0.."
              + (segments - 1)
              + " and \"segments\" >= 1: got "
              + segment
              + " of "
              + segments);
    }
    params = params == null ? Map.of() : Map.copyOf(params);
  }

  /** Parses the input event; a malformed one is an {@link IllegalArgumentException}. */
  public static JobInput parse(byte[] json) {
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("input is not JSON: " + e.getMessage(), e);
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("input must be a JSON object with \"job\"");
    }
    Map<String, String> params = new LinkedHashMap<>();
    JsonNode p = n.path("params");
    if (!p.isMissingNode() && !p.isNull()) {
      if (!p.isObject()) {
        throw new IllegalArgumentException("\"params\" must be an object");
      }
      p.fields()
          .forEachRemaining(
              e -> {
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                  throw new IllegalArgumentException("param " + e.getKey() + " must be a value");
                }
                params.put(e.getKey(), e.getValue().asText());
              });
    }
    return new JobInput(
        n.path("job").asText(null), integer(n, "segment", 0), integer(n, "segments", 1), params);
  }

  private static int integer(JsonNode n, String field, int fallback) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (v.canConvertToInt() && v.isIntegralNumber()) {
      return v.asInt();
    }
    if (v.isTextual() && v.asText().matches("\\d{1,6}")) {
      return Integer.parseInt(v.asText());
    }
    throw new IllegalArgumentException("\"" + field + "\" must be an integer");
  }

  /** This input as JSON (what a schedule sends). */
  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("job", job);
    o.put("segment", segment);
    o.put("segments", segments);
    ObjectNode p = o.putObject("params");
    new java.util.TreeMap<>(params).forEach(p::put);
    return o.toString();
  }
}
