# Rule: when gc collects a referent, every weakref to it is cleared, but the callback runs only if the weakref object itself is reachable (not part of the garbage): a weakref in a global -> callback; a weakref stored in a slot of the cycle or of other garbage -> no callback, even though it is cleared. Java twin: Weakref.ref(x, cb) stored in a static field vs in a Node field (Node.ref2 holds the weakref object).
import gc, weakref
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
def cb(r):
    print("callback", r is reachable_w)
gc.disable(); gc.collect()
a = Node(); a.name = "a"; b = Node(); b.name = "b"; a.ref = b; b.ref = a
reachable_w = weakref.ref(a, cb)
a.ref2 = weakref.ref(b, cb)          # weakref lives inside the cycle
a = None; b = None
print("before_collect", reachable_w() is not None)
print("collect", gc.collect())        # a, b and the inner weakref object
print("after_collect", reachable_w() is None)
c = Node(); c.name = "c"; c.ref = c
keep = weakref.ref(c)                 # no callback, reachable: just cleared
d = Node(); d.name = "d"; d.ref = d
d.ref2 = weakref.ref(c, cb)           # weakref held by other garbage (d)
c = None; d = None
print("collect", gc.collect())        # c, d and d's weakref object
print("keep_cleared", keep() is None)
