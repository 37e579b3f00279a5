package classloading.plugin;

/** An object made by plugin code, wherever its class was loaded from. */
public class Part {
  final String name;
  Part next;
  Object[] extra;

  public Part(String name, Part next) {
    this.name = name;
    this.next = next;
  }

  @Override
  public String toString() {
    return name + (next == null ? "" : "->" + next.name);
  }
}
