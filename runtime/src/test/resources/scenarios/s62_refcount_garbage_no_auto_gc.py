# Rule: allocations freed by refcounting give their gen0 count back, so a long loop of acyclic temporaries never reaches threshold0 and triggers no automatic collection, while the same loop building cycles triggers one every 11 nodes (threshold 10). Java twin: Gc.setThreshold(10), Gc.enable(), printing GcCallback counting collections.
import gc
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
collections = 0
def cb(phase, info):
    global collections
    if phase == "stop":
        collections += 1
gc.disable()
gc.set_threshold(10)                 # before the reset collect (CPython allocates an argument tuple)
gc.collect()
gc.callbacks.append(cb)
gc.enable()
for i in range(1000):
    n = Node(); n.ref = Node(); n.ref.ref = Node()
n = None
gc.disable()
print("acyclic_loop_collections", collections)
gc.enable()
for i in range(115):
    n = Node(); n.ref = n
n = None
gc.disable()
print("cyclic_loop_collections", collections)
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
