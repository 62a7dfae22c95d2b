package org.opentld.registry.functions.ops;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opentld.registry.Registry;
import org.opentld.registry.RegistryConfig;
import org.opentld.registry.functions.FunctionCatalogue;
import org.opentld.registry.functions.jobs.Job;
import org.opentld.registry.functions.jobs.JobReport;
import org.opentld.registry.functions.jobs.JobRunner;
import org.opentld.registry.functions.jobs.Jobs;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The operator's command line for scheduled jobs ({@code bin/registry-ops}): lists them, and runs
 * one now, every segment side by side in this process, against the local stack's DynamoDB (default
 * {@code http://127.0.0.1:8000}) or AWS ({@code --aws}: the SDK's default region, credentials and
 * endpoint settings), with a progress bar and a summary table.
 *
 * <p>Exit codes: 0 done, 1 the job reported failures, 2 wrong usage, 3 the registry cannot be
 * reached (the message says what to do).
 */
public final class RegistryOps {
  static final int OK = 0;
  static final int FAILURES = 1;
  static final int USAGE = 2;
  static final int UNREACHABLE = 3;
  static final String LOCAL_ENDPOINT = "http://127.0.0.1:8000";
  private static final String START_LOCAL = "mvn -q -pl localstack -am compile exec:java";

  private RegistryOps() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err, System.console() != null));
  }

  /** A usage error: the message is shown with the usage text. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  /**
   * Runs a command.
   *
   * @param tty whether {@code err} is a terminal (progress redrawn in place)
   * @return the exit code
   */
  public static int run(
      String[] args, Map<String, String> env, PrintStream out, PrintStream err, boolean tty) {
    try {
      if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
        out.println(usage());
        return args.length == 0 ? USAGE : OK;
      }
      return switch (args[0]) {
        case "list" -> list(env, out);
        case "run" -> runJob(RunOptions.parse(args, env), env, out, err, tty);
        default -> throw new UsageException("unknown command '" + args[0] + "'");
      };
    } catch (UsageException e) {
      err.println("registry-ops: " + e.getMessage());
      err.println(usage());
      return USAGE;
    }
  }

  static String usage() {
    return String.join(
        "\n",
        "usage: registry-ops list",
        "       registry-ops run JOB [--segments N] [--parallel P] [--param KEY=VALUE]...",
        "                            [--at ISO-INSTANT] [--endpoint URL | --aws] [--table NAME]",
        "                            [--mail-dir DIR]",
        "  --segments N     shards to split the job into (default: its schedule's)",
        "  --parallel P     shards run at once (default: min(N, 4))",
        "  --param K=V      a job parameter, e.g. --param lookback-days=3 (repeatable)",
        "  --at INSTANT     act as if it were then, e.g. 2027-01-16T00:00:00Z (the registry's",
        "                   clock runs from there: charges and history carry that time)",
        "  --endpoint URL   DynamoDB endpoint (default " + LOCAL_ENDPOINT + ", the local stack)",
        "  --aws            AWS with the SDK's default region, credentials and endpoint settings",
        "  --table NAME     registry table (default $REGISTRY_TABLE or 'registry')",
        "  --mail-dir DIR   write notices as .eml files there (default: the local stack's",
        "                   $REGISTRY_DATA/mail, .registry-data/mail; with --aws: SES)",
        "exit codes: 0 done, 1 the job reported failures, 2 wrong usage, 3 registry unreachable");
  }

  private static int list(Map<String, String> env, PrintStream out) {
    List<Job> jobs = Jobs.all(Map.of("MAIL_FOLDER", "unused"));
    out.printf("%-22s %-22s %-8s %s%n", "JOB", "SCHEDULE (UTC)", "SEGMENTS", "WHAT IT DOES");
    for (Job j : jobs) {
      var s = FunctionCatalogue.jobSchedule(j.name());
      out.printf(
          "%-22s %-22s %-8s %s%n",
          j.name(),
          s.map(FunctionCatalogue.JobSchedule::expression).orElse("-"),
          s.map(x -> Integer.toString(x.segments())).orElse("1"),
          j.description());
    }
    return OK;
  }

  /** The options of {@code run}. */
  record RunOptions(
      String job,
      Integer segments,
      Integer parallel,
      Map<String, String> params,
      Instant at,
      String endpoint,
      boolean aws,
      String table,
      Path mailDir) {

    static RunOptions parse(String[] args, Map<String, String> env) {
      if (args.length < 2 || args[1].startsWith("-")) {
        throw new UsageException("run needs a job name; `registry-ops list` shows them");
      }
      String job = args[1];
      Integer segments = null;
      Integer parallel = null;
      Map<String, String> params = new LinkedHashMap<>();
      Instant at = null;
      String endpoint = null;
      boolean aws = false;
      String table = env.getOrDefault("REGISTRY_TABLE", "registry");
      Path mail = null;
      for (int i = 2; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--segments" -> segments = positive(value(args, ++i, a), a, 1024);
          case "--parallel" -> parallel = positive(value(args, ++i, a), a, 64);
          case "--param" -> {
            String kv = value(args, ++i, a);
            int eq = kv.indexOf('=');
            if (eq < 1) {
              throw new UsageException("--param needs KEY=VALUE, got '" + kv + "'");
            }
            params.put(kv.substring(0, eq), kv.substring(eq + 1));
          }
          case "--at" -> {
            String v = value(args, ++i, a);
            try {
              at = Instant.parse(v);
            } catch (DateTimeParseException e) {
              throw new UsageException(
                  "--at needs an ISO instant like 2027-01-16T00:00:00Z, got '" + v + "'");
            }
          }
          case "--endpoint" -> endpoint = value(args, ++i, a);
          case "--aws" -> aws = true;
          case "--table" -> table = value(args, ++i, a);
          case "--mail-dir" -> mail = Path.of(value(args, ++i, a));
          default -> throw new UsageException("unknown option '" + a + "'");
        }
      }
      if (aws && endpoint != null) {
        throw new UsageException("give --endpoint or --aws, not both");
      }
      if (!aws && endpoint == null) {
        endpoint = LOCAL_ENDPOINT;
      }
      if (mail == null && env.get("MAIL_FOLDER") != null) {
        mail = Path.of(env.get("MAIL_FOLDER"));
      }
      if (mail == null && !aws) {
        mail = Path.of(env.getOrDefault("REGISTRY_DATA", ".registry-data")).resolve("mail");
      }
      return new RunOptions(job, segments, parallel, params, at, endpoint, aws, table, mail);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new UsageException(option + " needs a value");
      }
      return args[i];
    }

    private static int positive(String v, String option, int max) {
      try {
        int n = Integer.parseInt(v);
        if (n >= 1 && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new UsageException(option + " needs a number from 1 to " + max + ", got '" + v + "'");
    }

    String where() {
      return aws ? "AWS (SDK default configuration)" : endpoint;
    }
  }

  private static int runJob(
      RunOptions o, Map<String, String> env, PrintStream out, PrintStream err, boolean tty) {
    Map<String, String> settings = new HashMap<>(env);
    if (o.mailDir() != null) {
      settings.put("MAIL_FOLDER", o.mailDir().toString());
    }
    Job job =
        Jobs.find(Jobs.all(settings), o.job())
            .orElseThrow(
                () ->
                    new UsageException(
                        "unknown job '" + o.job() + "'; `registry-ops list` shows the jobs"));
    int segments =
        o.segments() != null
            ? o.segments()
            : FunctionCatalogue.jobSchedule(job.name())
                .map(FunctionCatalogue.JobSchedule::segments)
                .orElse(1);
    int parallel = o.parallel() != null ? o.parallel() : Math.min(segments, 4);
    Clock clock =
        o.at() == null
            ? Clock.systemUTC()
            : Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), o.at()));

    DynamoDbClient ddb;
    try {
      ddb = o.aws() ? Registry.defaultClient() : Registry.localClient(URI.create(o.endpoint()));
    } catch (SdkException | IllegalArgumentException e) {
      err.println(
          "registry-ops: cannot set up a DynamoDB client for "
              + o.where()
              + ": "
              + e.getMessage()
              + advice(o));
      return UNREACHABLE;
    }
    try (ddb) {
      String problem = preflight(ddb, o);
      if (problem != null) {
        err.println("registry-ops: " + problem);
        return UNREACHABLE;
      }
      Registry registry =
          new Registry(
              ddb,
              clock,
              new RegistryConfig(
                  o.table(),
                  env.getOrDefault("ROID_SUFFIX", "REG"),
                  Long.parseLong(env.getOrDefault("LOW_BALANCE_THRESHOLD", "10000"))));
      Instant now = clock.instant();
      out.printf(
          "%s on %s (table %s) as of %s, %d segment(s), %d at a time%s%n",
          job.name(),
          o.where(),
          o.table(),
          now,
          segments,
          parallel,
          o.mailDir() != null && job.name().equals("notifications")
              ? "; mail in " + o.mailDir()
              : "");
      ProgressBar bar = new ProgressBar(job.name(), err, tty, System::nanoTime);
      long start = System.nanoTime();
      List<JobReport> reports =
          JobRunner.runAll(job, registry, now, segments, o.params(), parallel, bar);
      bar.finish();
      return summary(reports, (System.nanoTime() - start) / 1e9, out);
    }
  }

  /** Null if the table answers, else what is wrong and what to do. */
  private static String preflight(DynamoDbClient ddb, RunOptions o) {
    try {
      ddb.describeTable(b -> b.tableName(o.table()));
      return null;
    } catch (ResourceNotFoundException e) {
      return "table '"
          + o.table()
          + "' does not exist at "
          + o.where()
          + ": the local stack creates 'registry' when it starts; for AWS pass --table or set"
          + " REGISTRY_TABLE to the deployed table's name";
    } catch (SdkClientException e) {
      return "cannot reach DynamoDB at " + o.where() + " (" + rootMessage(e) + ")" + advice(o);
    } catch (SdkException e) {
      return "DynamoDB at "
          + o.where()
          + " refused the request ("
          + e.getMessage()
          + ")"
          + (o.aws() ? ": check the credentials' permissions and region" : "");
    }
  }

  private static String advice(RunOptions o) {
    return o.aws()
        ? ": set AWS_REGION and credentials (aws configure, AWS_PROFILE) or"
              + " AWS_ENDPOINT_URL_DYNAMODB"
        : ": start the local stack with `"
            + START_LOCAL
            + "` (it listens on "
            + LOCAL_ENDPOINT
            + "), pass --endpoint URL, or --aws for AWS";
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static int summary(List<JobReport> reports, double seconds, PrintStream out) {
    out.println();
    out.printf("%8s %10s %10s %10s%n", "segment", "examined", "changed", "failed");
    long e = 0;
    long c = 0;
    long f = 0;
    for (JobReport r : reports) {
      out.printf("%8d %10d %10d %10d%n", r.segment(), r.examined(), r.changed(), r.failed());
      e += r.examined();
      c += r.changed();
      f += r.failed();
    }
    out.printf("%8s %10d %10d %10d   in %.1f s%n", "total", e, c, f, seconds);
    boolean notes = false;
    for (JobReport r : reports) {
      for (String n : r.notes()) {
        if (!notes) {
          out.println();
          out.println("notes:");
          notes = true;
        }
        out.println("  [" + r.segment() + "] " + n);
      }
    }
    if (f > 0) {
      out.println();
      out.println(
          f
              + " object(s) failed; the notes say why. Running the job again retries them"
              + " (it never repeats what is done).");
      return FAILURES;
    }
    return OK;
  }
}
