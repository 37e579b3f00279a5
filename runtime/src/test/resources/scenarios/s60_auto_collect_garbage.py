# Rule: automatic collections free garbage cycles: with thresholds (10, 3, 1000) every round allocates 6 unreachable self-cycles then 5 kept nodes; the 11th allocation of a round (a kept node) pushes gen0 over 10, so each automatic collection finds exactly the round's 6 garbage nodes, and after four gen0 collections (gen1 count 4 > 3) the fifth is a gen1 collection (same 6 collected, the kept nodes move to gen2). Java twin: static helper making a self-cycle, Node[] keep allocated before the reset, printing GcCallback.
import gc
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
def cb(phase, info):
    print("cb", phase, "gen", info["generation"], "collected", info["collected"], "round", r)
def garbage():
    x = Node(); x.ref = x
keep = [None] * 50
gc.disable()
gc.set_threshold(10, 3, 1000)       # before the reset collect (CPython allocates an argument tuple)
gc.collect()
gc.callbacks.append(cb)
r = -1
k = 0
gc.enable()
for r in range(8):
    for j in range(6):
        garbage()
    for j in range(5):
        keep[k] = Node()
        k += 1
gc.disable()
gc.callbacks.remove(cb)
c = gc.get_count()
print("count", c[0], c[1], c[2])
print("collect", gc.collect())
