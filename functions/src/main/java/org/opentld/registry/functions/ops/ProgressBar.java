package org.opentld.registry.functions.ops;

import java.io.PrintStream;
import java.util.function.LongSupplier;
import org.opentld.registry.functions.jobs.JobRunner;

/**
 * Shows a job's progress: on a terminal one line redrawn in place ({@code \r}) with a bar,
 * done/total, rate and ETA, at most ten times a second; otherwise (a pipe, a log, CI) a plain line
 * at each tenth of the work, so that logs stay readable.
 */
final class ProgressBar implements JobRunner.Listener {
  private static final int WIDTH = 24;
  private final String label;
  private final PrintStream out;
  private final boolean tty;
  private final LongSupplier nanos;
  private final long start;
  private long lastDraw;
  private int lastTenth = -1;
  private long done;
  private long total;

  ProgressBar(String label, PrintStream out, boolean tty, LongSupplier nanos) {
    this.label = label;
    this.out = out;
    this.tty = tty;
    this.nanos = nanos;
    this.start = nanos.getAsLong();
    this.lastDraw = start - 1_000_000_000L;
  }

  @Override
  public synchronized void update(long done, long total) {
    this.done = done;
    this.total = total;
    long now = nanos.getAsLong();
    if (tty) {
      if (now - lastDraw >= 100_000_000L) {
        lastDraw = now;
        out.print("\r" + line(now) + "\u001b[K");
        out.flush();
      }
    } else if (total > 0) {
      int tenth = (int) Math.min(10, done * 10 / total);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        out.println(line(now));
      }
    }
  }

  /** The final state, on its own line. */
  synchronized void finish() {
    long now = nanos.getAsLong();
    if (tty) {
      out.println("\r" + line(now) + "\u001b[K");
    } else if (lastTenth < 10) {
      out.println(line(now));
    }
    out.flush();
  }

  String line(long now) {
    double secs = Math.max(1e-3, (now - start) / 1e9);
    double rate = done / secs;
    StringBuilder b = new StringBuilder(label).append(' ');
    if (total > 0) {
      int filled = (int) (WIDTH * Math.min(1.0, (double) done / total));
      if (tty) {
        b.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
      }
      b.append(done)
          .append('/')
          .append(total)
          .append(String.format(" (%d%%)", Math.min(100, done * 100 / total)));
    } else {
      b.append(done).append("/?");
    }
    b.append(String.format("  %.1f/s", rate));
    if (total > 0 && done < total && rate > 0) {
      b.append("  ETA ").append(clock((long) ((total - done) / rate)));
    } else {
      b.append("  ").append(clock((long) secs)).append(" elapsed");
    }
    return b.toString();
  }

  static String clock(long seconds) {
    return seconds >= 3600
        ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format("%d:%02d", seconds / 60, seconds % 60);
  }
}
