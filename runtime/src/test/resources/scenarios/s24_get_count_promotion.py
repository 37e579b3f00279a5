# Rule: get_count(): gen0 counts tracked allocations; collect(n) zeroes the counts of generations 0..n and adds 1 to generation n+1 (collect(0) -> (0, 1, 0), collect(1) -> (0, 0, 1), collect(2) -> (0, 0, 0)). Java twin: Gc.getCount() printed as three ints, plain System.out.println.
# CPython-only plumbing: output goes through os.write (print's buffered stdout would allocate a tracked list); the first get_count() after a full collection allocates its result tuple (free lists are empty), so a spare Node is freed right after it to bring gen0 back to 0 (in Java the floor at 0 gives the same).
import gc, os
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
def out(s):
    os.write(1, (s + "\n").encode())
def show(label):
    c = gc.get_count()
    out(f"{label} {c[0]} {c[1]} {c[2]}")
spare = Node()
gc.disable(); gc.collect()
gc.get_count()
spare = None
show("after_collect")
a = Node(); b = Node(); c = Node()
show("three_nodes")
gc.collect(0)
show("after_collect0")
d = Node(); e = Node()
show("two_more")
gc.collect(0)
show("after_collect0_again")
gc.collect(1)
show("after_collect1")
f = Node()
show("one_more")
gc.collect(1)
show("after_collect1_again")
gc.collect(0)
show("after_collect0_third")
gc.collect(2)
show("after_collect2")
