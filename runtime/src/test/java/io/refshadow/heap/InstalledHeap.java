package io.refshadow.heap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the tests that call the hooks directly: a fresh shadow heap is installed per test. */
abstract class InstalledHeap {
  ShadowHeap heap;

  @BeforeEach
  void installHeap() {
    heap = new ShadowHeap(Profile.DEFAULT, null);
    ShadowHeap.install(heap);
  }

  @AfterEach
  void uninstallHeap() {
    ShadowHeap.install(null);
  }
}
