package reliability;

/**
 * A program that fits its heap but whose shadow would not (ReliabilityIT, at {@code -Xmx96m}): it
 * holds a chain of 600,000 small objects, about 15 MB of the JVM's heap and about 70 MB of shadow
 * nodes; with an argument, it then holds that many megabytes more of its own, in 256 KB arrays
 * (which the shadow hardly notices: a node per array). The program's own lines do not depend on the
 * agent.
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
    int extraMb = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    byte[][] held = new byte[extraMb * 4][]; // in quarters: not humongous in a small G1 heap
    for (int i = 0; i < held.length; i++) {
      held[i] = new byte[1 << 18];
      held[i][i] = (byte) i;
    }
    long check = 0;
    for (int i = 0; i < held.length; i++) {
      check += held[i][i];
    }
    System.out.println("held " + extraMb + " MB more, check " + check);
    System.out.println("sum again " + sumOf(head));
  }

  private static long sumOf(Link head) {
    long s = 0;
    for (Link l = head; l != null; l = l.next) {
      s += l.value;
    }
    return s;
  }
}
