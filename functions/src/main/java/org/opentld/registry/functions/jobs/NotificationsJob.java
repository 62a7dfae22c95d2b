package org.opentld.registry.functions.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.opentld.registry.RegistryContext;
import org.opentld.registry.billing.Money;
import org.opentld.registry.common.Ids;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.PendingTransfer;
import org.opentld.registry.functions.mail.MailMessage;
import org.opentld.registry.functions.mail.Mailer;
import org.opentld.registry.lifecycle.Due;
import org.opentld.registry.lifecycle.LifecycleShards;
import org.opentld.registry.lifecycle.Notices;
import org.opentld.registry.registrar.Registrar;
import org.opentld.registry.store.Keys;

/**
 * E-mails registrars what needs their attention; poll messages for every event are already queued
 * by the core, these are the reminders ahead of time, each sent once:
 *
 * <ul>
 *   <li>expiry reminders {@code expiry-days} before a domain expires (default 30 and 7), read from
 *       the expiry index over a window of {@code window-days} (default 2, so one missed daily run
 *       is caught up); a domain first seen inside a shorter reminder gets only that one;
 *   <li>pending transfers, to the losing registrar, once per request, for transfers whose action
 *       date lies within {@code transfer-window-days} (default 10);
 *   <li>low balance, when balance plus credit is under {@code RegistryConfig.lowBalanceThreshold}:
 *       once per episode (the marker is cleared when the registrar is above the threshold again).
 * </ul>
 *
 * <p>Each notice is claimed by a {@link Notices} marker before it is sent, so overlapping runs and
 * reruns send nothing twice; a send that fails gives the claim back and counts as a failure.
 */
public final class NotificationsJob implements Job {
  public static final String NAME = "notifications";
  private final Mailer mailer;
  private final String from;

  /**
   * @param from the sender address of every notice
   */
  public NotificationsJob(Mailer mailer, String from) {
    this.mailer = mailer;
    this.from = from;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "e-mails registrars expiry reminders, pending transfers and low balances, each once";
  }

  /** One notice that may be due, and how to send it (true if this run sent it). */
  private record Candidate(String label, Supplier<Boolean> send) {}

  @Override
  public JobReport run(JobRun run) {
    Shard shard = new Shard(NAME, run);
    RegistryContext ctx = run.registry().context();
    LifecycleShards index = new LifecycleShards(ctx);
    Notices notices = new Notices(ctx);
    Instant now = run.now();
    List<Candidate> todo = new ArrayList<>();

    List<Integer> days =
        Arrays.stream(run.param("expiry-days", "30,7").split(","))
            .map(String::strip)
            .map(Integer::parseInt)
            .sorted()
            .toList();
    Duration window = Duration.ofDays(Integer.parseInt(run.param("window-days", "2")));
    for (int d : days) {
      Instant to = now.plus(Duration.ofDays(d));
      for (String name : index.expiring(to.minus(window), to, run.segment(), run.segments())) {
        todo.add(new Candidate("expiry " + name, () -> expiry(run, notices, name, d, days)));
      }
    }

    Instant transfersTo =
        now.plus(Duration.ofDays(Integer.parseInt(run.param("transfer-window-days", "10"))));
    for (Due.Entry e : index.due(now, transfersTo, run.segment(), run.segments())) {
      if (e.objectType().equals("domain") || e.objectType().equals("contact")) {
        todo.add(new Candidate("transfer " + e.name(), () -> transfer(run, notices, e)));
      }
    }

    for (Registrar r : run.registry().registrars.list()) {
      if (run.owns(r.id()) && r.status() == Registrar.Status.ACTIVE) {
        todo.add(new Candidate("balance " + r.id(), () -> lowBalance(run, notices, r)));
      }
    }

    shard.each(todo, Candidate::label, c -> c.send().get());
    return shard.report();
  }

  private boolean expiry(JobRun run, Notices notices, String name, int d, List<Integer> days) {
    RegistryContext ctx = run.registry().context();
    Optional<Domain> found = ctx.findDomain(name);
    if (found.isEmpty() || found.get().isDeleted()) {
      return false;
    }
    Domain dom = found.get();
    Duration left = Duration.between(run.now(), dom.expiresAt());
    if (left.isNegative() || left.isZero()) {
      return false;
    }
    // The shortest reminder whose lead time has been reached is the one to send.
    int applicable =
        days.stream().filter(x -> left.compareTo(Duration.ofDays(x)) <= 0).findFirst().orElse(-1);
    if (applicable != d) {
      return false;
    }
    Registrar r = ctx.registrar(dom.registrarId());
    String day = dom.expiresAt().toString().substring(0, 10);
    return send(
        run,
        notices,
        "expiry",
        name,
        Keys.ts(dom.expiresAt()) + "#" + d + "d",
        r,
        name + " expires in " + d + " days (" + day + ")",
        String.join(
            "\n",
            "The domain "
                + name
                + ", sponsored by "
                + r.id()
                + ", expires at "
                + dom.expiresAt()
                + ".",
            "",
            "Unless it is renewed or deleted before then, the registry renews it automatically",
            "for one year at expiry and charges the renewal fee to your account.",
            "A domain deleted within the auto-renew grace period is refunded."));
  }

  private boolean transfer(JobRun run, Notices notices, Due.Entry e) {
    RegistryContext ctx = run.registry().context();
    boolean domain = e.objectType().equals("domain");
    PendingTransfer t =
        domain
            ? ctx.findDomain(e.name()).map(Domain::transfer).orElse(null)
            : ctx.findContact(e.name()).map(c -> c.transfer()).orElse(null);
    if (t == null || !t.pending()) {
      return false;
    }
    Registrar losing = ctx.registrar(t.losingRegistrarId());
    String what = e.objectType() + " " + e.name();
    return send(
        run,
        notices,
        "transfer",
        e.objectType() + ":" + e.name(),
        Keys.ts(t.requestedAt()),
        losing,
        "transfer of "
            + what
            + " requested by "
            + t.gainingRegistrarId()
            + ": answer by "
            + t.actionBy(),
        String.join(
            "\n",
            "Registrar "
                + t.gainingRegistrarId()
                + " requested the transfer of "
                + what
                + " (sponsored by "
                + losing.id()
                + ") at "
                + t.requestedAt()
                + ".",
            "",
            "Approve or reject it with an EPP <transfer op=\"approve\"> or op=\"reject\" before "
                + t.actionBy()
                + ".",
            "Without an answer the registry approves it then (RFC 5730 section 2.9.3.4)."));
  }

  private boolean lowBalance(JobRun run, Notices notices, Registrar stale) {
    RegistryContext ctx = run.registry().context();
    Registrar r = ctx.registrar(stale.id());
    long available = r.balance() + r.creditLimit();
    long threshold = ctx.config().lowBalanceThreshold();
    if (available >= threshold) {
      // Funded again: the next time it runs low is a new episode and gets a new notice.
      if (notices.claimed("low-balance", r.id(), "open")) {
        notices.release("low-balance", r.id(), "open");
      }
      return false;
    }
    Money avail = Money.of(available, r.currency());
    return send(
        run,
        notices,
        "low-balance",
        r.id(),
        "open",
        r,
        r.id() + ": low balance (" + avail + " available)",
        String.join(
            "\n",
            "The account of registrar "
                + r.id()
                + " has "
                + avail
                + " available (balance plus credit limit),",
            "under the registry's threshold of " + Money.of(threshold, r.currency()) + ".",
            "",
            "Chargeable commands (create, renew, transfer, restore) and automatic renewals fail",
            "with 2104 once the funds do not cover them. Please make a deposit."));
  }

  /** Claims the notice, then sends it; a failed send gives the claim back. */
  private boolean send(
      JobRun run,
      Notices notices,
      String kind,
      String subject,
      String occurrence,
      Registrar to,
      String title,
      String body) {
    if (!MailMessage.isAddress(to.email())) {
      throw new IllegalStateException("registrar " + to.id() + " has no usable e-mail address");
    }
    if (!notices.claim(kind, subject, occurrence, to.id())) {
      return false;
    }
    String domain = from.substring(from.indexOf('@') + 1);
    String local =
        kind + "." + subject.replaceAll("[^A-Za-z0-9.-]", "-") + "." + Ids.timeOrdered(run.now());
    MailMessage m =
        new MailMessage(
            from,
            List.of(to.email()),
            "[registry] " + title,
            body + "\n\n-- \nThis notice is sent once. Poll messages carry every event.\n",
            run.now(),
            local + "@" + domain);
    try {
      mailer.send(m);
      return true;
    } catch (RuntimeException e) {
      notices.release(kind, subject, occurrence);
      throw e;
    }
  }
}
