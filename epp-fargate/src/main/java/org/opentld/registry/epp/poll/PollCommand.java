package org.opentld.registry.epp.poll;

import java.util.Set;
import org.opentld.registry.domain.PendingTransfer;
import org.opentld.registry.epp.Dom;
import org.opentld.registry.epp.EppCommand;
import org.opentld.registry.epp.EppNs;
import org.opentld.registry.epp.EppRequest;
import org.opentld.registry.epp.EppResponse;
import org.opentld.registry.epp.Xml;
import org.opentld.registry.epp.domain.DomainXml;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.error.ResultCode;
import org.opentld.registry.poll.PollMessage;
import org.opentld.registry.poll.PollQueue;

/**
 * The poll command (RFC 5730 §2.9.2.3) on the caller's own queue. {@code op="req"} answers
 * 1300 for an empty queue, else 1301 with {@code <msgQ>} (count, id, qDate, msg) and the
 * message's data; {@code op="ack"} removes a message and answers 1000 with what is left: the
 * count and, as {@code id}, the message at the head of the queue now (RFC 5730 §2.6), or the
 * acknowledged one when the queue is empty (the schema requires an id).
 *
 * <p>Message data: transfer messages carry {@code <domain:trnData>} or {@code
 * <contact:trnData>} (RFC 5731 §3.2.4, RFC 5733 §3.2.4); auto-renewals carry {@code
 * <domain:renData>} with the new expiry, as Nomulus does. Deletions, purges, restores and
 * notices are a plain {@code <msg>}: {@code <domain:panData>} would need the paTRID of the
 * command that started the pending action, which a poll message does not keep, and a made-up
 * one would mislead. Object data is sent only for an object service the session selected at
 * login (RFC 5730 §2.9.1.1); otherwise the message text alone.
 *
 * <p>Results: 1000, 1300, 1301; 2003 ack without msgID; 2303 ack of an id not in the queue.
 */
public final class PollCommand implements EppCommand {
  private final PollQueue queue;

  public PollCommand(PollQueue queue) {
    this.queue = queue;
  }

  @Override
  public EppResponse run(EppRequest req) {
    String op = req.object().getAttribute("op");
    if ("ack".equals(op)) {
      String id = Dom.attr(req.object(), "msgID", null);
      PollQueue.AckResult a = queue.ack(req.caller(), id);
      String head = a.nextId() == null ? a.ackedId() : a.nextId();
      return EppResponse.poll(
          ResultCode.SUCCESS, new EppResponse.MsgQ(a.count(), head, null, null), null);
    }
    if (!"req".equals(op)) {
      throw new RegistryException.UnimplementedOption("poll op " + op);
    }
    PollQueue.Result r = queue.request(req.caller());
    if (!r.hasMessage()) {
      return EppResponse.of(ResultCode.SUCCESS_NO_MESSAGES);
    }
    PollMessage m = r.message();
    return EppResponse.poll(
        ResultCode.SUCCESS_ACK_TO_DEQUEUE,
        new EppResponse.MsgQ(r.count(), m.id(), m.queuedAt(), m.message()),
        resData(m, req.session().objUris()));
  }

  /** The {@code <resData>} content of a message, or null for a plain message. */
  public static String resData(PollMessage m, Set<String> objUris) {
    boolean domain = "domain".equals(m.objectType()) && objUris.contains(EppNs.DOMAIN);
    boolean contact = "contact".equals(m.objectType()) && objUris.contains(EppNs.CONTACT);
    if (m.kind() == PollMessage.Kind.TRANSFER && m.transfer() != null) {
      if (domain) {
        return DomainXml.trnData(m.objectName(), m.transfer());
      }
      if (contact) {
        return contactTrnData(m.objectName(), m.transfer());
      }
    }
    if (m.kind() == PollMessage.Kind.AUTO_RENEW && domain && m.expiresAt() != null) {
      Xml x = new Xml();
      x.open("domain:renData", "xmlns:domain", EppNs.DOMAIN);
      x.leaf("domain:name", m.objectName()).leaf("domain:exDate", Xml.time(m.expiresAt()));
      return x.close("domain:renData").toString();
    }
    return null;
  }

  /** {@code <contact:trnData>} (RFC 5733 §3.2.4): contacts have no expiry. */
  private static String contactTrnData(String id, PendingTransfer pt) {
    Xml x = new Xml();
    x.open("contact:trnData", "xmlns:contact", EppNs.CONTACT);
    x.leaf("contact:id", id);
    x.leaf("contact:trStatus", pt.status().epp());
    x.leaf("contact:reID", pt.gainingRegistrarId());
    x.leaf("contact:reDate", Xml.time(pt.requestedAt()));
    x.leaf("contact:acID", pt.losingRegistrarId());
    x.leaf("contact:acDate", Xml.time(pt.actionBy()));
    return x.close("contact:trnData").toString();
  }
}
