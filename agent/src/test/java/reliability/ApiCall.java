package reliability;

import io.refshadow.Gc;

/** Calls refshadow's API once and prints what it answered, or the message it refused with. */
public class ApiCall {
  public static void main(String[] args) {
    try {
      System.out.println("collected " + Gc.collect());
    } catch (IllegalStateException e) {
      System.out.println(e.getMessage());
    }
  }
}
