package reliability;

/**
 * A program that fits its heap but whose shadow would not (ReliabilityIT, at {@code -Xmx64m} with
 * {@code maxShadowMemory=none}): it holds a chain of 600,000 small objects, about 15 MB of the
 * JVM's heap and about 70 MB of shadow nodes. The program's own lines do not depend on the agent.
 */
public class HeapPressure {
  static class Link {
    Link next;
    long value;
  }

  public static void main(String[] args) {
    Link head = null;
    long sum = 0;
    for (int i = 0; i < 600_000; i++) {
      Link l = new Link();
      l.value = i;
      l.next = head;
      head = l;
      if (i % 100_000 == 0) {
        System.out.println("linked " + i);
      }
    }
    for (Link l = head; l != null; l = l.next) {
      sum += l.value;
    }
    System.out.println("sum " + sum);
  }
}
