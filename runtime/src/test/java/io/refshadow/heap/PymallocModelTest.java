package io.refshadow.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic of pymalloc's rules (CPython 3.12, 64-bit, {@code Objects/obmalloc.c}), worked out
 * by hand: 16-byte size classes up to 512 bytes, 16 KiB pools with a 48-byte header, 1 MiB arenas
 * of 64 pools, an arena released only when all its pools are empty (and kept when it is the
 * emptiest usable one, bpo-37257). The pool capacities are also checked against CPython's own
 * {@code sys._debugmallocstats()} ({@code resources/pymalloc/pool_capacity.py} and its output).
 */
class PymallocModelTest {
  static final int MIB = 1024 * 1024;

  /** (16384 - 48) / 16 blocks of 16 bytes fit in a pool. */
  static final int BLOCKS_OF_16 = 1021;

  /** 64 pools of 1021 blocks fill an arena. */
  static final int ARENA_OF_16 = 64 * BLOCKS_OF_16;

  private static long[] allocate(PymallocModel p, int n, int size) {
    long[] handles = new long[n];
    for (int i = 0; i < n; i++) {
      handles[i] = p.allocate(size);
    }
    return handles;
  }

  @Test
  void requestsAreRoundedUpToSixteenByteSizeClassesUpTo512Bytes() {
    assertThat(PymallocModel.roundedSize(1)).isEqualTo(16);
    assertThat(PymallocModel.roundedSize(16)).isEqualTo(16);
    assertThat(PymallocModel.roundedSize(17)).isEqualTo(32);
    assertThat(PymallocModel.roundedSize(24)).isEqualTo(32);
    assertThat(PymallocModel.roundedSize(512)).isEqualTo(512);
    PymallocModel p = new PymallocModel();
    p.allocate(24);
    assertThat(p.blockBytes()).isEqualTo(32);
    assertThat(p.usedBytes()).isEqualTo(32);
    p.allocate(513); // above SMALL_REQUEST_THRESHOLD: the system allocator, not a pool
    assertThat(p.largeObjects()).isEqualTo(1);
    assertThat(p.largeBytes()).isEqualTo(513);
    assertThat(p.blocks()).isEqualTo(1);
  }

  @Test
  void aPoolHoldsWhatFitsAfterItsHeader() {
    assertThat(PymallocModel.blocksPerPool(16)).isEqualTo(1021); // 16336 / 16
    assertThat(PymallocModel.blocksPerPool(32)).isEqualTo(510); // 16336 / 32 = 510.5
    assertThat(PymallocModel.blocksPerPool(48)).isEqualTo(340); // 16336 / 48 = 340.3
    assertThat(PymallocModel.blocksPerPool(512)).isEqualTo(31); // 16336 / 512 = 31.9
  }

  @Test
  void poolCapacitiesMatchCPythonsOwnStatisticsForAll32SizeClasses() throws IOException {
    List<String> rows;
    try (InputStream in = getClass().getResourceAsStream("/pymalloc/pool_capacity.expected")) {
      assertThat(in).as("CPython's output of pool_capacity.py").isNotNull();
      rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    assertThat(rows).hasSize(32);
    for (String row : rows) {
      String[] f = row.split(" ");
      int size = Integer.parseInt(f[0]);
      long pools = Long.parseLong(f[1]);
      long blocks = Long.parseLong(f[2]);
      assertThat(blocks)
          .as("blocks of size class " + size)
          .isEqualTo(pools * PymallocModel.blocksPerPool(size));
      assertThat(PymallocModel.roundedSize(size)).isEqualTo(size);
    }
  }

  @Test
  void the1022ndSmallObjectOpensASecondPoolInTheSameArena() {
    PymallocModel p = new PymallocModel();
    allocate(p, BLOCKS_OF_16, 16);
    assertThat(p.pools()).isEqualTo(1);
    assertThat(p.arenas()).isEqualTo(1);
    assertThat(p.heldBytes()).isEqualTo(MIB);
    p.allocate(16);
    assertThat(p.pools()).isEqualTo(2);
    assertThat(p.arenas()).isEqualTo(1);
  }

  @Test
  void eachSizeClassHasPoolsOfItsOwn() {
    PymallocModel p = new PymallocModel();
    p.allocate(16);
    p.allocate(32);
    p.allocate(40); // size class 48
    assertThat(p.pools()).isEqualTo(3);
    assertThat(p.arenas()).isEqualTo(1);
    assertThat(p.blockBytes()).isEqualTo(16 + 32 + 48);
  }

  @Test
  void sixtyFourFullPoolsFillAnArenaAndTheNextObjectMapsASecondOne() {
    PymallocModel p = new PymallocModel();
    allocate(p, ARENA_OF_16, 16);
    assertThat(p.pools()).isEqualTo(64);
    assertThat(p.arenas()).isEqualTo(1);
    p.allocate(16);
    assertThat(p.arenas()).isEqualTo(2);
    assertThat(p.heldBytes()).isEqualTo(2L * MIB);
  }

  @Test
  void largeObjectsAreHeldOnlyWhileAlive() {
    PymallocModel p = new PymallocModel();
    long h = p.allocate(4000);
    assertThat(p.heldBytes()).isEqualTo(4000);
    assertThat(p.arenas()).isZero();
    p.free(h, 4000);
    assertThat(p.heldBytes()).isZero();
    assertThat(p.largeObjects()).isZero();
  }

  @Test
  void oneSurvivorPerPoolKeepsEveryArena() {
    PymallocModel p = new PymallocModel();
    long[] h = allocate(p, 2 * ARENA_OF_16, 16);
    for (int i = 0; i < h.length; i++) {
      if (i % BLOCKS_OF_16 != 0) { // keep the first object of each pool
        p.free(h[i], 16);
      }
    }
    assertThat(p.blocks()).isEqualTo(128);
    assertThat(p.usedBytes()).isEqualTo(128 * 16);
    assertThat(p.pools()).isEqualTo(128);
    assertThat(p.arenas()).isEqualTo(2);
    assertThat(p.heldBytes()).isEqualTo(2L * MIB); // 2 MiB held for 2 KiB of objects
  }

  @Test
  void freeingEverythingKeepsOneEmptyArenaAsObmallocDoes() {
    PymallocModel p = new PymallocModel();
    long[] h = allocate(p, 3 * ARENA_OF_16, 16);
    for (long handle : h) {
      p.free(handle, 16);
    }
    assertThat(p.blocks()).isZero();
    assertThat(p.pools()).isZero();
    // the first arena to empty was the only usable one and is kept (bpo-37257); the next two
    // found it, emptier, after them in usable_arenas and went back to the system
    assertThat(p.arenas()).isEqualTo(1);
  }

  @Test
  void anArenaThatEmptiesIsReleasedWhenAnotherIsAtLeastAsEmpty() {
    PymallocModel p = new PymallocModel();
    long[] first = allocate(p, ARENA_OF_16, 16);
    p.allocate(16); // a second arena, with 63 free pools
    for (long handle : first) {
      p.free(handle, 16);
    }
    assertThat(p.arenas()).isEqualTo(1);
    assertThat(p.pools()).isEqualTo(1);
  }

  @Test
  void aNewPoolComesFromTheMostUsedArenaAndReusesAnEmptiedPool() {
    PymallocModel p = new PymallocModel();
    long[] first = allocate(p, ARENA_OF_16, 16);
    long lone = p.allocate(16); // second arena: 1 pool used, 63 free
    for (int i = 0; i < BLOCKS_OF_16; i++) {
      p.free(first[i], 16); // the first arena's first pool empties: 1 free pool there
    }
    assertThat(p.pools()).isEqualTo(64);
    p.allocate(32); // usable_arenas is sorted by free pools: the first arena (1 free) is used
    p.free(lone, 16); // the second arena empties; the first has no free pool: kept
    assertThat(p.arenas()).isEqualTo(2);
    assertThat(p.pools()).isEqualTo(64);
    p.allocate(48); // first arena full again: the kept empty arena serves it
    assertThat(p.arenas()).isEqualTo(2);
    assertThat(p.pools()).isEqualTo(65);
  }

  @Test
  void aFullPoolThatGetsAFreeBlockServesTheNextRequest() {
    PymallocModel p = new PymallocModel();
    long[] h = allocate(p, BLOCKS_OF_16 + 1, 16); // pool 1 full, pool 2 has one block
    p.free(h[0], 16); // pool 1 is no longer full: linked at the front of usedpools
    p.allocate(16); // refills pool 1, so no third pool
    assertThat(p.pools()).isEqualTo(2);
    assertThat(p.blocks()).isEqualTo(BLOCKS_OF_16 + 1);
  }
}
