# Rule: automatic collection with thresholds (10, 2, 2): when the gen0 count exceeds 10 a collection runs and takes the oldest generation whose count exceeds its threshold (gen1 every 4th time; gen2 not reached in 60 nodes). Java twin: Node[] a = new Node[60] before the reset, Gc.setThreshold(10, 2, 2), a printing GcCallback, Gc.enable(), loop a[i] = new Node().
# Note: set_threshold is called before the reset collect because in CPython it allocates an argument tuple (a tracked object) that would shift gen0 by one.
import gc
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
i = -1
def cb(phase, info):
    print("cb", phase, "gen", info["generation"], "at_node", i)
a = [None] * 60          # tracked list, created before the reset collect (ends up in gen2)
gc.disable()
gc.set_threshold(10, 2, 2)
gc.collect()             # counts now (0, 0, 0)
gc.callbacks.append(cb)
gc.enable()
for i in range(60):
    a[i] = Node()        # the only tracked allocations: 60 Nodes
gc.disable()
c = gc.get_count()
print("count", c[0], c[1], c[2])
gc.callbacks.remove(cb)
n = 0
for o in gc.get_objects(0):
    if isinstance(o, Node):
        n += 1
print("gen0_nodes", n)
n = 0
for o in gc.get_objects(1):
    if isinstance(o, Node):
        n += 1
print("gen1_nodes", n)
n = 0
for o in gc.get_objects(2):
    if isinstance(o, Node):
        n += 1
print("gen2_nodes", n)
