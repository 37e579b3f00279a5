package io.refshadow.bench;

import io.refshadow.Hooks;
import io.refshadow.heap.Frame;

/**
 * An object with one reference field: a Python instance with one slot ({@code __slots__ =
 * ('next',)}), the unit of every benchmark graph. Its constructor makes the hook calls the agent
 * inserts into an instrumented constructor (enterConstructor, superCall, arg for {@code this} after
 * {@code super()}, exit), so that a {@code new Link()} followed by {@link Hooks#allocated} is
 * exactly what the shadow heap sees from instrumented code.
 */
public final class Link {
  /** The field id instrumented code passes to {@link Hooks#putField} for {@link #next}. */
  public static final int NEXT = Hooks.fieldId(Link.class.getName(), "next");

  public Object next;

  public Link() {
    // Object's constructor does nothing the shadow can see, so reporting the super call after it
    // gives the hooks the same sequence as the instrumented constructor.
    Frame f = Hooks.enterConstructor(1);
    Hooks.superCall(f);
    Hooks.arg(this, f, 0);
    Hooks.exit(f);
  }
}
