package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/** Twin of j02_exception_payload.py: an exception keeps its payload alive while in flight. */
public class J02ExceptionPayload {
  static class Fin {
    String name;
    Fin ref;
    Fin ref2;

    @Del
    void del() {
      System.out.println("del " + name);
    }
  }

  static class Payload extends RuntimeException {
    final Fin node;

    Payload(Fin node) {
      this.node = node;
    }
  }

  static Fin kept;

  static Fin make(String name) {
    Fin n = new Fin();
    n.name = name;
    return n;
  }

  static void raiser() {
    throw new Payload(make("payload"));
  }

  static void handle() {
    try {
      raiser();
    } catch (Payload e) {
      System.out.println("caught " + e.node.name);
      kept = e.node;
    }
    System.out.println("after_except");
  }

  static void handleAndDrop() {
    try {
      raiser();
    } catch (Payload e) {
      System.out.println("caught_again " + e.node.name);
    }
  }

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    handle();
    System.out.println("after_handle");
    kept = null;
    System.out.println("kept_cleared");
    handleAndDrop();
    System.out.println("after_handle_and_drop");
  }
}
