package org.opentld.registry.functions;

import java.time.Clock;
import java.util.Map;
import org.opentld.registry.Registry;
import org.opentld.registry.RegistryConfig;
import org.opentld.registry.RegistryContext;

/**
 * What a handler is built from: the registry and its settings. In Lambda it comes from the
 * process environment once per execution environment ({@link #fromSystem()}, reused by every
 * warm invocation); the local stack and tests pass their own registry and settings, so the same
 * handler code runs against DynamoDB Local without a different code path.
 */
public record FunctionEnvironment(RegistryContext ctx, Map<String, String> settings) {
  public FunctionEnvironment {
    settings = Map.copyOf(settings);
  }

  private static final class FromSystem {
    // Built on first use: one DynamoDB client (URL-connection HTTP, see Registry) per JVM.
    static final FunctionEnvironment INSTANCE =
        new FunctionEnvironment(
            new Registry(Registry.defaultClient(), Clock.systemUTC(), RegistryConfig.fromEnvironment())
                .context(),
            System.getenv());
  }

  /** The environment of a Lambda execution environment (or any process configured alike). */
  public static FunctionEnvironment fromSystem() {
    return FromSystem.INSTANCE;
  }

  /** A setting, or {@code fallback} when unset or blank. */
  public String get(String name, String fallback) {
    String v = settings.get(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  public int getInt(String name, int fallback) {
    String v = settings.get(name);
    return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
  }

  public double getDouble(String name, double fallback) {
    String v = settings.get(name);
    return v == null || v.isBlank() ? fallback : Double.parseDouble(v.strip());
  }
}
