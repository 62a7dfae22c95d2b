package org.opentld.registry.functions.jobs;

import org.opentld.registry.common.Caller;

/**
 * Approves transfers the losing registrar left unanswered (RFC 5730 §2.9.3.4, registry-rules
 * "Transfer": silence approves): domains and contacts of the shard whose action is due are handed
 * to {@code domainTransfer.autoApprove} / {@code contactTransfer.autoApprove}, which check the
 * pending period and complete the transfer as of its {@code actionBy}.
 */
public final class TransferAutoApproveJob implements Job {
  public static final String NAME = "transfer-auto-approve";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "approves domain and contact transfers whose pending period ended without an answer";
  }

  @Override
  public JobReport run(JobRun run) {
    Shard shard = new Shard(NAME, run);
    Caller system = shard.caller();
    var registry = run.registry();
    shard.each(
        DueJobs.due(run, "domain", "contact"),
        DueJobs::label,
        e ->
            e.objectType().equals("domain")
                ? registry.domainTransfer.autoApprove(system, e.name())
                : registry.contactTransfer.autoApprove(system, e.name()));
    return shard.report();
  }
}
