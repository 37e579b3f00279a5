package io.refshadow.heap;

import java.util.Arrays;

/**
 * How many bytes a CPython process using pymalloc ({@code Objects/obmalloc.c}, 3.12, 64-bit) would
 * hold from the operating system for the shadow heap's live objects. Requests of at most 512 bytes
 * are rounded up to a 16-byte size class and served from 16 KiB pools, each pool serving one size
 * class, carved from 1 MiB arenas; an arena goes back to the operating system only when all its
 * pools are empty. Larger requests go to the system allocator and are returned at once.
 *
 * <p>As obmalloc does, a new pool is taken from the most used arena that still has a free one
 * ({@code usable_arenas} is kept sorted by free pools, fewest first), so that lightly used arenas
 * can drain and be released; a pool that becomes non-full goes to the front of its size class's
 * list. Which block inside a pool an object occupies does not change the bytes held, so only each
 * pool's count of used blocks is kept.
 *
 * <p>An arena whose pools have all become empty is released, except when it is the emptiest usable
 * arena: obmalloc keeps that one ({@code insert_to_freepool}: {@code nf == ao->ntotalpools &&
 * ao->nextarena != NULL}, bpo-37257), so that a loop which allocates and frees one object does not
 * map and unmap an arena each time. The model takes every arena to start on a pool boundary (64
 * pools); a real arena from {@code mmap} often loses one pool to alignment.
 *
 * <p>Not thread-safe: the heap listeners call it with the shadow heap's lock held.
 */
public final class PymallocModel {
  public static final int ALIGNMENT = 16; // ALIGNMENT on 64-bit builds since CPython 3.8
  public static final int SMALL_REQUEST_THRESHOLD = 512;
  static final int SIZE_CLASSES = SMALL_REQUEST_THRESHOLD / ALIGNMENT;
  public static final int POOL_SIZE = 16 * 1024; // POOL_BITS 14
  public static final int ARENA_SIZE = 1024 * 1024; // ARENA_BITS 20
  public static final int POOLS_PER_ARENA = ARENA_SIZE / POOL_SIZE;
  public static final int POOL_OVERHEAD = 48; // sizeof(struct pool_header), rounded to ALIGNMENT

  /** Per pool (index = arena * POOLS_PER_ARENA + pool): size class, or -1 while empty. */
  private int[] poolClass = new int[0];

  private int[] poolUsed = new int[0];

  /** The doubly linked usedpools list of each size class (non-full, non-empty pools); -1 ends. */
  private int[] poolNext = new int[0];

  private int[] poolPrev = new int[0];
  private final int[] usedHead = new int[SIZE_CLASSES];

  /** Per arena slot: free pools in it, or -1 when the slot holds no arena. */
  private int[] arenaFreePools = new int[0];

  private int arenas;
  private int pools;
  private long largeBytes;
  private long largeObjects;
  private long blockBytes;
  private long blocks;

  public PymallocModel() {
    Arrays.fill(usedHead, -1);
  }

  /**
   * Allocates a block for an object of {@code size} bytes; returns a handle for {@link #free}: 0
   * for a large object, else the pool's index plus one.
   */
  public long allocate(long size) {
    if (size > SMALL_REQUEST_THRESHOLD || size <= 0) {
      largeBytes += Math.max(size, 0);
      largeObjects++;
      return 0;
    }
    int sizeClass = (int) ((size - 1) / ALIGNMENT);
    int pool = usedHead[sizeClass];
    if (pool < 0) {
      pool = newPool(sizeClass);
    }
    poolUsed[pool]++;
    blocks++;
    blockBytes += blockSize(sizeClass);
    if (poolUsed[pool] == capacity(sizeClass)) {
      unlinkUsed(pool); // full pools leave usedpools
    }
    return pool + 1L;
  }

  /** Frees what {@link #allocate} returned {@code handle} for. */
  public void free(long handle, long size) {
    if (handle == 0) {
      largeBytes -= Math.max(size, 0);
      largeObjects--;
      return;
    }
    int pool = (int) (handle - 1);
    int sizeClass = poolClass[pool];
    if (sizeClass < 0) {
      return; // not allocated: a bookkeeping bug, ignored rather than corrupting the model
    }
    boolean wasFull = poolUsed[pool] == capacity(sizeClass);
    poolUsed[pool]--;
    blocks--;
    blockBytes -= blockSize(sizeClass);
    if (poolUsed[pool] == 0) {
      if (!wasFull) {
        unlinkUsed(pool);
      }
      releasePool(pool);
    } else if (wasFull) {
      linkUsedAtFront(pool, sizeClass); // "pool was full, link it back in at the front"
    }
  }

  /** Bytes held from the operating system: whole arenas, plus large objects. */
  public long heldBytes() {
    return (long) arenas * ARENA_SIZE + largeBytes;
  }

  /** Bytes of the blocks in use, plus large objects: the same objects, with pymalloc rounding. */
  public long usedBytes() {
    return blockBytes + largeBytes;
  }

  /** Arenas held from the operating system ({@code # arenas allocated current}). */
  public int arenas() {
    return arenas;
  }

  /** Pools carved from the arenas and not empty (used or full pools). */
  public int pools() {
    return pools;
  }

  /** Small objects in pymalloc blocks. */
  public long blocks() {
    return blocks;
  }

  /** Bytes of the blocks in use (small objects rounded up to their size class). */
  public long blockBytes() {
    return blockBytes;
  }

  /** Objects larger than 512 bytes, served by the system allocator. */
  public long largeObjects() {
    return largeObjects;
  }

  /** Bytes of the objects larger than 512 bytes. */
  public long largeBytes() {
    return largeBytes;
  }

  /** The block size a request of {@code size} bytes (1..512) gets: its size class. */
  public static int roundedSize(long size) {
    return blockSize((int) ((size - 1) / ALIGNMENT));
  }

  static int blockSize(int sizeClass) {
    return (sizeClass + 1) * ALIGNMENT;
  }

  /** Blocks of one size class that fit in a pool after its header. */
  public static int blocksPerPool(long size) {
    return capacity((int) ((size - 1) / ALIGNMENT));
  }

  static int capacity(int sizeClass) {
    return (POOL_SIZE - POOL_OVERHEAD) / blockSize(sizeClass);
  }

  private int newPool(int sizeClass) {
    int arena = -1;
    int fewest = Integer.MAX_VALUE;
    for (int a = 0; a < arenaFreePools.length; a++) {
      int free = arenaFreePools[a];
      if (free > 0 && free < fewest) {
        fewest = free;
        arena = a;
      }
    }
    if (arena < 0) {
      arena = newArena();
    }
    int base = arena * POOLS_PER_ARENA;
    int pool = -1;
    for (int p = base; p < base + POOLS_PER_ARENA; p++) {
      if (poolClass[p] < 0) {
        pool = p;
        break;
      }
    }
    arenaFreePools[arena]--;
    pools++;
    poolClass[pool] = sizeClass;
    poolUsed[pool] = 0;
    linkUsedAtFront(pool, sizeClass);
    return pool;
  }

  private int newArena() {
    for (int a = 0; a < arenaFreePools.length; a++) {
      if (arenaFreePools[a] < 0) {
        arenaFreePools[a] = POOLS_PER_ARENA;
        arenas++;
        return a;
      }
    }
    int a = arenaFreePools.length;
    int slots = Math.max(4, a * 2);
    arenaFreePools = Arrays.copyOf(arenaFreePools, slots);
    Arrays.fill(arenaFreePools, a, slots, -1);
    int pools = slots * POOLS_PER_ARENA;
    int old = poolClass.length;
    poolClass = Arrays.copyOf(poolClass, pools);
    Arrays.fill(poolClass, old, pools, -1);
    poolUsed = Arrays.copyOf(poolUsed, pools);
    poolNext = Arrays.copyOf(poolNext, pools);
    poolPrev = Arrays.copyOf(poolPrev, pools);
    arenaFreePools[a] = POOLS_PER_ARENA;
    arenas++;
    return a;
  }

  /**
   * An empty pool goes back to its arena; an arena whose pools are all empty is released, unless no
   * other usable arena is as empty (it would be last in {@code usable_arenas}: kept).
   */
  private void releasePool(int pool) {
    poolClass[pool] = -1;
    pools--;
    int arena = pool / POOLS_PER_ARENA;
    if (++arenaFreePools[arena] == POOLS_PER_ARENA && !isEmptiestUsable(arena)) {
      arenaFreePools[arena] = -1; // _PyObject_Arena.free: back to the operating system
      arenas--;
    }
  }

  /**
   * Whether {@code arena}, just emptied, would be the last of {@code usable_arenas}: sorted by free
   * pools, it stood among the arenas with one pool fewer free, so any other arena with at least
   * that many free pools comes after it.
   */
  private boolean isEmptiestUsable(int arena) {
    for (int a = 0; a < arenaFreePools.length; a++) {
      if (a != arena && arenaFreePools[a] >= POOLS_PER_ARENA - 1) {
        return false;
      }
    }
    return true;
  }

  private void linkUsedAtFront(int pool, int sizeClass) {
    int head = usedHead[sizeClass];
    poolPrev[pool] = -1;
    poolNext[pool] = head;
    if (head >= 0) {
      poolPrev[head] = pool;
    }
    usedHead[sizeClass] = pool;
  }

  private void unlinkUsed(int pool) {
    int sizeClass = poolClass[pool];
    int prev = poolPrev[pool];
    int next = poolNext[pool];
    if (prev >= 0) {
      poolNext[prev] = next;
    } else if (usedHead[sizeClass] == pool) {
      usedHead[sizeClass] = next;
    }
    if (next >= 0) {
      poolPrev[next] = prev;
    }
    poolPrev[pool] = -1;
    poolNext[pool] = -1;
  }
}
