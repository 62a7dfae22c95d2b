package org.opentld.registry.epp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.opentld.registry.Registry;
import org.opentld.registry.domain.DomainQuote;
import org.opentld.registry.epp.contact.ContactCheckCommand;
import org.opentld.registry.epp.contact.ContactCreateCommand;
import org.opentld.registry.epp.contact.ContactDeleteCommand;
import org.opentld.registry.epp.contact.ContactInfoCommand;
import org.opentld.registry.epp.contact.ContactTransferCommand;
import org.opentld.registry.epp.contact.ContactUpdateCommand;
import org.opentld.registry.epp.domain.DomainCheckCommand;
import org.opentld.registry.epp.domain.DomainCreateCommand;
import org.opentld.registry.epp.domain.DomainDeleteCommand;
import org.opentld.registry.epp.domain.DomainInfoCommand;
import org.opentld.registry.epp.domain.DomainRenewCommand;
import org.opentld.registry.epp.domain.DomainTransferCommand;
import org.opentld.registry.epp.domain.DomainUpdateCommand;
import org.opentld.registry.epp.host.HostCheckCommand;
import org.opentld.registry.epp.host.HostCreateCommand;
import org.opentld.registry.epp.host.HostDeleteCommand;
import org.opentld.registry.epp.host.HostInfoCommand;
import org.opentld.registry.epp.host.HostUpdateCommand;
import org.opentld.registry.epp.poll.PollCommand;

/**
 * The command map: (verb, object namespace) to the class that runs it. Adding a command is
 * one class and one line in {@link #standard}; the greeting's objURIs and extURIs are derived
 * from this map, so the server never advertises what it cannot do.
 */
public final class EppCommands {
  /**
   * A command's identity: the EPP verb ({@code check}, {@code info}...) and object. A command
   * without an object element ({@code poll}) is keyed by the EPP namespace itself.
   */
  public record Key(String verb, String objectNs) {}

  private final Map<Key, EppCommand> commands;

  public EppCommands(Map<Key, EppCommand> commands) {
    this.commands = Map.copyOf(commands);
  }

  /** Every command implemented so far. */
  public static EppCommands standard(Registry registry) {
    Map<Key, EppCommand> m = new LinkedHashMap<>();
    m.put(
        new Key("check", EppNs.DOMAIN),
        new DomainCheckCommand(registry.domainCheck, new DomainQuote(registry.context())));
    m.put(new Key("info", EppNs.DOMAIN), new DomainInfoCommand(registry.domainInfo));
    m.put(new Key("create", EppNs.DOMAIN), new DomainCreateCommand(registry));
    // Hosts (RFC 5732).
    m.put(new Key("check", EppNs.HOST), new HostCheckCommand(registry.hostCheck));
    m.put(new Key("info", EppNs.HOST), new HostInfoCommand(registry.hostInfo));
    m.put(new Key("create", EppNs.HOST), new HostCreateCommand(registry.hostCreate));
    m.put(new Key("update", EppNs.HOST), new HostUpdateCommand(registry.hostUpdate));
    m.put(new Key("delete", EppNs.HOST), new HostDeleteCommand(registry.hostDelete));
    // Contacts (RFC 5733).
    m.put(new Key("check", EppNs.CONTACT), new ContactCheckCommand(registry.contactCheck));
    m.put(new Key("info", EppNs.CONTACT), new ContactInfoCommand(registry.contactInfo));
    m.put(new Key("create", EppNs.CONTACT), new ContactCreateCommand(registry.contactCreate));
    m.put(new Key("update", EppNs.CONTACT), new ContactUpdateCommand(registry.contactUpdate));
    m.put(new Key("delete", EppNs.CONTACT), new ContactDeleteCommand(registry.contactDelete));
    m.put(
        new Key("transfer", EppNs.CONTACT), new ContactTransferCommand(registry.contactTransfer));
    m.put(new Key("update", EppNs.DOMAIN), new DomainUpdateCommand(registry));
    m.put(new Key("delete", EppNs.DOMAIN), new DomainDeleteCommand(registry.domainDelete));
    m.put(new Key("renew", EppNs.DOMAIN), new DomainRenewCommand(registry));
    m.put(new Key("transfer", EppNs.DOMAIN), new DomainTransferCommand(registry));
    m.put(new Key("poll", EppNs.EPP), new PollCommand(registry.poll));
    return new EppCommands(m);
  }

  public EppCommand find(String verb, String objectNs) {
    return commands.get(new Key(verb, objectNs));
  }

  /** Object namespaces with at least one command (the greeting's objURIs). */
  public Set<String> objectUris() {
    Set<String> out = new TreeSet<>();
    commands.keySet().stream()
        .filter(k -> !k.objectNs().equals(EppNs.EPP))
        .forEach(k -> out.add(k.objectNs()));
    return out;
  }

  /** Extension namespaces some command understands (the greeting's extURIs). */
  public Set<String> extensionUris() {
    Set<String> out = new TreeSet<>();
    commands.values().forEach(c -> out.addAll(c.extensions()));
    return out;
  }
}
