package io.refshadow.heap;

/**
 * The locked bodies of {@code io.refshadow.Hooks}: each takes the heap's lock, skips events that
 * come from the heap's own work, and checks that a frame is still active.
 */
public final class HookSupport {
  private HookSupport() {}

  public static Frame enter(ShadowHeap h, int maxLocals) {
    if (!h.enterMirror()) {
      return null;
    }
    try {
      return h.enter(maxLocals);
    } finally {
      h.exitMirror();
    }
  }

  private static ShadowHeap heapFor(Frame f) {
    ShadowHeap h = ShadowHeap.active;
    if (h == null || !f.active) {
      return null;
    }
    return h;
  }

  public static void storeLocal(Frame f, Object value, int slot) {
    ShadowHeap h = heapFor(f);
    if (h == null || !h.enterMirror()) {
      return;
    }
    try {
      if (f.active) {
        h.storeLocal(f, slot, value);
      }
    } finally {
      h.exitMirror();
    }
  }

  public static void arg(Frame f, Object value, int slot) {
    ShadowHeap h = heapFor(f);
    if (h == null || !h.enterMirror()) {
      return;
    }
    try {
      if (f.active) {
        h.arg(f, slot, value);
      }
    } finally {
      h.exitMirror();
    }
  }

  public static void line(Frame f) {
    ShadowHeap h = heapFor(f);
    if (h == null || !h.enterMirror()) {
      return;
    }
    try {
      if (f.active) {
        h.line(f);
      }
    } finally {
      h.exitMirror();
    }
  }

  public static void allocated(Frame f, Object obj, int position) {
    ShadowHeap h = ShadowHeap.active;
    if (h == null || !h.enterMirror()) {
      return;
    }
    try {
      h.allocated(f != null && f.active ? f : null, obj, position);
    } finally {
      h.exitMirror();
    }
  }

  public static void result(Frame f, Object value, int position) {
    ShadowHeap h = heapFor(f);
    if (h == null || !h.enterMirror()) {
      return;
    }
    try {
      if (f.active) {
        h.result(f, value, position);
      }
    } finally {
      h.exitMirror();
    }
  }

  public static void called(Frame f, int position) {
    ShadowHeap h = heapFor(f);
    if (h == null || !h.enterMirror()) {
      return;
    }
    try {
      if (f.active) {
        h.called(f, position);
      }
    } finally {
      h.exitMirror();
    }
  }

  public static void returnValue(Frame f, Object value) {
    ShadowHeap h = heapFor(f);
    if (h == null || !h.enterMirror()) {
      return;
    }
    try {
      if (f.active) {
        h.returnValue(f, value);
      }
    } finally {
      h.exitMirror();
    }
  }

  public static void exit(Frame f) {
    ShadowHeap h = heapFor(f);
    if (h == null || !h.enterMirror()) {
      return;
    }
    try {
      h.exit(f);
    } finally {
      h.exitMirror();
    }
  }

  private static Frame live(Frame f) {
    return f != null && f.active ? f : null;
  }

  public static void putField(Frame f, Object owner, Object value, int fieldId) {
    ShadowHeap h = ShadowHeap.active;
    if (h == null || !h.enterMirror()) {
      return;
    }
    try {
      h.putField(live(f), owner, value, fieldId);
    } finally {
      h.exitMirror();
    }
  }

  public static void putStatic(Frame f, Object value, int fieldId) {
    ShadowHeap h = ShadowHeap.active;
    if (h == null || !h.enterMirror()) {
      return;
    }
    try {
      h.putStatic(live(f), value, fieldId);
    } finally {
      h.exitMirror();
    }
  }

  public static void arrayStore(Frame f, Object[] array, int index, Object value) {
    ShadowHeap h = ShadowHeap.active;
    if (h == null || !h.enterMirror()) {
      return;
    }
    try {
      h.arrayStore(live(f), array, index, value);
    } finally {
      h.exitMirror();
    }
  }

  public static void arraycopy(Object src, int srcPos, Object dest, int destPos, int length) {
    ShadowHeap h = ShadowHeap.active;
    if (h == null || !h.enterMirror()) {
      return;
    }
    try {
      h.arraycopy(src, srcPos, dest, destPos, length);
    } finally {
      h.exitMirror();
    }
  }

  public static void copied(Object original, Object copy) {
    ShadowHeap h = ShadowHeap.active;
    if (h == null || !h.enterMirror()) {
      return;
    }
    try {
      h.copied(original, copy);
    } finally {
      h.exitMirror();
    }
  }

  public static void escape(Object value) {
    ShadowHeap h = ShadowHeap.active;
    if (h == null || !h.enterMirror()) {
      return;
    }
    try {
      h.escape(value);
    } finally {
      h.exitMirror();
    }
  }

  public static void lambda(Frame f, Object fn, int position) {
    ShadowHeap h = heapFor(f);
    if (h == null || !h.enterMirror()) {
      return;
    }
    try {
      if (f.active) {
        h.lambda(f, fn, position);
      }
    } finally {
      h.exitMirror();
    }
  }

  public static void newCopy(Object original, int from, Object copy) {
    ShadowHeap h = ShadowHeap.active;
    if (h == null || !h.enterMirror()) {
      return;
    }
    try {
      h.newCopy(original, from, copy);
    } finally {
      h.exitMirror();
    }
  }

  public static void clonedObject(Object original, Object copy) {
    ShadowHeap h = ShadowHeap.active;
    if (h == null || !h.enterMirror()) {
      return;
    }
    try {
      h.clonedObject(original, copy);
    } finally {
      h.exitMirror();
    }
  }
}
