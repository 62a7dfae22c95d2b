package org.opentld.registry.functions.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.testing.DynamoDbLocal;
import org.opentld.registry.testing.TestRegistry;

/** The operator CLI on a small registry in DynamoDB Local, over its HTTP endpoint. */
class RegistryOpsIT {
  @TempDir Path tmp;
  private TestRegistry t;
  private Domain last;

  /** What one invocation printed and returned. */
  private record Outcome(int code, String out, String err) {}

  @BeforeEach
  void setUp() {
    t = TestRegistry.seeded();
    for (int i = 0; i < 12; i++) {
      last = t.createDomain(i % 2 == 0 ? "reg-a" : "reg-b", "ops" + i + ".test", 1);
    }
  }

  private Outcome ops(boolean tty, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        RegistryOps.run(
            args,
            Map.of("LOW_BALANCE_THRESHOLD", "5000"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            tty);
    return new Outcome(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String[] against(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--endpoint", DynamoDbLocal.endpoint().toString(), "--table", t.table + "registry"));
    return all.toArray(String[]::new);
  }

  @Test
  void success_runShowsPlainProgressLinesAndASummaryAndIsIdempotent() {
    String at = last.expiresAt().plus(Duration.ofHours(1)).toString();

    Outcome first = ops(false, against("run", "auto-renew", "--at", at));

    assertThat(first.code()).isZero();
    assertThat(first.out())
        .contains("auto-renew on http://127.0.0.1:")
        .contains("as of " + at.substring(0, 16))
        .contains("4 segment(s), 4 at a time")
        .containsPattern("total\\s+12\\s+12\\s+0");
    assertThat(first.err()).doesNotContain("\r").contains("auto-renew 12/12 (100%)");
    assertThat(first.err().lines().count()).isBetween(1L, 11L);
    assertThat(t.ledger("reg-a")).filteredOn(e -> "auto-renew".equals(e.kind())).hasSize(6);

    Outcome again = ops(false, against("run", "auto-renew", "--at", at, "--segments", "3"));
    assertThat(again.code()).isZero();
    assertThat(again.out())
        .containsPattern("total\\s+0\\s+0\\s+0")
        .contains("3 segment(s), 3 at a time");
    assertThat(t.ledger("reg-a")).filteredOn(e -> "auto-renew".equals(e.kind())).hasSize(6);
  }

  @Test
  void success_onATerminalTheProgressLineIsRedrawnInPlace() {
    Outcome o =
        ops(
            true,
            against(
                "run",
                "notifications",
                "--mail-dir",
                tmp.resolve("mail").toString(),
                "--at",
                last.expiresAt().minus(Duration.ofDays(30)).toString()));
    assertThat(o.code()).isZero();
    assertThat(o.err())
        .startsWith("\r")
        .contains("notifications [########################] 14/14 (100%)")
        .contains("\u001b[K");
    assertThat(o.out())
        .contains("mail in " + tmp.resolve("mail"))
        .containsPattern("total\\s+14\\s+12\\s+0");
    assertThat(tmp.resolve("mail").toFile().list()).hasSize(12);
  }

  @Test
  void failure_aJobWithFailuresExitsOneAndSaysWhy() throws Exception {
    Files.writeString(tmp.resolve("mail"), "a file, not a folder");
    Outcome o =
        ops(
            false,
            against(
                "run",
                "notifications",
                "--segments",
                "2",
                "--mail-dir",
                tmp.resolve("mail").toString(),
                "--at",
                last.expiresAt().minus(Duration.ofDays(7)).toString()));
    assertThat(o.code()).isEqualTo(1);
    assertThat(o.out())
        .containsPattern("total\\s+14\\s+0\\s+12")
        .contains("MailException: cannot write")
        .contains("Running the job again retries them");
  }

  @Test
  void failure_unreachableRegistryMissingTableAndBadUsageSayWhatToDo() throws Exception {
    int port = DynamoDbLocal.freePort();
    Outcome down = ops(false, "run", "purge", "--endpoint", "http://127.0.0.1:" + port);
    assertThat(down.code()).isEqualTo(3);
    assertThat(down.err())
        .contains("cannot reach DynamoDB at http://127.0.0.1:" + port)
        .contains("start the local stack with `mvn -q -pl localstack -am compile exec:java`");

    Outcome noTable =
        ops(
            false,
            "run",
            "purge",
            "--endpoint",
            DynamoDbLocal.endpoint().toString(),
            "--table",
            "no-such-table");
    assertThat(noTable.code()).isEqualTo(3);
    assertThat(noTable.err()).contains("table 'no-such-table' does not exist");

    assertThat(ops(false, "run", "renew-everything").err())
        .contains("unknown job 'renew-everything'");
    assertThat(ops(false, "run", "purge", "--segments", "0").code()).isEqualTo(2);
    assertThat(ops(false, "run", "purge", "--param", "novalue").code()).isEqualTo(2);
    assertThat(ops(false, "frobnicate").code()).isEqualTo(2);
    assertThat(ops(false).code()).isEqualTo(2);

    Outcome list = ops(false, "list");
    assertThat(list.code()).isZero();
    assertThat(list.out())
        .contains(
            "auto-renew",
            "rate(1 hour)",
            "transfer-auto-approve",
            "purge",
            "restore-deadline",
            "notifications",
            "cron(0 6 * * ? *)");
  }
}
