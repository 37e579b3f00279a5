package twins;

import io.refshadow.Gc;
import io.refshadow.GcCallback;
import io.refshadow.GcInfo;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Twin of j09_atomic_values.py: strings, big integers and decimals made by the program are atoms,
 * neither tracked nor counted toward generation 0; reference arrays are both.
 */
public class J09AtomicValues {
  static int collections;
  static final GcCallback cb = J09AtomicValues::cb;
  static byte[] raw = "abc".getBytes(StandardCharsets.US_ASCII);
  static String[] names = new String[300];
  static Object[][] boxes = new Object[150][];
  static String digits = "3" + "0".repeat(40);

  static void cb(String phase, GcInfo info) {
    if (phase.equals("start")) {
      collections++;
    }
  }

  public static void main(String[] args) {
    Gc.disable();
    Gc.setThreshold(100, 10, 10);
    Gc.collect();
    Gc.callbacks().add(cb);
    Gc.enable();
    for (int i = 0; i < 300; i++) {
      names[i] = new String(raw, StandardCharsets.US_ASCII);
    }
    Gc.disable();
    System.out.println("collections_during_strings " + collections);
    System.out.println("str_tracked " + Py.b(Gc.isTracked(names[0])));
    System.out.println("names_tracked " + Py.b(Gc.isTracked(names)));
    BigInteger big = new BigInteger(digits);
    BigDecimal price = new BigDecimal(digits);
    System.out.println("int_tracked " + Py.b(Gc.isTracked(big)));
    System.out.println("decimal_tracked " + Py.b(Gc.isTracked(price)));
    collections = 0;
    Gc.enable();
    for (int i = 0; i < 150; i++) {
      boxes[i] = new Object[1];
    }
    Gc.disable();
    System.out.println("collections_during_lists " + collections);
    System.out.println("list_tracked " + Py.b(Gc.isTracked(boxes[0])));
    Gc.callbacks().remove(cb);
  }
}
