package org.opentld.registry.poll;

import java.util.List;
import java.util.Map;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.common.Caller;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.store.Items;
import org.opentld.registry.store.Keys;
import org.opentld.registry.store.Tx;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A registrar's poll queue (RFC 5730 §2.9.2.3): {@code req} shows the oldest message without
 * removing it, {@code ack} removes it by id. Messages sort by their time-ordered ids in the
 * registrar's own partition, so a registrar can neither see nor ack another's messages.
 *
 * <p>Errors: 2003 ack without an id; 2303 ack of an id not in the caller's queue.
 */
public final class PollQueue {
  private final RegistryContext ctx;

  public PollQueue(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The head of the queue. The EPP layer answers 1301 with the message, or 1300 without one.
   *
   * @param message the oldest message, or null if the queue is empty
   * @param count how many messages are queued, this one included (msgQ count)
   */
  public record Result(PollMessage message, long count) {
    public boolean hasMessage() {
      return message != null;
    }
  }

  /**
   * What is left after an ack.
   *
   * @param count messages still queued
   * @param nextId the id of the message a following {@code req} returns, or null
   */
  public record AckResult(String ackedId, long count, String nextId) {}

  /** The oldest queued message of the caller, without removing it. */
  public Result request(Caller caller) {
    String pk = Keys.poll(caller.registrarId());
    List<Map<String, AttributeValue>> head = ctx.store().queryPrefix(pk, "", 1);
    if (head.isEmpty()) {
      return new Result(null, 0);
    }
    return new Result(Items.poll(head.get(0)), ctx.store().count(pk, ""));
  }

  /** Removes one of the caller's messages. */
  public AckResult ack(Caller caller, String msgId) {
    if (msgId == null || msgId.isBlank()) {
      throw new RegistryException.MissingParameter("poll ack needs a msgID");
    }
    String pk = Keys.poll(caller.registrarId());
    Tx tx = ctx.store().tx();
    tx.delete(
        pk,
        msgId,
        "attribute_exists(#pk)",
        null,
        () -> new RegistryException.ObjectDoesNotExist("no message " + msgId + " in the queue"));
    tx.execute();
    List<Map<String, AttributeValue>> head = ctx.store().queryPrefix(pk, "", 1);
    String next = head.isEmpty() ? null : head.get(0).get("sk").s();
    return new AckResult(msgId, head.isEmpty() ? 0 : ctx.store().count(pk, ""), next);
  }

  /** The caller's queued messages, oldest first, at most {@code limit} (the panel's list). */
  public List<PollMessage> list(Caller caller, int limit) {
    return ctx.store().queryPrefix(Keys.poll(caller.registrarId()), "", limit).stream()
        .map(Items::poll)
        .toList();
  }
}
