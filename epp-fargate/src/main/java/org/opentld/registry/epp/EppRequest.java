package org.opentld.registry.epp;

import java.util.Optional;
import org.opentld.registry.common.Caller;
import org.w3c.dom.Element;

/**
 * One validated object command handed to an {@link EppCommand}.
 *
 * @param object the object element, e.g. {@code <domain:check>}
 * @param extension the command's {@code <extension>} element, or null
 * @param caller the registrar with clTRID, svTRID and the request text for history
 */
public record EppRequest(Element object, Element extension, EppSession session, Caller caller) {

  /** The extension element {@code ns:name}, if the client sent it. */
  public Optional<Element> extension(String ns, String name) {
    return extension == null ? Optional.empty() : Dom.child(extension, ns, name);
  }

  /** True if the client logged in for the extension, so responses may carry its data. */
  public boolean uses(String extensionNs) {
    return session.extUris().contains(extensionNs);
  }
}
