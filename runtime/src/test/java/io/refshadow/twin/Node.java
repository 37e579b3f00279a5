package io.refshadow.twin;

/** {@code class Node: __slots__ = ('name', 'ref', 'ref2', '__weakref__')}. */
public class Node {
  public static final int NAME = Py.fieldId(Node.class, "name");
  public static final int REF = Py.fieldId(Node.class, "ref");
  public static final int REF2 = Py.fieldId(Node.class, "ref2");

  public String name;
  public Object ref;
  public Object ref2;
}
