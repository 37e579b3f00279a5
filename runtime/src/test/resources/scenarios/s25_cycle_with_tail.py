# Rule: objects only reachable from an unreachable cycle are unreachable too: a<->b cycle with a.ref2 -> t1 -> t2 -> t3 is collected as 5 objects; a tail also referenced from a live global keeps its reachable part alive. Java twin: Node fields ref/ref2, statics for globals. Unset slots are never read (CPython raises AttributeError for them).
import gc
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
gc.disable(); gc.collect()
a = Node(); b = Node(); a.ref = b; b.ref = a
t1 = Node(); t2 = Node(); t3 = Node()
a.ref2 = t1; t1.ref = t2; t2.ref = t3
t1 = None; t2 = None; t3 = None
a = None; b = None
print("collect", gc.collect())
a = Node(); b = Node(); a.ref = b; b.ref = a
t1 = Node(); t2 = Node(); t3 = Node()
a.ref2 = t1; t1.ref = t2; t2.ref = t3
keep = t2                      # t2 and t3 stay reachable through the global
t1 = None; t2 = None; t3 = None
a = None; b = None
print("collect_with_live_t2", gc.collect())
print("kept_t3", keep.ref is not None)
keep = None
print("collect_after", gc.collect())
