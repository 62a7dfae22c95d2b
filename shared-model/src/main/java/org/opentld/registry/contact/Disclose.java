package org.opentld.registry.contact;

import java.util.Set;

/**
 * A contact's disclosure preference (RFC 5733 §2.9): {@code flag} true means the listed
 * fields may be disclosed, false means they must not be. Field names are the RFC's element
 * names with form, e.g. {@code name:int}, {@code addr:loc}, {@code voice}, {@code email}.
 */
public record Disclose(boolean flag, Set<String> fields) {
  public Disclose {
    fields = fields == null ? Set.of() : Set.copyOf(fields);
  }
}
