package org.opentld.registry.lifecycle;

import java.util.Map;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.error.ResultCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Once-only markers for notices the registry sends outside EPP (e-mail reminders of expiries,
 * pending transfers, low balances): a notice is claimed by a conditional put of its marker item
 * before it is sent, so two overlapping job runs cannot both send it and a rerun skips it; a send
 * that failed releases the claim so that the next run tries again.
 *
 * <p>Item: {@code pk = NOTICE#<kind>#<subject>}, {@code sk = <occurrence>} (for example the expiry
 * timestamp and the reminder's day count), {@code type = notice}.
 */
public final class Notices {
  private final RegistryContext ctx;

  public Notices(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /** The partition key of a notice marker. */
  public static String pk(String kind, String subject) {
    return "NOTICE#" + kind + "#" + subject;
  }

  /**
   * Claims a notice.
   *
   * @return true if this call claimed it, false if it was claimed before
   */
  public boolean claim(String kind, String subject, String occurrence, String registrarId) {
    var tx = ctx.store().tx();
    tx.putNew(
        Map.of(
            "pk", AttributeValue.fromS(pk(kind, subject)),
            "sk", AttributeValue.fromS(occurrence),
            "type", AttributeValue.fromS("notice"),
            "registrarId", AttributeValue.fromS(registrarId),
            "at", AttributeValue.fromS(ctx.now().toString())),
        Claimed::new);
    try {
      tx.execute();
      return true;
    } catch (Claimed e) {
      return false;
    }
  }

  /** Gives a claim back (the notice could not be sent), so that a later run sends it. */
  public void release(String kind, String subject, String occurrence) {
    ctx.store().tx().delete(pk(kind, subject), occurrence, null, null, null).execute();
  }

  /** True if the notice has been claimed. */
  public boolean claimed(String kind, String subject, String occurrence) {
    return ctx.store().get(pk(kind, subject), occurrence).isPresent();
  }

  /** Condition failure of the marker put: the notice was claimed before. */
  private static final class Claimed extends RegistryException {
    Claimed() {
      super(ResultCode.SUCCESS, "notice already claimed");
    }
  }
}
