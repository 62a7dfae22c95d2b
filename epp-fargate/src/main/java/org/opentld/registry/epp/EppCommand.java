package org.opentld.registry.epp;

import java.util.Set;

/**
 * One EPP object command (Nomulus calls these flows): parses its element of the validated
 * request, calls one registry operation and renders the response. A command holds no
 * per-session state; one instance serves every session. Registry failures are thrown as
 * {@code RegistryException} and become {@code <result>} elements in the dispatcher.
 */
public interface EppCommand {
  EppResponse run(EppRequest request);

  /** The extension namespaces this command understands in requests or adds to responses. */
  default Set<String> extensions() {
    return Set.of();
  }
}
