package org.opentld.registry.functions.rdap;

import static org.opentld.registry.functions.rdap.RdapJson.F;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.contact.Contact;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.host.Host;
import org.opentld.registry.lookup.PublicLookup;
import org.opentld.registry.registrar.Registrar;

/**
 * The RDAP query types of RFC 9082 §3 on the registry's public view: lookups of a domain,
 * nameserver or entity, the help query, and searches for domains by name, nameservers by name or
 * address, and registrar entities by name. Anything else under the service is a valid URL this
 * server does not implement (501, RFC 7480 §5.5).
 */
final class RdapQueries {
  private final RegistryContext ctx;
  private final PublicLookup lookup;
  private final RdapJson json;
  private final RdapObjects objects;
  private final int limit;

  RdapQueries(RegistryContext ctx, RdapConfig config) {
    this.ctx = ctx;
    this.lookup = new PublicLookup(ctx);
    this.json = new RdapJson(config);
    this.objects = new RdapObjects(json, lookup);
    this.limit = config.searchLimit();
  }

  RdapJson json() {
    return json;
  }

  /** The kind of query a path asks for (for metrics and logs). */
  static String kind(String[] path) {
    return path.length >= 2 && path[0].equals("rdap") ? path[1] : "other";
  }

  /**
   * Answers one query.
   *
   * @param path the decoded path segments, starting with {@code rdap}
   * @param param reads a query parameter
   * @throws RdapException for an answer other than 200
   */
  ObjectNode answer(String[] path, Function<String, String> param) {
    if (path.length < 2 || !path[0].equals("rdap")) {
      throw RdapException.notImplemented("not an RDAP path of this server");
    }
    Instant now = ctx.now();
    try {
      return switch (path[1] + "/" + path.length) {
        case "domain/3" -> domain(path[2], now);
        case "nameserver/3" -> nameserver(path[2], now);
        case "entity/3" -> entity(path[2], now);
        case "help/2" -> json.notices(json.top(), false, json.base() + "/help");
        case "domains/2" -> searchDomains(param, now);
        case "nameservers/2" -> searchNameservers(param, now);
        case "entities/2" -> searchEntities(param, now);
        case "domain/2", "nameserver/2", "entity/2" ->
            throw RdapException.badRequest("the query needs a name or handle after /" + path[1]);
        default -> throw RdapException.notImplemented("/" + String.join("/", path) + " is not supported");
      };
    } catch (RegistryException e) {
      if (e.code() == ResultCode.OBJECT_DOES_NOT_EXIST) {
        throw RdapException.notFound(e.getMessage());
      }
      if (e.code() == ResultCode.PARAMETER_VALUE_SYNTAX
          || e.code() == ResultCode.PARAMETER_VALUE_RANGE
          || e.code() == ResultCode.MISSING_PARAMETER) {
        throw RdapException.badRequest(e.getMessage());
      }
      throw e;
    }
  }

  private ObjectNode domain(String name, Instant now) {
    Domain d = lookup.domain(name).orElseThrow(() -> RdapException.notFound("no domain " + name));
    ObjectNode o = objects.domain(json.top(), d, now);
    return json.notices(o, true, json.base() + "/domain/" + d.name());
  }

  private ObjectNode nameserver(String name, Instant now) {
    Host h = lookup.host(name).orElseThrow(() -> RdapException.notFound("no nameserver " + name));
    ObjectNode o = objects.nameserver(json.top(), h, true, now);
    return json.notices(o, false, json.base() + "/nameserver/" + h.name());
  }

  /** A registrar by IANA ID or registrar id, else a contact by id. */
  private ObjectNode entity(String handle, Instant now) {
    Optional<Registrar> r =
        handle.matches("\\d{1,18}") ? lookup.registrarByIanaId(Long.parseLong(handle)) : Optional.empty();
    if (r.isEmpty()) {
      r = lookup.registrar(handle);
    }
    String self = json.base() + "/entity/" + handle;
    if (r.isPresent()) {
      ObjectNode o = objects.registrar(json.top(), r.get(), now);
      ArrayNode ev = o.putArray("events");
      RdapJson.event(ev, "registration", r.get().createdAt());
      RdapJson.event(ev, "last changed", r.get().updatedAt());
      RdapJson.lastUpdate(ev, now);
      return json.notices(o, false, self);
    }
    Contact c = lookup.contact(handle).orElseThrow(() -> RdapException.notFound("no entity " + handle));
    ObjectNode o = json.top();
    ArrayNode redacted = F.arrayNode();
    objects.contact(o, c, redacted, "$", null);
    RdapObjects.status(o, RdapStatus.of(c.effectiveStatuses(), List.of()));
    ArrayNode ev = o.putArray("events");
    RdapJson.event(ev, "registration", c.createdAt());
    RdapJson.event(ev, "last changed", c.updatedAt());
    RdapJson.lastUpdate(ev, now);
    o.putArray("links").add(json.self("/entity/" + c.id()));
    if (!redacted.isEmpty()) {
      o.set("redacted", redacted);
    }
    return json.notices(o, false, self);
  }

  private ObjectNode searchDomains(Function<String, String> param, Instant now) {
    String name = require(param, "name", "nsLdhName", "nsIp");
    List<Domain> found = lookup.searchDomains(name, limit);
    return results("domainSearchResults", found, d -> objects.domainSummary(F.objectNode(), d, now), "/domains");
  }

  private ObjectNode searchNameservers(Function<String, String> param, Instant now) {
    String name = param.apply("name");
    String ip = param.apply("ip");
    if (name == null && ip == null) {
      throw RdapException.badRequest("give name= or ip=");
    }
    List<Host> found = name != null ? lookup.searchHosts(name, limit) : lookup.hostsByIp(ip, limit);
    return results(
        "nameserverSearchResults", found, h -> objects.nameserver(F.objectNode(), h, false, now), "/nameservers");
  }

  private ObjectNode searchEntities(Function<String, String> param, Instant now) {
    String fn = require(param, "fn", "handle");
    // A registrar name pattern: contacts are not searchable (their names are personal data).
    List<Registrar> found = lookup.searchRegistrars(fn, limit + 1);
    return results("entitySearchResults", found, r -> objects.registrar(F.objectNode(), r, now), "/entities");
  }

  /** The parameter {@code name}; one of {@code unsupported} instead is valid RDAP we lack (501). */
  private static String require(Function<String, String> param, String name, String... unsupported) {
    String v = param.apply(name);
    if (v != null && !v.isBlank()) {
      return v;
    }
    for (String u : unsupported) {
      if (param.apply(u) != null) {
        throw RdapException.notImplemented("search by " + u + " is not supported");
      }
    }
    throw RdapException.badRequest("give " + name + "=");
  }

  private <T> ObjectNode results(String member, List<T> found, Function<T, ObjectNode> render, String path) {
    ObjectNode o = json.top();
    ArrayNode arr = o.putArray(member);
    found.stream().limit(limit).forEach(x -> arr.add(render.apply(x)));
    json.notices(o, false, json.base() + path);
    if (found.size() > limit) {
      ((ArrayNode) o.get("notices")).add(json.truncated(limit));
    }
    return o;
  }
}
