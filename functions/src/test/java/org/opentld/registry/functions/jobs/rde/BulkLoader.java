package org.opentld.registry.functions.jobs.rde;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.opentld.registry.domain.Domain;
import org.opentld.registry.domain.DsData;
import org.opentld.registry.store.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Fills a registry table with many domains fast, for escrow memory tests and benchmarks:
 * BatchWriteItem of the very items the registry writes ({@link Items#domain}), 25 per request
 * on several threads, retrying unprocessed items. The domains are what a deposit reads (two
 * name servers, three contacts, a DS record); their contacts, hosts, links and history are not
 * written, so the table is not a registry to run commands on, only one to scan.
 */
public final class BulkLoader {
  private BulkLoader() {}

  /** The {@code i}-th synthetic domain of a TLD. */
  public static Domain domain(String tld, long i, Instant at) {
    return Domain.builder()
        .name(String.format("bulk-%09d.%s", i, tld))
        .roid(String.format("B%012d-TEST", i))
        .tld(tld)
        .registrarId(i % 2 == 0 ? "reg-a" : "reg-b")
        .createdBy(i % 2 == 0 ? "reg-a" : "reg-b")
        .registrant("holder-1")
        .contacts(Map.of(Domain.ContactType.ADMIN, "holder-1", Domain.ContactType.TECH,
            "tech-1"))
        .nameservers(List.of("ns1.example.net", "ns2.example.net"))
        .dsData(List.of(new DsData((int) (i % 65535), 13, 2,
            "E2D3C916F6DEEAC73294E8268FB5885044A833FC5459588F4A9184CFC41A5766")))
        .createdAt(at)
        .expiresAt(at.atZone(ZoneOffset.UTC).plusYears(1).toInstant())
        .authInfoHash("$2a$10$abcdefghijklmnopqrstuu5Y9m0n4nnsGe5mKSpK3eQFRKBRJ9Qa")
        .version(1)
        .build();
  }

  /** Writes domains {@code 0..count-1}; returns the seconds it took. */
  public static double load(DynamoDbClient ddb, String table, String tld, long count,
      Instant at, int threads) throws Exception {
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicLong next = new AtomicLong();
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      running.add(pool.submit(() -> {
        while (true) {
          long from = next.getAndAdd(25);
          if (from >= count) {
            return null;
          }
          List<WriteRequest> batch = new ArrayList<>();
          for (long i = from; i < Math.min(count, from + 25); i++) {
            batch.add(WriteRequest.builder()
                .putRequest(PutRequest.builder().item(Items.domain(domain(tld, i, at))).build())
                .build());
          }
          Map<String, List<WriteRequest>> pending = Map.of(table, batch);
          while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> p = pending;
            BatchWriteItemResponse r = ddb.batchWriteItem(b -> b.requestItems(p));
            pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
            if (!pending.isEmpty()) {
              Thread.sleep(50);
            }
          }
        }
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
    return (System.nanoTime() - start) / 1e9;
  }
}
