package org.opentld.registry.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentld.registry.common.Caller;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.store.Tx;
import org.opentld.registry.testing.TestRegistry;

class PollQueueIT {
  private TestRegistry t;
  private PollQueue queue;
  private final Caller a = TestRegistry.as("reg-a");
  private final Caller b = TestRegistry.as("reg-b");

  @BeforeEach
  void setUp() {
    t = TestRegistry.seeded();
    queue = new PollQueue(t.ctx);
  }

  /** Queues a message for a registrar one second after the previous one. */
  private PollMessage queue(String registrarId, String text) {
    t.clock.advance(Duration.ofSeconds(1));
    Tx tx = t.ctx.store().tx();
    PollMessage m =
        t.ctx.poll(tx, registrarId, PollMessage.Kind.INFO, text, null, null, null, null);
    tx.execute();
    return m;
  }

  private void assertCode(Runnable r, ResultCode code) {
    assertThatThrownBy(r::run)
        .isInstanceOf(RegistryException.class)
        .extracting(e -> ((RegistryException) e).code())
        .isEqualTo(code);
  }

  @Test
  void success_emptyQueueHasNoMessage() {
    PollQueue.Result r = queue.request(a);
    assertThat(r.hasMessage()).isFalse();
    assertThat(r.message()).isNull();
    assertThat(r.count()).isZero();
  }

  @Test
  void success_requestShowsOldestWithoutRemovingIt() {
    PollMessage first = queue("reg-a", "first");
    queue("reg-a", "second");
    queue("reg-a", "third");
    queue("reg-b", "for b");

    PollQueue.Result r = queue.request(a);
    assertThat(r.hasMessage()).isTrue();
    assertThat(r.message()).isEqualTo(first);
    assertThat(r.count()).isEqualTo(3);
    assertThat(queue.request(a)).isEqualTo(r);
    assertThat(queue.request(b).count()).isEqualTo(1);
  }

  @Test
  void success_ackRemovesInOrderAndCountsDown() {
    List<PollMessage> queued = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      queued.add(queue("reg-a", "message " + i));
    }

    PollQueue.AckResult ack = queue.ack(a, queued.get(0).id());
    assertThat(ack.ackedId()).isEqualTo(queued.get(0).id());
    assertThat(ack.count()).isEqualTo(2);
    assertThat(ack.nextId()).isEqualTo(queued.get(1).id());
    assertThat(queue.request(a).message()).isEqualTo(queued.get(1));
    assertThat(t.polls("reg-a")).containsExactly(queued.get(1), queued.get(2));

    // Acking out of order is allowed: the id names the message.
    assertThat(queue.ack(a, queued.get(2).id()).nextId()).isEqualTo(queued.get(1).id());
    PollQueue.AckResult lastAck = queue.ack(a, queued.get(1).id());
    assertThat(lastAck.count()).isZero();
    assertThat(lastAck.nextId()).isNull();
    assertThat(queue.request(a).hasMessage()).isFalse();
  }

  @Test
  void failure_ackOfUnknownIdIs2303() {
    PollMessage m = queue("reg-a", "only");
    assertCode(() -> queue.ack(a, "0000000000000000000000"), ResultCode.OBJECT_DOES_NOT_EXIST);
    queue.ack(a, m.id());
    assertCode(() -> queue.ack(a, m.id()), ResultCode.OBJECT_DOES_NOT_EXIST);
    assertCode(() -> queue.ack(a, ""), ResultCode.MISSING_PARAMETER);
  }

  @Test
  void failure_ackOfAnotherRegistrarsMessageIs2303AndKeepsIt() {
    PollMessage forB = queue("reg-b", "private to b");
    assertCode(() -> queue.ack(a, forB.id()), ResultCode.OBJECT_DOES_NOT_EXIST);
    assertThat(t.polls("reg-b")).containsExactly(forB);
    assertThat(queue.request(b).count()).isEqualTo(1);
    assertThat(queue.request(a).hasMessage()).isFalse();
  }
}
