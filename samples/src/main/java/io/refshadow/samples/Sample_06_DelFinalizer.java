package io.refshadow.samples;

import io.refshadow.Del;
import io.refshadow.Gc;

/**
 * Sample 06: {@code __del__} runs at {@code del obj}, not at some later collection.
 *
 * <p>In CPython an object without cycles is destroyed the moment its last reference goes, so its
 * {@code __del__} method runs right at {@code del obj}, before the next line. Java has no such
 * moment: the JVM reclaims the object whenever it next collects. Mark a method {@code @Del} and
 * refshadow calls it when the shadow heap's refcount reaches zero, so you see exactly where Python
 * would have destroyed it: "Object destroyed" comes before "before gc.collect()".
 *
 * <p>Run: {@code ./samples/run 06}
 */
public class Sample_06_DelFinalizer {
  static final class Resource {
    @Del
    void del() {
      System.out.println("Object destroyed");
    }
  }

  public static void main(String[] args) {
    Resource obj = new Resource();
    System.out.println("created");
    obj = null; // Python: del obj
    System.out.println("before gc.collect()");
    System.out.println("gc.collect() found " + Gc.collect() + " unreachable objects");
  }
}
