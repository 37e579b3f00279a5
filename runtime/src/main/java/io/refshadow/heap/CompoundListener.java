package io.refshadow.heap;

import java.util.List;

/**
 * Several {@link HeapListener}s heard as one (ByteBuddy's {@code Compound} habit): the agent's own
 * listener and those tools add beside it with {@link ShadowHeap#addListener}. Immutable; {@link
 * ShadowHeap} builds a new one whenever the set changes, so events need no lock of their own.
 *
 * <p>Every method of {@link HeapListener} must be forwarded here: a method added to the interface
 * but not forwarded would reach no listener at all as soon as a tool has added one.
 */
final class CompoundListener implements HeapListener {
  private final HeapListener[] listeners;

  private CompoundListener(HeapListener[] listeners) {
    this.listeners = listeners;
  }

  /** {@code primary} alone when nothing was added, else a compound of all of them, in order. */
  static HeapListener of(HeapListener primary, List<HeapListener> added) {
    if (added.isEmpty()) {
      return primary;
    }
    HeapListener[] all = new HeapListener[added.size() + 1];
    all[0] = primary;
    for (int i = 0; i < added.size(); i++) {
      all[i + 1] = added.get(i);
    }
    return new CompoundListener(all);
  }

  @Override
  public void onAllocation(Node node) {
    for (HeapListener l : listeners) {
      l.onAllocation(node);
    }
  }

  @Override
  public void onFree(Node node, boolean byCycleDetector, Object object) {
    for (HeapListener l : listeners) {
      l.onFree(node, byCycleDetector, object);
    }
  }

  @Override
  public void onFinalizer(Node node) {
    for (HeapListener l : listeners) {
      l.onFinalizer(node);
    }
  }

  @Override
  public void onWeakrefCallback(ShadowWeakref ref) {
    for (HeapListener l : listeners) {
      l.onWeakrefCallback(ref);
    }
  }

  @Override
  public void onCollectionStart(int generation) {
    for (HeapListener l : listeners) {
      l.onCollectionStart(generation);
    }
  }

  @Override
  public void onGarbage(List<Node> garbage) {
    for (HeapListener l : listeners) {
      l.onGarbage(garbage);
    }
  }

  @Override
  public void onCollection(
      int generation, int examined, long collected, long uncollectable, long nanos) {
    for (HeapListener l : listeners) {
      l.onCollection(generation, examined, collected, uncollectable, nanos);
    }
  }
}
