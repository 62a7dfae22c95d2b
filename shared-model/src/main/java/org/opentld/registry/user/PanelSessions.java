package org.opentld.registry.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.store.ItemCodec;
import org.opentld.registry.store.Tx;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Panel sign-in sessions in DynamoDB. The browser holds a random 256-bit id; the item is keyed
 * by its SHA-256 ({@code SESSION#<hex>}), so a leaked table or backup holds no usable session.
 * Each session has a CSRF token (stored hashed as well) for the double-submit check, an idle
 * timeout and an absolute end, and a {@code ttl} attribute (epoch seconds) with which DynamoDB
 * removes expired items; since TTL deletion can lag by days, expiry is also checked on read.
 */
public final class PanelSessions {
  /** Refresh {@code lastSeenAt} at most this often, not on every request. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private static final SecureRandom RANDOM = new SecureRandom();
  private final RegistryContext ctx;
  private final Duration idle;
  private final Duration maxAge;

  /**
   * A stored session.
   *
   * @param idHash SHA-256 of the session id (hex)
   * @param csrfHash SHA-256 of the session's CSRF token (hex)
   * @param secondFactor true if the sign-in used a TOTP code
   */
  public record Session(
      String idHash,
      String username,
      String csrfHash,
      boolean secondFactor,
      Instant createdAt,
      Instant lastSeenAt,
      Instant expiresAt) {}

  /** A new session and the secrets only the browser gets: the id and the CSRF token. */
  public record Created(Session session, String id, String csrfToken) {}

  public PanelSessions(RegistryContext ctx, Duration idle, Duration maxAge) {
    this.ctx = ctx;
    this.idle = idle;
    this.maxAge = maxAge;
  }

  public Duration idle() {
    return idle;
  }

  /** Starts a session for a user who has just signed in. */
  public Created create(String username, boolean secondFactor) {
    String id = random();
    String csrf = random();
    Instant now = ctx.now();
    Session s = new Session(hash(id), username, hash(csrf), secondFactor, now, now, now.plus(maxAge));
    Tx tx = ctx.store().tx();
    tx.putNew(item(s), () -> new RegistryException.CommandFailed("session id clash"));
    tx.execute();
    return new Created(s, id, csrf);
  }

  /** The live session with this id: not expired, not idle too long; else empty. */
  public Optional<Session> find(String id) {
    if (id == null || id.isBlank() || id.length() > 100) {
      return Optional.empty();
    }
    Instant now = ctx.now();
    return ctx.store()
        .get(pk(hash(id)), "#META")
        .map(i -> ItemCodec.fromItem(i, Session.class))
        .filter(s -> now.isBefore(s.expiresAt()) && now.isBefore(s.lastSeenAt().plus(idle)));
  }

  /** Extends the idle timeout of a session in use (written at most once a minute). */
  public Session touch(Session s) {
    Instant now = ctx.now();
    if (Duration.between(s.lastSeenAt(), now).compareTo(TOUCH_EVERY) < 0) {
      return s;
    }
    Session next =
        new Session(s.idHash(), s.username(), s.csrfHash(), s.secondFactor(), s.createdAt(), now,
            s.expiresAt());
    Tx tx = ctx.store().tx();
    tx.put(item(next), "attribute_exists(#pk)", null,
        () -> new RegistryException.ObjectDoesNotExist("session ended"));
    try {
      tx.execute();
    } catch (RegistryException.ObjectDoesNotExist | RegistryException.ConcurrentModification e) {
      // Signed out (or touched by a parallel request) meanwhile: nothing to extend.
    }
    return next;
  }

  /** True if {@code token} is this session's CSRF token (constant-time comparison). */
  public static boolean csrfMatches(Session s, String token) {
    if (token == null || token.isBlank()) {
      return false;
    }
    return MessageDigest.isEqual(
        hash(token).getBytes(StandardCharsets.US_ASCII),
        s.csrfHash().getBytes(StandardCharsets.US_ASCII));
  }

  /** Ends a session (sign-out); unknown ids are ignored. */
  public void delete(String id) {
    if (id == null || id.isBlank()) {
      return;
    }
    Tx tx = ctx.store().tx();
    tx.delete(pk(hash(id)), "#META", null, null, null);
    tx.execute();
  }

  private Map<String, AttributeValue> item(Session s) {
    var item = ItemCodec.toItem(s);
    item.put("pk", AttributeValue.fromS(pk(s.idHash())));
    item.put("sk", AttributeValue.fromS("#META"));
    item.put("type", AttributeValue.fromS("session"));
    item.put("ttl", AttributeValue.fromN(Long.toString(s.expiresAt().getEpochSecond())));
    return item;
  }

  static String pk(String idHash) {
    return "SESSION#" + idHash;
  }

  private static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
