package io.refshadow.junit;

import static org.assertj.core.api.Assertions.assertThat;

import junitexamples.Growth;
import org.junit.jupiter.api.Test;

/** Snapshots of the shadow heap and their difference, under the real agent (objgraph's growth). */
class HeapSnapshotIT {
  @Test
  void growthBetweenSnapshotsCountsNewObjectsByTypeLikeShowGrowth() {
    Growth.closeAll(); // also initializes the class before the first snapshot
    HeapSnapshot before = HeapSnapshot.take();
    Growth.open(5);
    HeapSnapshot after = HeapSnapshot.take();
    HeapGrowth growth = after.growthSince(before);

    assertThat(growth.delta(Growth.Session.class)).isEqualTo(5);
    assertThat(after.count(Growth.Session.class) - before.count(Growth.Session.class)).isEqualTo(5);
    assertThat(growth.increases())
        .extracting(HeapGrowth.TypeChange::type)
        .containsExactly("junitexamples.Growth$Session");
    assertThat(growth.toString()).isEqualTo("junitexamples.Growth$Session         5        +5");
  }

  @Test
  void objectsFreedByRefcountShowAsADecrease() {
    Growth.closeAll();
    Growth.open(3);
    HeapSnapshot before = HeapSnapshot.take();
    Growth.closeAll();
    HeapGrowth growth = HeapSnapshot.take().growthSince(before);

    assertThat(growth.delta(Growth.Session.class)).isEqualTo(-3);
    assertThat(growth.isEmpty()).as("nothing grew").isTrue();
    assertThat(growth.toString()).isEmpty();
  }
}
