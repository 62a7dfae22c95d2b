package org.opentld.registry.epp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentld.registry.epp.EppFixtures.assertMatches;
import static org.opentld.registry.epp.EppFixtures.code;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentld.registry.domain.PendingTransfer;
import org.opentld.registry.epp.client.EppClient;
import org.opentld.registry.epp.poll.PollCommand;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.poll.PollMessage;
import org.opentld.registry.store.Tx;
import org.opentld.registry.testing.TestRegistry;

/**
 * The poll command over real TLS sessions: 1300 on an empty queue, 1301 with msgQ and the
 * message's data, ack with the count and next id, 2303 for an id not in the caller's queue
 * (another registrar's included) and 2003 for an ack without one.
 */
class EppPollIT {
  static EppTestBed.Certs certs;

  EppTestBed bed;
  TestRegistry t;

  @BeforeAll
  static void certificates(@TempDir Path dir) throws IOException {
    certs = EppTestBed.Certs.make(dir);
  }

  @BeforeEach
  void start() throws Exception {
    bed = new EppTestBed(certs);
    t = bed.t;
  }

  @AfterEach
  void stop() {
    bed.close();
  }

  /** Queues a message as the registry's operations do (same context method, own Tx). */
  void queue(String registrar, PollMessage.Kind kind, String text, String type, String name,
      PendingTransfer transfer, Instant expiresAt) {
    Tx tx = t.ctx.store().tx();
    t.ctx.poll(tx, registrar, kind, text, type, name, transfer, expiresAt);
    tx.execute();
    // Message ids are time-ordered; one step keeps the queue order unambiguous.
    t.clock.advance(Duration.ofSeconds(1));
  }

  static String req() {
    return EppFixtures.load("poll_req.xml");
  }

  @Test
  void emptyQueueIs1300() throws IOException {
    try (EppClient c = bed.session("epp-a")) {
      assertMatches("poll_empty_response.xml", c.send(req()));
    }
  }

  @Test
  void autoRenewCarriesRenData_purgeIsAPlainMessage_ackWalksTheQueue() throws IOException {
    queue("epp-a", PollMessage.Kind.AUTO_RENEW,
        "domain auto.test was renewed automatically for one year (9.00 USD)", "domain",
        "auto.test", null, Instant.parse("2027-01-15T10:00:00Z"));
    queue("epp-a", PollMessage.Kind.PURGED,
        "domain gone.test was purged after its redemption period; the name is available",
        "domain", "gone.test", null, null);
    try (EppClient c = bed.session("epp-a")) {
      String first = c.send(req());
      assertMatches("poll_req_autorenew_response.xml", first);
      assertThat(EppDomainCommandsIT.msgId(c.send(req())))
          .as("req does not dequeue").isEqualTo(EppDomainCommandsIT.msgId(first));
      String ack1 = c.send(EppDomainCommandsIT.ack(first));
      assertThat(code(ack1)).isEqualTo(1000);
      String second = c.send(req());
      assertMatches("poll_req_purged_response.xml", second);
      assertThat(ack1).contains("<msgQ count=\"1\" id=\"" + EppDomainCommandsIT.msgId(second)
          + "\"/>");
      String ack2 = c.send(EppDomainCommandsIT.ack(second));
      assertThat(code(ack2)).isEqualTo(1000);
      assertThat(ack2).as("empty: count 0, the acked id")
          .contains("<msgQ count=\"0\" id=\"" + EppDomainCommandsIT.msgId(second) + "\"/>");
      assertMatches("poll_empty_response.xml", c.send(req()));
      assertThat(t.polls("epp-a")).isEmpty();
    }
  }

  @Test
  void ackOfAnUnknownOrAnotherRegistrarsIdIs2303_andWithoutIdIs2003() throws IOException {
    queue("epp-a", PollMessage.Kind.INFO, "hello", null, null, null, null);
    List<PollMessage> queued = t.polls("epp-a");
    try (EppClient b = bed.session("epp-b")) {
      String ack = EppFixtures.load("poll_ack.xml");
      assertThat(code(b.send(ack.replace("MSGID", queued.get(0).id())))).isEqualTo(2303);
      assertThat(code(b.send(ack.replace("MSGID", "no-such-id")))).isEqualTo(2303);
      assertThat(code(b.send(ack.replace(" msgID=\"MSGID\"", "")))).isEqualTo(2003);
      assertMatches("poll_empty_response.xml", b.send(req()));
    }
    assertThat(t.polls("epp-a")).as("the other queue is untouched").isEqualTo(queued);
  }

  @Test
  void contactTransferIsAPlainMessageWithoutTheContactService_andTrnDataWithIt() {
    PendingTransfer pt = new PendingTransfer(PendingTransfer.TransferStatus.PENDING, "epp-b",
        Instant.parse("2026-01-15T10:00:00Z"), "epp-a", Instant.parse("2026-01-20T10:00:00Z"), 0,
        null, null);
    PollMessage m = new PollMessage("epp-a", "MSG-1", Instant.parse("2026-01-15T10:00:00Z"),
        PollMessage.Kind.TRANSFER, "Transfer of contact c-1 requested by epp-b.", "contact",
        "c-1", pt, null);
    assertThat(PollCommand.resData(m, Set.of(EppNs.DOMAIN))).isNull();
    String data = PollCommand.resData(m, Set.of(EppNs.DOMAIN, EppNs.CONTACT));
    assertThat(data).contains("<contact:id>c-1</contact:id>")
        .contains("<contact:trStatus>pending</contact:trStatus>");
    String response = EppResponse.poll(ResultCode.SUCCESS_ACK_TO_DEQUEUE,
        new EppResponse.MsgQ(1, m.id(), m.queuedAt(), m.message()), data).render("ABC", "SV-1");
    EppFixtures.assertSchemaValid(response);
  }
}
