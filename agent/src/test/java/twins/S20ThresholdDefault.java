package twins;

import io.refshadow.Gc;

/** Twin of s20_threshold_default.py: get_threshold / set_threshold with 1, 2, 3 arguments. */
public class S20ThresholdDefault {
  static int[] t;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    t = Gc.getThreshold();
    System.out.println("default " + t[0] + " " + t[1] + " " + t[2]);
    Gc.setThreshold(100);
    t = Gc.getThreshold();
    System.out.println("one_arg " + t[0] + " " + t[1] + " " + t[2]);
    Gc.setThreshold(10, 2, 2);
    t = Gc.getThreshold();
    System.out.println("three_args " + t[0] + " " + t[1] + " " + t[2]);
    Gc.setThreshold(50, 5);
    t = Gc.getThreshold();
    System.out.println("two_args " + t[0] + " " + t[1] + " " + t[2]);
    Gc.setThreshold(700, 10, 10);
    t = Gc.getThreshold();
    System.out.println("restored " + t[0] + " " + t[1] + " " + t[2]);
    System.out.println("enabled " + Py.b(Gc.isEnabled()));
  }
}
