# Rule: get_stats() keeps per-generation totals: every collect(n) adds 1 to generation n's "collections" and its collected/uncollectable counts to generation n only (younger generations merged into it get nothing). Printed as differences between two snapshots. Java twin: Gc.getStats() records (collections, collected, uncollectable).
import gc
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
gc.disable(); gc.collect()
s0 = gc.get_stats()
a = Node(); b = Node(); a.ref = b; b.ref = a
a = None; b = None
print("collect0", gc.collect(0))
c = Node(); c.ref = c
print("collect0_live", gc.collect(0))
c = None
print("collect1", gc.collect(1))
d = Node(); e = Node(); f = Node(); d.ref = e; e.ref = f; f.ref = d
d = None; e = None; f = None
print("collect2", gc.collect(2))
print("collect0_empty", gc.collect(0))
g = Node(); g.ref = g
g = None
print("collect1_young", gc.collect(1))
s1 = gc.get_stats()
for gen in range(3):
    print("gen", gen,
          "collections", s1[gen]["collections"] - s0[gen]["collections"],
          "collected", s1[gen]["collected"] - s0[gen]["collected"],
          "uncollectable", s1[gen]["uncollectable"] - s0[gen]["uncollectable"])
