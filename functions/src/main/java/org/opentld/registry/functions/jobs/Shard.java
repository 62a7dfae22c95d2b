package org.opentld.registry.functions.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.opentld.registry.common.Caller;
import org.opentld.registry.common.Ids;

/**
 * The bookkeeping of one shard's run: counts, at most {@link #MAX_NOTES} notes (a run over a
 * million names must not build a million-line report), and progress after every object.
 */
final class Shard {
  static final int MAX_NOTES = 50;
  private final String job;
  private final JobRun run;
  private final List<String> notes = new ArrayList<>();
  private long total;
  private long examined;
  private long changed;
  private long failed;
  private long dropped;

  Shard(String job, JobRun run) {
    this.job = job;
    this.run = run;
  }

  /** The caller every change of this run is recorded under (history actor: the job's name). */
  Caller caller() {
    return Caller.system(job, "SV-" + job + "-" + Ids.timeOrdered(run.now()));
  }

  /** Adds to the number of objects this shard will look at (the progress total). */
  void plan(long more) {
    total += more;
    run.progress().update(examined, total, null);
  }

  /** One object looked at; {@code changedIt} if the job changed it. */
  void examined(boolean changedIt, String progressNote) {
    examined++;
    if (changedIt) {
      changed++;
    }
    run.progress().update(examined, total, progressNote);
  }

  void failed(String what, Exception e) {
    failed++;
    note(what + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  void note(String line) {
    if (notes.size() < MAX_NOTES) {
      notes.add(line);
    } else {
      dropped++;
    }
  }

  /**
   * Acts on each item: the action returns true when it changed the item; an exception counts as a
   * failure of that item only and the shard goes on.
   */
  <T> void each(List<T> items, Function<T, String> label, Function<T, Boolean> action) {
    plan(items.size());
    for (T item : items) {
      boolean did = false;
      try {
        did = action.apply(item);
      } catch (RuntimeException e) {
        failed(label.apply(item), e);
      }
      examined(did, label.apply(item));
    }
  }

  JobReport report() {
    List<String> out = new ArrayList<>(notes);
    if (dropped > 0) {
      out.add("... and " + dropped + " more notes");
    }
    return new JobReport(job, run.segment(), examined, changed, failed, out);
  }
}
