# Rule: the gen0 count is +1 per tracked allocation and -1 per tracked deallocation of ANY generation's object (freeing a gen2 object lowers gen0's count), and never goes below 0 (so frees do not "bank" credit for later allocations). Java twin: Gc.getCount() printed as three ints; Node[] old filled before the reset collect.
# CPython-only plumbing: output through os.write (print's buffered stdout allocates a tracked list); the first get_count() after a full collection allocates its result tuple (empty free lists), so a spare Node is freed right after it to bring gen0 back to 0 (in Java the floor at 0 gives the same).
import gc, os
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
def out(s):
    os.write(1, (s + "\n").encode())
def show(label):
    c = gc.get_count()
    out(f"{label} {c[0]} {c[1]} {c[2]}")
old = [None] * 6
for i in range(6):
    old[i] = Node()
spare = Node()
gc.disable(); gc.collect()           # the six old nodes are now in gen2
gc.get_count()
spare = None
show("start")
n1 = Node(); n2 = Node(); n3 = Node()
show("three_new")
old[0] = None
show("freed_one_gen2_object")
old[1] = None; old[2] = None; old[3] = None
show("freed_three_more_floor_at_0")
n4 = Node()
show("one_new")
old[4] = None
n1 = None
show("freed_gen2_and_young")
n5 = Node(); n6 = Node()
show("two_new")
gc.collect(0)                        # n2..n6 -> gen1
show("after_collect0")
n2 = None
show("freed_gen1_object")
n7 = Node()
n3 = None
show("new_then_freed_gen1")
