package io.refshadow.heap;

import io.refshadow.GcCallback;
import io.refshadow.GcInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * CPython 3.12's generational cycle detector ({@code Modules/gcmodule.c}) over the shadow graph.
 *
 * <p>Read it beside gcmodule.c: each phase is one method named after its C function, with the
 * invariant it leaves behind. It works on shadow nodes only (their refcounts and edges); it never
 * reads or writes a real object's fields. All methods run with the heap's lock held.
 */
public final class CycleDetector {
  public static final int NUM_GENERATIONS = 3;

  /** gc.DEBUG_* flags, with CPython's values. */
  public static final int DEBUG_STATS = 1,
      DEBUG_COLLECTABLE = 2,
      DEBUG_UNCOLLECTABLE = 4,
      DEBUG_SAVEALL = 32,
      DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

  private final ShadowHeap heap;
  private final Profile profile;

  /** The slots every list below is linked through. */
  final GcSlots slots = new GcSlots();

  final GcList[] generations = new GcList[NUM_GENERATIONS];
  final GcList permanent = new GcList(slots);

  /**
   * The working lists of a collection (gc_collect_main's locals in CPython), reused so that their
   * sentinels keep their slots: empty between collections.
   */
  private final GcList unreachableList = new GcList(slots),
      finalizersList = new GcList(slots),
      stillUnreachableList = new GcList(slots),
      seenList = new GcList(slots);

  private final GcList[] workLists = {
    unreachableList, finalizersList, stillUnreachableList, seenList
  };

  final int[] threshold;
  final int[] count = new int[NUM_GENERATIONS];

  /** Per-generation statistics (gc.get_stats()). */
  final long[] statCollections = new long[NUM_GENERATIONS];

  final long[] statCollected = new long[NUM_GENERATIONS];
  final long[] statUncollectable = new long[NUM_GENERATIONS];

  boolean enabled = true;
  boolean collecting;

  /** True while delete_garbage runs: frees then are the cycle detector's. */
  boolean deleting;

  int debug;
  long longLivedTotal;
  long longLivedPending;

  /** Invoked around each collection with "start"/"stop" (gc.callbacks): a live user list. */
  final List<GcCallback> callbacks = new CopyOnWriteArrayList<>();

  CycleDetector(ShadowHeap heap, Profile profile) {
    this.heap = heap;
    this.profile = profile;
    this.threshold = profile.thresholds();
    for (int i = 0; i < NUM_GENERATIONS; i++) {
      generations[i] = new GcList(slots);
    }
  }

  public Profile profile() {
    return profile;
  }

  // ---------------------------------------------------------------------------------------------
  // Tracking (_PyObject_GC_TRACK, _PyObject_GC_Link, PyObject_GC_Del).

  /** Puts {@code n} in generation 0 without counting an allocation (adopted objects). */
  void track(Node n) {
    generations[0].append(n);
    n.flags |= Node.TRACKED;
  }

  void untrack(Node n) {
    GcList.remove(n, slots);
    n.flags &= ~Node.TRACKED;
  }

  /**
   * _PyObject_GC_Link + track: a tracked allocation counts toward generation 0; when the count
   * exceeds threshold 0 (and collection is enabled and not running) a collection starts. CPython
   * 3.12 runs it at the next eval-breaker check; here it runs at once, while the new object is
   * still held by its frame.
   */
  void trackAllocation(Node n) {
    track(n);
    if (n.has(Node.INTERNAL)) {
      return; // a collection's own storage: not an allocation Python would count
    }
    count[0]++;
    if (count[0] > threshold[0] && enabled && threshold[0] != 0 && !collecting) {
      collecting = true;
      try {
        heap.releaseReclaimed(); // what the JVM reclaimed is not the detector's to find
        collectGenerations();
      } finally {
        collecting = false;
      }
    }
  }

  /**
   * PyObject_GC_Del: a freed object of a tracked type leaves its list (if beginDealloc has not
   * untracked it already) and generation 0's count drops (not below 0). An adopted object drops
   * nothing: its allocation was never counted ({@link #track}), and dropping the count for it would
   * let every adopted object that dies (a list the API returned, say) postpone the next collection.
   */
  void untrackFreed(Node n) {
    if (n.has(Node.TRACKED)) {
      untrack(n);
    }
    if (n.type.tracked && count[0] > 0 && !n.has(Node.INTERNAL) && !n.has(Node.ADOPTED)) {
      count[0]--;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Entry points.

  /** gc.collect(generation): a collection with callbacks, or 0 if one is already running. */
  public long collect(int generation) {
    if (collecting) {
      return 0;
    }
    collecting = true;
    try {
      heap.releaseReclaimed();
      long found = collectWithCallback(generation);
      heap.shrinkTableIfSparse(); // the garbage is gone; the program may add nothing for a while
      return found;
    } finally {
      collecting = false;
    }
  }

  /**
   * gc_collect_generations: collects the oldest generation whose count exceeds its threshold. The
   * oldest generation is collected only when the objects that survived since the last full
   * collection ({@code long_lived_pending}) exceed a quarter of those that survived it ({@code
   * long_lived_total}), to avoid quadratic behaviour (bpo-4074).
   */
  long collectGenerations() {
    for (int i = NUM_GENERATIONS - 1; i >= 0; i--) {
      if (count[i] > threshold[i]) {
        if (i == NUM_GENERATIONS - 1 && longLivedPending < longLivedTotal / 4) {
          continue;
        }
        return collectWithCallback(i);
      }
    }
    return 0;
  }

  /** gc_collect_with_callback. */
  long collectWithCallback(int generation) {
    invokeGcCallback("start", generation, 0, 0);
    long[] result = collectMain(generation);
    invokeGcCallback("stop", generation, result[0], result[1]);
    return result[0] + result[1];
  }

  private void invokeGcCallback(String phase, int generation, long collected, long uncollectable) {
    if (callbacks.isEmpty()) {
      return;
    }
    GcInfo info = new GcInfo(generation, collected, uncollectable);
    for (GcCallback cb : callbacks) {
      heap.runUserCode("gc callback " + cb, () -> cb.call(phase, info));
    }
  }

  /**
   * gc_collect_main: the collection itself. Returns {collected, uncollectable}; collected leaves
   * out the JDK's own objects ({@link Node#FOREIGN}) and the collections' storage ({@link
   * Node#INTERNAL}), which are freed all the same.
   *
   * <p>Order of phases, as in CPython: update counts; merge younger generations; {@link
   * #deduceUnreachable}; move survivors to the next generation; {@link #moveLegacyFinalizers};
   * {@link #handleWeakrefs}; {@link #finalizeGarbage}; {@link #handleResurrectedObjects}; {@link
   * #deleteGarbage}; {@link #handleLegacyFinalizers}; statistics.
   */
  long[] collectMain(int generation) {
    long start = System.nanoTime();
    heap.listener().onCollectionStart(generation);
    if ((debug & DEBUG_STATS) != 0) {
      System.err.printf("gc: collecting generation %d...%n", generation);
      System.err.printf(
          "gc: objects in each generation: %d %d %d%n",
          generations[0].size(), generations[1].size(), generations[2].size());
      System.err.printf("gc: objects in permanent generation: %d%n", permanent.size());
    }

    emptyWorkLists();

    // update collection and allocation counters
    if (generation + 1 < NUM_GENERATIONS) {
      count[generation + 1] += 1;
    }
    for (int i = 0; i <= generation; i++) {
      count[i] = 0;
    }

    // merge younger generations with the one we are currently collecting
    for (int i = 0; i < generation; i++) {
      generations[generation].mergeFrom(generations[i]);
    }
    GcList young = generations[generation];
    GcList old = generation < NUM_GENERATIONS - 1 ? generations[generation + 1] : young;
    GcList unreachable = unreachableList;
    int examined;
    if (generation == NUM_GENERATIONS - 1 && permanent.isEmpty()) {
      // every tracked object is in young: update_refs and subtract_refs can share one pass
      examined = updateAndSubtractRefs();
      moveUnreachable(young, unreachable);
    } else {
      examined = deduceUnreachable(young, unreachable);
    }

    // Move reachable objects to the next generation.
    if (young != old) {
      // only the program's own allocations count here, as for the gen-0 count (GcList)
      if (generation == NUM_GENERATIONS - 2) {
        longLivedPending += reachableAllocations;
      }
      old.mergeFrom(young);
    } else {
      longLivedPending = 0;
      longLivedTotal = reachableAllocations;
    }

    // All objects in unreachable are trash, but objects reachable from legacy finalizers can't
    // safely be deleted.
    GcList finalizers = finalizersList;
    long m;
    GcList finalUnreachable;
    if (unreachableNeedsUserCode) {
      moveLegacyFinalizers(unreachable, finalizers);
      printCollectable(unreachable);

      // Clear weakrefs and invoke callbacks as necessary.
      m = handleWeakrefs(unreachable, old);

      // Call the finalizers (@Del) of objects that have one.
      finalizeGarbage(unreachable);

      // Handle objects resurrected by the finalizers; go on with those still unreachable.
      finalUnreachable = stillUnreachableList;
      m += handleResurrectedObjects(unreachable, finalUnreachable, old);
    } else {
      // No weak reference, weak reference object or pending finalizer among the unreachable:
      // handle_weakrefs and finalize_garbage would do nothing, so no user code runs and no count or
      // edge changes, and handle_resurrected_objects would find every object unreachable again, in
      // the same order. Those three passes are skipped; move_legacy_finalizers' unmarking happens
      // in delete_garbage, object by object.
      printCollectable(unreachable);
      m = examined - reachable;
      finalUnreachable = unreachable;
    }

    // Freed with the rest but not counted: the JDK's own objects (Node.FOREIGN), which the program
    // never made and which became garbage when the JVM reclaimed them, at a time no Python program
    // could see (counting them made gc.collect()'s result depend on when the JVM collected); and a
    // collection's own storage (Node.INTERNAL: an ArrayList's array, a HashMap's table and nodes),
    // which a Python list or dict does not have (a list holding itself is one object, not two).
    // Without user code the unreachable are the examined less the kept, so are their uncounted
    // ones: the update pass and moveUnreachable counted them, with no walk of their own.
    m -=
        finalUnreachable == unreachable
            ? examinedUncounted - reachableUncounted
            : countUncounted(finalUnreachable);

    // Break the reference cycles.
    deleteGarbage(finalUnreachable, old);

    // Collect statistics on uncollectable objects found.
    long n = 0;
    for (Node x = finalizers.first(); x != finalizers.head; x = finalizers.next(x)) {
      n++;
      if ((debug & DEBUG_UNCOLLECTABLE) != 0) {
        System.err.printf("gc: uncollectable <%s %s>%n", x.typeName(), hex(x));
      }
    }
    long elapsed = System.nanoTime() - start;
    if ((debug & DEBUG_STATS) != 0) {
      System.err.printf(
          "gc: done, %d unreachable, %d uncollectable, %.4fs elapsed%n", m + n, n, elapsed / 1e9);
    }
    handleLegacyFinalizers(finalizers, old);

    statCollections[generation]++;
    statCollected[generation] += m;
    statUncollectable[generation] += n;
    if (generation == NUM_GENERATIONS - 1) {
      slots.compactIfSparse(); // every tracked object was just walked: as cheap as it gets
      ClassInfo.forgetRecent(); // so that it keeps no class from being unloaded for long
    }
    heap.listener().onCollection(generation, examined, m, n, elapsed);
    return new long[] {m, n};
  }

  /**
   * Empties the collection's working lists: nodes a failed collection left in them (a bug, counted
   * where it was caught) go to the oldest generation with their marks cleared, so that they stay
   * tracked, and no stale link points into a list the collection is about to use.
   */
  private void emptyWorkLists() {
    for (GcList list : workLists) {
      if (!list.isEmpty()) {
        for (Node n = list.first(); n != list.head; n = list.next(n)) {
          n.flags &= ~(Node.COLLECTING | Node.UNREACHABLE);
        }
        generations[NUM_GENERATIONS - 1].mergeFrom(list);
      }
    }
  }

  /** Forgets every tracked node (the shadow is released); the lists are left empty. */
  void forgetAll() {
    slots.reset();
  }

  /** Flags of the nodes gc.collect() frees but does not count (see collectMain). */
  private static final int UNCOUNTED = Node.FOREIGN | Node.INTERNAL;

  /** Nodes with {@link #UNCOUNTED} among those the last update pass examined. */
  private int examinedUncounted;

  /** Nodes with {@link #UNCOUNTED} among those the last moveUnreachable kept. */
  private int reachableUncounted;

  private static int countUncounted(GcList list) {
    int uncounted = 0;
    for (Node n = list.first(); n != list.head; n = list.next(n)) {
      if ((n.flags & UNCOUNTED) != 0) {
        uncounted++;
      }
    }
    return uncounted;
  }

  private void printCollectable(GcList unreachable) {
    if ((debug & DEBUG_COLLECTABLE) != 0) {
      for (Node n = unreachable.first(); n != unreachable.head; n = unreachable.next(n)) {
        System.err.printf("gc: collectable <%s %s>%n", n.typeName(), hex(n));
      }
    }
  }

  private static String hex(Node n) {
    return "0x" + n.identityHex();
  }

  // ---------------------------------------------------------------------------------------------
  // The phases.

  /**
   * deduce_unreachable: leaves in {@code base} everything reachable from outside it, and moves
   * everything else to {@code unreachable}. After it, objects in base are not COLLECTING; objects
   * in unreachable are COLLECTING and UNREACHABLE.
   */
  int deduceUnreachable(GcList base, GcList unreachable) {
    int examined = updateRefs(base);
    subtractRefs(base);
    moveUnreachable(base, unreachable);
    return examined;
  }

  /**
   * Set by {@link #moveUnreachable}: how many objects it left in young (reachable from outside),
   * and how many of those are the program's own allocations, so that no further pass over the list
   * counts them (CPython's gc_list_size passes cost a quarter of a collection here). The long-lived
   * bookkeeping that gates full collections counts only the program's own allocations: not the JDK
   * collections' storage (tables, nodes) nor objects the JDK made and the shadow adopted (method
   * types its lambda machinery interns, say), which a Python program would not have, as the gen-0
   * count leaves both out.
   */
  int reachable;

  int reachableAllocations;

  /**
   * Set by {@link #moveUnreachable}: whether any object it moved to unreachable (even one moved
   * back later) has weak references, is a weak reference object, or has a finalizer that has not
   * run. When none has, handle_weakrefs and finalize_garbage have nothing to do, and the collection
   * skips them and handle_resurrected_objects.
   */
  boolean unreachableNeedsUserCode;

  /**
   * update_refs: for every object in {@code containers}, gc_refs = refcount, and the object is
   * marked COLLECTING. Invariant after: gc_refs > 0 for every object (a tracked object in a list is
   * referenced by someone, or it would have been freed).
   */
  int updateRefs(GcList containers) {
    int count = 0;
    int uncounted = 0;
    Node[] s = slots.nodes; // no node is added while the pass runs
    int[] next = slots.next;
    int[] refs = slots.prev; // gc_refs in place of the back links, until moveUnreachable
    int head = containers.headSlot();
    for (int i = next[head]; i != head; i = next[i]) {
      Node n = s[i];
      refs[i] = n.refcount;
      n.flags |= Node.COLLECTING;
      count++;
      if ((n.flags & UNCOUNTED) != 0) {
        uncounted++;
      }
    }
    examinedUncounted = uncounted;
    return count;
  }

  /**
   * subtract_refs: subtracts the references made by objects inside {@code containers} to objects
   * inside it. Invariant after: gc_refs of each object counts only references from outside the set
   * (roots, older generations, untracked holders); an object with gc_refs 0 is reachable only from
   * inside, if at all.
   */
  void subtractRefs(GcList containers) {
    Node[] s = slots.nodes;
    int[] next = slots.next;
    int[] refs = slots.prev;
    int head = containers.headSlot();
    for (int i = next[head]; i != head; i = next[i]) {
      Node n = s[i];
      // the order of the decrements does not matter (each saturates at 0 independently of order)
      for (Node t : n.edges) {
        if (t != null && (t.flags & Node.COLLECTING) != 0 && refs[t.gcSlot] > 0) {
          refs[t.gcSlot]--; // visit_decref
        }
      }
    }
  }

  /**
   * update_refs and subtract_refs in one pass, for a collection whose set is every tracked object
   * (a full collection with an empty permanent generation, the younger generations merged into the
   * oldest; between collections no object is COLLECTING). An object is then in the set exactly when
   * it is TRACKED, so it gets gc_refs = refcount and the COLLECTING mark at its first visit,
   * whichever comes first: its own turn or a reference from an object before it, which then also
   * subtracts that reference. Invariant after: the same as after the two passes, gc_refs = max(0,
   * refcount - references from inside the set) for every object (saturating decrements give that in
   * any order).
   *
   * <p>Since the order does not matter, the pass reads the slots in index order rather than
   * following the list: the next object's address then does not wait for this one's links, so the
   * processor fetches several objects at once, where the JVM's collectors have scattered them.
   */
  int updateAndSubtractRefs() {
    int count = 0;
    int uncounted = 0;
    Node[] s = slots.nodes;
    int[] refs = slots.prev; // gc_refs in place of the back links, until moveUnreachable
    for (int i = 1, top = slots.top(); i < top; i++) {
      Node n = s[i];
      if (n == null || (n.flags & Node.TRACKED) == 0) {
        continue; // a free slot, or a list's sentinel
      }
      if ((n.flags & Node.COLLECTING) == 0) {
        refs[i] = n.refcount;
        n.flags |= Node.COLLECTING;
      }
      count++;
      if ((n.flags & UNCOUNTED) != 0) {
        uncounted++;
      }
      for (Node t : n.edges) {
        if (t != null) {
          int f = t.flags;
          if ((f & Node.COLLECTING) != 0) {
            if (refs[t.gcSlot] > 0) {
              refs[t.gcSlot]--; // visit_decref
            }
          } else if ((f & Node.TRACKED) != 0) {
            refs[t.gcSlot] = t.refcount > 0 ? t.refcount - 1 : 0; // its update_refs, visit_decref
            t.flags = f | Node.COLLECTING;
          }
        }
      }
    }
    examinedUncounted = uncounted;
    return count;
  }

  /**
   * move_unreachable: moves objects not reachable from outside {@code young} to {@code
   * unreachable}. An object with gc_refs > 0 is reachable; what it refers to is then marked
   * reachable too (visit_reachable), moving it back from unreachable if the scan had already passed
   * it. Invariant after: young holds exactly the objects reachable from outside, none of them
   * COLLECTING; unreachable holds the rest, each COLLECTING and UNREACHABLE, in the order CPython's
   * scan produces.
   */
  void moveUnreachable(GcList young, GcList unreachable) {
    Node[] s = slots.nodes; // moves add no slot
    int[] next = slots.next;
    // The back links of young's objects hold gc_refs (update_refs put them there), and the scan
    // relinks each object it leaves in young to the one before it, as CPython's does. The
    // unreachable list's links are kept whole: visitReachable unlinks from it.
    int[] refsOrPrev = slots.prev;
    int youngHead = young.headSlot();
    int prev = youngHead;
    int kept = 0;
    int keptUncounted = 0;
    int keptAllocations = 0;
    boolean userCode = false;
    for (int i = next[prev]; i != youngHead; i = next[prev]) {
      Node gc = s[i];
      if (refsOrPrev[i] > 0) {
        traverse(gc, young);
        refsOrPrev[i] = prev; // its gc_refs are no longer needed
        gc.flags &= ~Node.COLLECTING;
        prev = i;
        kept++; // each object left in young passes here exactly once (then it is not COLLECTING)
        if ((gc.flags & (Node.INTERNAL | Node.ADOPTED)) == 0) {
          keptAllocations++;
        }
        if ((gc.flags & UNCOUNTED) != 0) {
          keptUncounted++;
        }
      } else {
        // Tentatively unreachable; visitReachable moves it back if something reachable refers to
        // it later in the scan. Unlinked forward only: the back link of the object after it holds
        // gc_refs, and the scan relinks that object when it reaches it.
        next[prev] = next[i];
        unreachable.link(i);
        gc.flags |= Node.UNREACHABLE;
        if ((gc.flags & Node.WEAKREF_OBJECT) != 0
            || gc.type.del != null && (gc.flags & Node.FINALIZED) == 0
            || heap.weakrefs(gc) != null) {
          userCode = true;
        }
      }
    }
    refsOrPrev[youngHead] = prev; // young's last object is the last the scan kept
    reachable = kept;
    reachableUncounted = keptUncounted;
    reachableAllocations = keptAllocations;
    unreachableNeedsUserCode = userCode;
  }

  /** Calls visit_reachable for each referent of {@code n}, in tp_traverse order. */
  private void traverse(Node n, GcList young) {
    Node[] edges = n.edges;
    if (n.type.isArray) {
      for (int k = edges.length - 1; k >= 0; k--) { // list_traverse: last item to first
        Node t = edges[k];
        if (t != null) {
          visitReachable(t, young);
        }
      }
    } else {
      for (Node t : edges) { // subtype_traverse: slots in order
        if (t != null) {
          visitReachable(t, young);
        }
      }
    }
  }

  /** visit_reachable. */
  private void visitReachable(Node op, GcList young) {
    if (!op.has(Node.COLLECTING)) {
      return; // in another generation, or already scanned
    }
    if (op.has(Node.UNREACHABLE)) {
      // Had gc_refs 0 when move_unreachable reached it, but is reachable after all: back to young,
      // where the scan will reach it again.
      young.move(op); // appended after young's last object, which the scan has not reached
      op.flags &= ~Node.UNREACHABLE;
      slots.prev[op.gcSlot] = 1; // gc_refs in place of its back link, as for the unscanned
    } else if (slots.prev[op.gcSlot] == 0) {
      slots.prev[op.gcSlot] = 1; // not yet scanned: tell move_unreachable it is reachable
    }
  }

  /**
   * move_legacy_finalizers: objects with a legacy finalizer (tp_del) are uncollectable. Java
   * objects have none ({@code @Del} is a PEP 442 finalizer), so this phase only clears the
   * UNREACHABLE marks, as the C function does. Invariant after: unreachable holds COLLECTING
   * objects without the UNREACHABLE mark; finalizers is empty.
   */
  void moveLegacyFinalizers(GcList unreachable, GcList finalizers) {
    for (Node n = unreachable.first(); n != unreachable.head; n = unreachable.next(n)) {
      n.flags &= ~Node.UNREACHABLE;
    }
  }

  /**
   * handle_weakrefs: clears every weak reference to an unreachable object (and every weak reference
   * object that is itself unreachable), then calls the callbacks of the cleared weak references
   * that are themselves reachable. A callback of trash is never called: it could resurrect trash.
   * Returns how many weak reference objects died during their callbacks.
   */
  long handleWeakrefs(GcList unreachable, GcList old) {
    List<ShadowWeakref> toCall = new ArrayList<>();
    for (Node n = unreachable.first(); n != unreachable.head; n = unreachable.next(n)) {
      ShadowWeakref own = heap.weakrefOf(n);
      if (own != null) {
        heap.unlinkWeakref(own); // a weakref inside the unreachable set is cleared (bpo-38006)
      }
      for (ShadowWeakref w = heap.weakrefs(n); w != null; w = heap.weakrefs(n)) {
        heap.unlinkWeakref(w);
        if (w.callback == null) {
          continue;
        }
        if (w.self != null && w.self.has(Node.COLLECTING)) {
          continue; // the weakref is trash too: its callback must not run
        }
        if (w.self != null) {
          ShadowHeap.incref(w.self);
        }
        toCall.add(w);
      }
    }
    long freed = 0;
    for (ShadowWeakref w : toCall) {
      heap.callWeakrefCallback(w);
      Node self = w.self;
      if (self != null) {
        heap.decref(self);
        if (self.has(Node.FREED)) {
          freed++;
        } else if (self.has(Node.TRACKED)) {
          old.move(self);
        }
      }
    }
    return freed;
  }

  /**
   * finalize_garbage: calls each unreachable object's finalizer once (PEP 442), first to last.
   * Finalizers may free objects or resurrect them; each object is first moved to a "seen" list, so
   * whatever they do to the list is safe. Invariant after: every object still in the list has been
   * finalized.
   */
  void finalizeGarbage(GcList collectable) {
    GcList seen = seenList;
    while (!collectable.isEmpty()) {
      Node n = collectable.first();
      seen.move(n);
      if (!n.has(Node.FINALIZED) && n.type.del != null) {
        Object obj = heap.strongOrReferent(n);
        n.flags |= Node.FINALIZED;
        if (obj != null) {
          ShadowHeap.incref(n);
          heap.runFinalizer(n, obj);
          heap.decref(n);
        }
      }
    }
    collectable.mergeFrom(seen);
  }

  /**
   * handle_resurrected_objects: runs deduce_unreachable again over the unreachable set. What a
   * finalizer made reachable from outside (and what that reaches) goes to the old generation; the
   * rest goes to {@code stillUnreachable}.
   */
  int handleResurrectedObjects(GcList unreachable, GcList stillUnreachable, GcList old) {
    for (Node n = unreachable.first(); n != unreachable.head; n = unreachable.next(n)) {
      n.flags &= ~Node.COLLECTING; // gc_list_clear_collecting
    }
    int examined = deduceUnreachable(unreachable, stillUnreachable);
    for (Node n = stillUnreachable.first();
        n != stillUnreachable.head;
        n = stillUnreachable.next(n)) {
      n.flags &= ~Node.UNREACHABLE; // clear_unreachable_mask
    }
    int resurrected = reachable;
    if (resurrected > 0) {
      heap.stats.resurrected += resurrected;
    }
    old.mergeFrom(unreachable);
    return examined - resurrected;
  }

  /**
   * delete_garbage: breaks the cycles by clearing each object's references (tp_clear), first to
   * last, which frees them by refcount. Under DEBUG_SAVEALL they are appended to gc.garbage
   * instead. An object still alive after its clear moves to the old generation.
   */
  void deleteGarbage(GcList collectable, GcList old) {
    HeapListener listener = heap.listener();
    if (listener != HeapListener.NONE && (debug & DEBUG_SAVEALL) == 0 && !collectable.isEmpty()) {
      List<Node> garbage = new ArrayList<>();
      for (Node n = collectable.first(); n != collectable.head; n = collectable.next(n)) {
        garbage.add(n);
      }
      listener.onGarbage(garbage);
    }
    boolean saved = deleting;
    deleting = true;
    try {
      while (!collectable.isEmpty()) {
        Node n = collectable.first();
        n.flags &= ~Node.UNREACHABLE; // move_legacy_finalizers' unmarking, when it was skipped
        if ((debug & DEBUG_SAVEALL) != 0) {
          heap.appendGarbage(n);
          n.flags &= ~Node.COLLECTING;
          old.move(n);
        } else {
          ShadowHeap.incref(n);
          heap.clearEdges(n);
          heap.decref(n);
        }
        if (collectable.first() == n) {
          n.flags &= ~Node.COLLECTING;
          old.move(n); // still alive: it may die later
        }
      }
    } finally {
      deleting = saved;
    }
  }

  /** handle_legacy_finalizers: uncollectable objects go to gc.garbage and the old generation. */
  void handleLegacyFinalizers(GcList finalizers, GcList old) {
    while (!finalizers.isEmpty()) {
      Node n = finalizers.first();
      heap.appendGarbage(n);
      old.move(n);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // gc module functions other than collect.

  /** gc.freeze: moves every tracked object to the permanent generation. */
  public void freeze() {
    for (int i = 0; i < NUM_GENERATIONS; i++) {
      permanent.mergeFrom(generations[i]);
      count[i] = 0;
    }
  }

  /** gc.unfreeze: the permanent generation goes back into the oldest generation. */
  public void unfreeze() {
    generations[NUM_GENERATIONS - 1].mergeFrom(permanent);
  }

  public int freezeCount() {
    return permanent.size();
  }

  public int[] counts() {
    return count.clone();
  }

  public int[] thresholds() {
    return threshold.clone();
  }

  /** gc.set_threshold(threshold0[, threshold1[, threshold2]]). */
  public void setThreshold(int threshold0, int... rest) {
    if (rest.length > 2) {
      throw new IllegalArgumentException(
          "setThreshold takes at most 3 thresholds (threshold0, threshold1, threshold2), got "
              + (rest.length + 1));
    }
    threshold[0] = threshold0;
    for (int i = 0; i < rest.length; i++) {
      threshold[i + 1] = rest[i];
    }
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean on) {
    enabled = on;
  }

  public int debug() {
    return debug;
  }

  public void setDebug(int flags) {
    debug = flags;
  }

  public long[][] statsSnapshot() {
    long[][] s = new long[NUM_GENERATIONS][];
    for (int i = 0; i < NUM_GENERATIONS; i++) {
      s[i] = new long[] {statCollections[i], statCollected[i], statUncollectable[i]};
    }
    return s;
  }

  public List<GcCallback> callbackList() {
    return callbacks;
  }

  /** The nodes of generation {@code g} (0..2), or of all three when g is -1. */
  List<Node> nodesOf(int g) {
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < NUM_GENERATIONS; i++) {
      if (g == -1 || g == i) {
        GcList l = generations[i];
        for (Node n = l.first(); n != l.head; n = l.next(n)) {
          out.add(n);
        }
      }
    }
    return out;
  }
}
