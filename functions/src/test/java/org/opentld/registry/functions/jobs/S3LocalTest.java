package org.opentld.registry.functions.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

class S3LocalTest {
  @Test
  void putAndGet() {
    String b = S3Local.bucket("smoke");
    S3Local.client().putObject(r -> r.bucket(b).key("a.txt"), RequestBody.fromString("hello"));
    assertThat(S3Local.client().getObjectAsBytes(r -> r.bucket(b).key("a.txt")).asUtf8String())
        .isEqualTo("hello");
  }
}
