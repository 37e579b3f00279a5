# Rule: collect()'s return value also counts a reachable weakref object that dies because its own callback dropped the last reference to it (handle_weakrefs' num_freed): a<->b with a global weakref whose callback sets the global to None -> collect() returns 3; if the callback keeps the weakref -> 2. Java twin: static Weakref w whose callback sets w = null.
import gc, weakref
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
w = None
def cb_drop(r):
    global w
    print("callback_drops_weakref")
    w = None
def cb_keep(r):
    print("callback_keeps_weakref")
def info(phase, i):
    print("cb", phase, i["collected"])
gc.disable(); gc.collect()
gc.callbacks.append(info)
a = Node(); b = Node(); a.ref = b; b.ref = a
w = weakref.ref(a, cb_drop)
a = None; b = None
print("collect", gc.collect())
a = Node(); b = Node(); a.ref = b; b.ref = a
w = weakref.ref(a, cb_keep)
a = None; b = None
print("collect", gc.collect())
gc.callbacks.remove(info)
