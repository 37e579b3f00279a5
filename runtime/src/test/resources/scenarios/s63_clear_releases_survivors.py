# Rule: when the cycle detector clears a garbage cycle, the references it held to surviving objects are released: a live global x referenced from a garbage cycle a<->b (a.ref2 = x, b.ref2 = x) loses those 2 references at collect(), so sys.getrefcount(x) drops from 4 to 2. Java twin: Sys.getRefcount(x) on a static field before and after Gc.collect().
import gc, sys
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
gc.disable(); gc.collect()
x = Node(); x.name = "x"
print("refcount_x", sys.getrefcount(x))
a = Node(); b = Node(); a.ref = b; b.ref = a
a.ref2 = x; b.ref2 = x
a = None; b = None
print("refcount_x_held_by_garbage", sys.getrefcount(x))
print("collect", gc.collect())
print("refcount_x_after_collect", sys.getrefcount(x))
