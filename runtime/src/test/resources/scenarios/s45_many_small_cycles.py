# Rule: 100 independent two-node cycles dropped: collect() returns 200 (each cycle counted per object); half of them kept alive by a pre-allocated list: 100 collected, then 100 after the list slots are cleared. Java twin: loop creating pairs, Object[] keep = new Object[50] allocated before the reset.
import gc
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
keep = [None] * 50
gc.disable(); gc.collect()
for i in range(100):
    a = Node(); b = Node(); a.ref = b; b.ref = a
a = None; b = None
print("collect", gc.collect())
for i in range(100):
    a = Node(); b = Node(); a.ref = b; b.ref = a
    if i % 2 == 0:
        keep[i // 2] = a
a = None; b = None
print("collect_half_kept", gc.collect())
for i in range(50):
    keep[i] = None
print("collect_rest", gc.collect())
