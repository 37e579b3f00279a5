# Rule: collect(n) examines generations 0..n only. An unreachable cycle still in gen0 is collected by collect(0); a cycle that was promoted (survived collect(0)) and then became garbage is NOT collected by collect(0) but by collect(1); one promoted to gen2 needs collect(2) (the default). Java twin: Gc.collect(int) / Gc.collect(), fields set to null for del.
import gc
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
gc.disable(); gc.collect()
a = Node(); b = Node(); a.ref = b; b.ref = a
a = None; b = None
print("young_garbage collect0", gc.collect(0))
c = Node(); d = Node(); c.ref = d; d.ref = c
print("live collect0", gc.collect(0))        # c, d survive -> gen1
c = None; d = None
print("gen1_garbage collect0", gc.collect(0))
print("gen1_garbage collect1", gc.collect(1))
e = Node(); f = Node(); e.ref = f; f.ref = e
print("live collect1", gc.collect(1))        # e, f survive -> gen2
e = None; f = None
print("gen2_garbage collect0", gc.collect(0))
print("gen2_garbage collect1", gc.collect(1))
print("gen2_garbage collect2", gc.collect(2))
g = Node(); h = Node(); g.ref = h; h.ref = g
print("live collect", gc.collect())
g = None; h = None
print("gen2_garbage collect", gc.collect())
i = Node(); i.ref = i
print("live kw_collect1", gc.collect(generation=1))   # i survives -> gen2
i = None
print("gen2_garbage kw_collect1", gc.collect(generation=1))
print("nothing_left", gc.collect())
