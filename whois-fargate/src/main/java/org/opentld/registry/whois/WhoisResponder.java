package org.opentld.registry.whois;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.contact.Contact;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DomainName;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.lookup.PublicLookup;
import org.opentld.registry.registrar.Registrar;

/**
 * Answers one parsed WHOIS query from the registry's public read view. Blocking (it reads
 * DynamoDB): call it off the event loop.
 *
 * <p>Registrars are cached for a minute: nearly every answer names one, they change rarely, and
 * ICANN's RDDS update-time service level (Registry Agreement Specification 10 §2) allows 60
 * minutes. Whole answers (found and not found) may also be cached for a configured time
 * ({@code WHOIS_CACHE_SECONDS}, 60 s by default in the server, off when 0): a scraped name is
 * then served without reading DynamoDB again, and the answer's "Last update of WHOIS database"
 * line says when its data was read.
 */
public final class WhoisResponder {
  /** How a query ended, for the counters. */
  public enum Outcome {
    FOUND,
    NOT_FOUND,
    INVALID
  }

  /** The text to send and what it was. */
  public record Answer(String text, Outcome outcome, WhoisMetrics.Type type) {}

  private static final long REGISTRAR_TTL_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final PublicLookup lookup;
  private final Clock clock;
  private final WhoisFormat format;
  private final ConcurrentHashMap<String, Cached> registrars = new ConcurrentHashMap<>();

  private record Cached(Optional<Registrar> registrar, long until) {}

  public WhoisResponder(RegistryContext ctx, String termsOfUse) {
    this(new PublicLookup(ctx), ctx.clock(), new WhoisFormat(termsOfUse));
  }

  public WhoisResponder(PublicLookup lookup, Clock clock, WhoisFormat format) {
    this(lookup, clock, format, Duration.ZERO);
  }

  /** A responder that caches whole answers for {@code answerTtl} (zero: no cache). */
  public WhoisResponder(PublicLookup lookup, Clock clock, WhoisFormat format, Duration answerTtl) {
    this.lookup = lookup;
    this.clock = clock;
    this.format = format;
    this.answerTtl = answerTtl;
  }

  /** A responder on the registry that caches whole answers for {@code answerTtl}. */
  public WhoisResponder(RegistryContext ctx, String termsOfUse, Duration answerTtl) {
    this(new PublicLookup(ctx), ctx.clock(), new WhoisFormat(termsOfUse), answerTtl);
  }

  private final Duration answerTtl;
  private final ConcurrentHashMap<String, CachedAnswer> answers = new ConcurrentHashMap<>();
  private static final int MAX_CACHED_ANSWERS = 100_000;

  private record CachedAnswer(Answer answer, Instant until) {}

  /** The answer to a query, from the answer cache while it is fresh. */
  public Answer answer(WhoisQuery q) {
    if (answerTtl.isZero()) {
      return compute(q);
    }
    Instant now = clock.instant();
    String key = q.kind() + " " + (q.argument() == null ? "" : q.argument().toLowerCase(Locale.ROOT));
    CachedAnswer c = answers.get(key);
    if (c != null && now.isBefore(c.until())) {
      return c.answer();
    }
    Answer a = compute(q);
    if (a.outcome() != Outcome.INVALID) {
      if (answers.size() >= MAX_CACHED_ANSWERS) {
        answers.clear(); // crude but bounded: a scraper cannot grow the heap without limit
      }
      answers.put(key, new CachedAnswer(a, now.plus(answerTtl)));
    }
    return a;
  }

  private Answer compute(WhoisQuery q) {
    Instant now = clock.instant();
    try {
      return switch (q.kind()) {
        case EMPTY -> invalid("Empty query. " + usage(), WhoisMetrics.Type.DOMAIN);
        case NAME -> name(q.argument(), now);
        case DOMAIN ->
            domain(q.argument(), now).orElseGet(() -> notFound(q, WhoisMetrics.Type.DOMAIN, now));
        case NAMESERVER ->
            host(q.argument(), now).orElseGet(() -> notFound(q, WhoisMetrics.Type.NAMESERVER, now));
        case REGISTRAR -> registrar(q.argument(), now);
      };
    } catch (RegistryException.ValueSyntax | RegistryException.ValueRange e) {
      // Only the name checks of DomainName throw these here; their messages name the fault.
      WhoisMetrics.Type type =
          q.kind() == WhoisQuery.Kind.NAMESERVER
              ? WhoisMetrics.Type.NAMESERVER
              : WhoisMetrics.Type.DOMAIN;
      return invalid("Invalid query: " + e.getMessage() + ". " + usage(), type);
    }
  }

  /** A bare name: our domain if we have it, else our host (RFC 3912 leaves the choice to us). */
  private Answer name(String name, Instant now) {
    Optional<Answer> d = domain(name, now);
    if (d.isPresent()) {
      return d.get();
    }
    return host(name, now)
        .orElseGet(
            () ->
                notFound(
                    new WhoisQuery(WhoisQuery.Kind.NAME, name), WhoisMetrics.Type.DOMAIN, now));
  }

  private Optional<Answer> domain(String name, Instant now) {
    return lookup
        .domain(name)
        .map(
            d -> {
              List<WhoisFormat.RoleContact> contacts = new ArrayList<>();
              contacts.add(new WhoisFormat.RoleContact("Registrant", contact(d.registrant())));
              for (Domain.ContactType role :
                  List.of(Domain.ContactType.ADMIN, Domain.ContactType.TECH)) {
                String id = d.contacts().get(role);
                if (id != null) {
                  contacts.add(new WhoisFormat.RoleContact(label(role), contact(id)));
                }
              }
              Registrar sponsor = sponsor(d.registrarId());
              return new Answer(
                  format.domain(d, sponsor, contacts, now),
                  Outcome.FOUND,
                  WhoisMetrics.Type.DOMAIN);
            });
  }

  private Optional<Answer> host(String name, Instant now) {
    return lookup
        .host(name)
        .map(
            h ->
                new Answer(
                    format.host(h, sponsor(h.registrarId()), now),
                    Outcome.FOUND,
                    WhoisMetrics.Type.NAMESERVER));
  }

  /** By IANA id when numeric, else by EPP client id, else by exact name (case-insensitive). */
  private Answer registrar(String key, Instant now) {
    Optional<Registrar> r;
    if (key.chars().allMatch(Character::isDigit) && key.length() <= 18) {
      r = lookup.registrarByIanaId(Long.parseLong(key));
    } else {
      r = lookup.registrar(key);
      if (r.isEmpty() && !key.contains("*")) {
        r = lookup.searchRegistrars(key, 1).stream().findFirst();
      }
    }
    return r.map(
            x -> new Answer(format.registrar(x, now), Outcome.FOUND, WhoisMetrics.Type.REGISTRAR))
        .orElseGet(
            () ->
                notFound(
                    new WhoisQuery(WhoisQuery.Kind.REGISTRAR, key),
                    WhoisMetrics.Type.REGISTRAR,
                    now));
  }

  private Registrar sponsor(String id) {
    long now = System.nanoTime();
    Cached c = registrars.get(id);
    if (c == null || now - c.until() > 0) {
      c = new Cached(lookup.registrar(id), now + REGISTRAR_TTL_NANOS);
      registrars.put(id, c);
    }
    return c.registrar().orElse(null);
  }

  private Contact contact(String id) {
    return id == null ? null : lookup.contact(id).orElse(null);
  }

  private Answer notFound(WhoisQuery q, WhoisMetrics.Type type, Instant now) {
    String shown = q.argument();
    if (q.kind() != WhoisQuery.Kind.REGISTRAR) {
      shown = DomainName.parse(shown).ascii();
    }
    return new Answer(format.notFound(shown, now), Outcome.NOT_FOUND, type);
  }

  private static Answer invalid(String text, WhoisMetrics.Type type) {
    return new Answer(WhoisFormat.notice(text), Outcome.INVALID, type);
  }

  private static String label(Domain.ContactType role) {
    return role == Domain.ContactType.ADMIN ? "Admin" : "Tech";
  }

  static String usage() {
    return "Ask for NAME, domain NAME, nameserver NAME or registrar NAME-or-IANA-ID.";
  }
}
