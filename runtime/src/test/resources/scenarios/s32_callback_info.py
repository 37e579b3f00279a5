# Rule: gc.callbacks are called in list order with ("start", info) before and ("stop", info) after each collection; info has generation, collected, uncollectable (0 at start); a manual collect() of a 2-cycle reports generation 2, collected 2. Java twin: Gc.callbacks().add(GcCallback) printing phase and info fields.
import gc
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
def cb(phase, info):
    print("cb", phase, info["generation"], info["collected"], info["uncollectable"])
def cb2(phase, info):
    print("cb2", phase, info["generation"])
gc.disable(); gc.collect()
gc.callbacks.append(cb)
a = Node(); b = Node(); a.ref = b; b.ref = a
a = None; b = None
print("collect", gc.collect())
c = Node(); c.ref = c
c = None
print("collect0", gc.collect(0))
gc.callbacks.append(cb2)
print("collect1", gc.collect(1))
gc.callbacks.remove(cb)
d = Node(); e = Node(); f = Node(); d.ref = e; e.ref = f; f.ref = d
d = None; e = None; f = None
print("collect2", gc.collect(2))
gc.callbacks.remove(cb2)
print("no_callbacks", gc.collect())
