package org.opentld.registry.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opentld.registry.store.Keys;

class LifecycleShardsTest {
  @Test
  void segmentCountsThatDivideSixteenSplitTheBucketsWithoutOverlap() {
    for (int segments : List.of(1, 2, 4, 8, 16)) {
      List<Integer> all = new ArrayList<>();
      for (int s = 0; s < segments; s++) {
        List<Integer> mine = LifecycleShards.buckets(s, segments);
        assertThat(mine).hasSize(16 / segments);
        all.addAll(mine);
      }
      assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 16).boxed().toList());
    }
  }

  @Test
  void otherCountsReadEveryBucketAndOwnershipDecides() {
    assertThat(LifecycleShards.buckets(1, 3)).hasSize(16);
    assertThat(LifecycleShards.buckets(31, 32)).hasSize(16);
    for (String name : List.of("a.test", "example.test", "xn--bcher-kva.test", "zz.test")) {
      long owners = IntStream.range(0, 3).filter(s -> LifecycleShards.owns(name, s, 3)).count();
      assertThat(owners).as(name).isEqualTo(1);
      // With 4 segments a name's owner reads the name's bucket.
      int owner =
          IntStream.range(0, 4)
              .filter(s -> LifecycleShards.owns(name, s, 4))
              .findFirst()
              .orElseThrow();
      assertThat(LifecycleShards.buckets(owner, 4)).contains(Keys.bucket(name));
    }
  }

  @Test
  void failure_segmentOutsideTheCountIsRefused() {
    assertThatThrownBy(() -> LifecycleShards.buckets(4, 4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LifecycleShards.buckets(0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
