package io.refshadow.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The heap's lock on its own: it keeps the holder's id in its state instead of the holder's {@code
 * Thread} (so that taking it stores no reference), and must still exclude, re-enter, name its
 * holder and refuse a release from a thread that does not hold it.
 */
class GilTest {
  private static final int THREADS = 4;
  private static final int ROUNDS = 200_000;

  private final ShadowHeap.Gil gil = new ShadowHeap.Gil();

  /** A plain counter, incremented only under the lock: a lost update would show as a lower sum. */
  private int counter;

  @Test
  void threadsTakingTheLockInTurnLoseNoUpdate() throws Exception {
    Thread[] threads = new Thread[THREADS];
    CountDownLatch start = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int t = 0; t < THREADS; t++) {
      threads[t] =
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int i = 0; i < ROUNDS; i++) {
                    gil.lock();
                    try {
                      counter++;
                    } finally {
                      gil.unlock();
                    }
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              });
      threads[t].start();
    }
    start.countDown();
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(120));
      assertThat(t.isAlive()).as("a thread still waits for the lock").isFalse();
    }
    assertThat(failure.get()).isNull();
    assertThat(counter).isEqualTo(THREADS * ROUNDS);
    assertThat(gil.holder()).as("free at the end").isNull();
  }

  @Test
  void theHolderReentersAndHoldsUntilItsLastRelease() {
    assertThat(gil.tryLock()).isTrue();
    assertThat(gil.tryLock()).as("reentrant").isTrue();
    assertThat(gil.getHoldCount()).isEqualTo(2);
    gil.unlock();
    assertThat(gil.isHeldByCurrentThread()).as("one hold left").isTrue();
    assertThat(otherThreadCanTake()).as("still held").isFalse();
    gil.unlock();
    assertThat(gil.isHeldByCurrentThread()).isFalse();
    assertThat(gil.getHoldCount()).isZero();
    assertThat(otherThreadCanTake()).as("free after the last release").isTrue();
  }

  @Test
  void anotherThreadSeesTheHolderAndDoesNotHoldIt() throws Exception {
    gil.lock();
    try {
      assertThat(gil.holder()).isSameAs(Thread.currentThread());
      AtomicBoolean heldThere = new AtomicBoolean(true);
      AtomicReference<Thread> holderSeen = new AtomicReference<>();
      Thread other =
          new Thread(
              () -> {
                heldThere.set(gil.isHeldByCurrentThread());
                holderSeen.set(gil.holder());
              });
      other.start();
      other.join();
      assertThat(heldThere.get()).as("held by the other thread").isFalse();
      assertThat(holderSeen.get()).isSameAs(Thread.currentThread());
    } finally {
      gil.unlock();
    }
    assertThat(gil.holder()).isNull();
  }

  @Test
  void aThreadThatDoesNotHoldTheLockCannotReleaseIt() throws Exception {
    gil.lock();
    try {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread other =
          new Thread(
              () -> {
                try {
                  gil.unlock();
                } catch (Throwable e) {
                  thrown.set(e);
                }
              });
      other.start();
      other.join();
      assertThat(thrown.get()).isInstanceOf(IllegalMonitorStateException.class);
      assertThat(gil.isHeldByCurrentThread()).as("still ours").isTrue();
    } finally {
      gil.unlock();
    }
    assertThatThrownBy(gil::unlock).isInstanceOf(IllegalMonitorStateException.class);
  }

  @Test
  void aLockTakenAgainAfterAnotherThreadHeldItNamesTheNewHolder() throws Exception {
    gil.lock();
    gil.unlock();
    Thread other = new Thread(gil::lock, "other holder");
    other.start();
    other.join(); // it ends holding the lock
    assertThat(gil.holder()).isSameAs(other);
    assertThat(gil.isHeldByCurrentThread()).isFalse();
    assertThat(gil.tryLock()).as("held by the dead thread").isFalse();
  }

  @Test
  void aReleaseLeftHalfDoneIsFinishedByItsThreadOnly() throws Exception {
    gil.lock();
    gil.interruptReleaseForTest(); // as a StackOverflowError between the count and the state
    assertThat(gil.isHeldByCurrentThread()).as("no hold left").isFalse();
    assertThat(otherThreadCanTake()).as("the state still says held").isFalse();
    Thread other = new Thread(gil::finishRelease);
    other.start();
    other.join();
    assertThat(otherThreadCanTake()).as("another thread cannot finish it").isFalse();
    gil.finishRelease();
    assertThat(otherThreadCanTake()).as("finished by its own thread").isTrue();
  }

  /**
   * The JDK clears a pool worker's thread-locals between tasks (and the Common-Cleaner's at each
   * pass), so a thread holding the lock may meet a second identity of its own: it must still
   * re-enter and release the lock, after another thread has looked at it.
   */
  @Test
  void aHolderWhoseThreadLocalsAreClearedStillReentersAndReleases() {
    gil.lock();
    gil.forgetOwnerForTest();
    assertThat(otherThreadCanTake()).isFalse(); // another thread looks at the lock meanwhile
    assertThat(gil.isHeldByCurrentThread()).isTrue();
    assertThat(gil.tryLock()).as("re-entered").isTrue();
    gil.unlock();
    gil.unlock();
    assertThat(gil.isHeldByCurrentThread()).isFalse();
    assertThat(otherThreadCanTake()).as("free").isTrue();
    assertThat(gil.tryLock()).as("taken again with the new identity").isTrue();
    assertThat(gil.holder()).isSameAs(Thread.currentThread());
    gil.unlock();
  }

  /** Whether another thread can take the lock now (and then lets it go). */
  private boolean otherThreadCanTake() {
    AtomicBoolean took = new AtomicBoolean();
    Thread other =
        new Thread(
            () -> {
              if (gil.tryLock()) {
                took.set(true);
                gil.unlock();
              }
            });
    other.start();
    try {
      other.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return took.get();
  }
}
