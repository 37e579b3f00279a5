package io.refshadow.samples;

import io.refshadow.Del;
import io.refshadow.Sys;

/**
 * Sample 05: a function's locals live on its frame; what they name lives on the heap.
 *
 * <p>In {@code def f(): a = 20; b = Bag(); c = ""}, the names {@code a}, {@code b} and {@code c}
 * belong to f's frame, and the objects they name live on the heap. While f runs, the bag has one
 * reference, {@code b} ({@code sys.getrefcount(b)} is 2 with the argument). When f returns, its
 * frame goes away with its locals, the bag's count reaches 0 and CPython frees it right there,
 * before the caller's next statement. {@code 20} and {@code ""} are immortal (PEP 683): no frame
 * owns them, and their count is the constant 4294967295. Java's frames hold their locals the same
 * way; refshadow releases them at the method's exit, so the {@code @Del} message comes between "f
 * returns" and "back in main", where CPython prints it.
 *
 * <p>Run: {@code ./samples/run 05}
 */
public class Sample_05_StackAndHeap {
  static final class Bag {
    Object items;

    @Del
    void del() {
      System.out.println("  Bag freed: its last reference was f's local b");
    }
  }

  static int f() {
    Integer a = 20;
    Bag b = new Bag();
    String c = "";
    System.out.println("  inside f: getRefcount(b) = " + Sys.getRefcount(b));
    System.out.println(
        "  inside f: 20 and \"\" are immortal: getRefcount(a) = "
            + Sys.getRefcount(a)
            + " getRefcount(c) = "
            + Sys.getRefcount(c));
    System.out.println("  f returns");
    return a;
  }

  public static void main(String[] args) {
    System.out.println("calling f()");
    int r = f();
    System.out.println("back in main, f returned " + r);
  }
}
