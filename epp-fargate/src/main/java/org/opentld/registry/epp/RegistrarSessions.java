package org.opentld.registry.epp;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open EPP sessions per registrar on this server, bounded by a per-registrar maximum (RFC 5730
 * §3 code 2502, "session limit exceeded; server closing connection"). The count is per server
 * task, not global: with N tasks behind the load balancer a registrar can hold up to N times
 * the maximum, so the configured value is the registry's limit divided by the task count.
 */
public final class RegistrarSessions {
  private final int max;
  private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

  public RegistrarSessions(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("the session limit must be positive");
    }
    this.max = max;
  }

  public int max() {
    return max;
  }

  /** Takes a slot for the registrar; false (and nothing taken) if it already has the maximum. */
  public boolean tryOpen(String registrarId) {
    boolean[] taken = {false};
    open.compute(registrarId, (id, n) -> {
      int current = n == null ? 0 : n;
      if (current >= max) {
        return n;
      }
      taken[0] = true;
      return current + 1;
    });
    return taken[0];
  }

  /** Gives a slot back. */
  public void close(String registrarId) {
    open.computeIfPresent(registrarId, (id, n) -> n <= 1 ? null : n - 1);
  }

  /** Open sessions of one registrar. */
  public int count(String registrarId) {
    return open.getOrDefault(registrarId, 0);
  }

  /** Open sessions of all registrars. */
  public int total() {
    return open.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Open sessions by registrar (a copy). */
  public Map<String, Integer> snapshot() {
    return new TreeMap<>(open);
  }
}
