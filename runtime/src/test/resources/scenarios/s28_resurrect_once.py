# Rule (PEP 442): __del__ runs at most once per object. A finalizer that stores self in a global resurrects its whole cycle: collect() does not count the resurrected objects (only the other garbage, here the c<->d cycle); is_finalized turns True for every finalized object (never for an object without __del__, even one resurrected with the cycle); when the global is dropped, the next collect() frees the cycle without running __del__ again. Java twin: @Del storing this into a static field.
import gc
saved = None
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        global saved
        print("del", self.name)
        if self.name == "a":
            saved = self
gc.disable(); gc.collect()
a = Fin(); a.name = "a"; b = Fin(); b.name = "b"
a.ref = b; b.ref = a
p = Node(); a.ref2 = p; p = None           # plain object (no __del__) hanging off the cycle
c = Fin(); c.name = "c"; d = Fin(); d.name = "d"
c.ref = d; d.ref = c
print("finalized_before", gc.is_finalized(a), gc.is_finalized(b))
a = None; b = None; c = None; d = None
print("collect_first", gc.collect())
print("saved", saved.name, saved.ref.name)
print("finalized_after", gc.is_finalized(saved), gc.is_finalized(saved.ref))
print("plain_node_finalized", gc.is_finalized(saved.ref2))
print("collect_while_saved", gc.collect())
saved = None
print("collect_second", gc.collect())
print("collect_third", gc.collect())
