package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/** The fourth example: {@code __del__} runs at {@code del obj}, before any collection. */
public class SeedDelAtDel {
  static class MyObject {
    @Del
    void del() {
      System.out.println("Object destroyed");
    }
  }

  public static void main(String[] args) {
    MyObject obj = new MyObject();
    System.out.println("created");
    obj = null;
    System.out.println("deleted");
    System.out.println("collect " + Gc.collect());
  }
}
