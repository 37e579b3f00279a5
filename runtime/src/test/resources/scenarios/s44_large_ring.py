# Rule: a ring of 1000 nodes (n[i].ref = n[i+1], last -> first) dropped at once is one unreachable cycle: collect() returns 1000, refcounting alone frees nothing; a 1000-node acyclic chain is freed by refcount (collect returns 0). Java twin: loop building the ring through a local `prev`, static `first`.
import gc, weakref
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
gc.disable(); gc.collect()
first = Node()
prev = first
for i in range(999):
    n = Node()
    prev.ref = n
    prev = n
prev.ref = first
w = weakref.ref(first)
n = None; prev = None
first = None
print("alive_after_drop", w() is not None)
print("collect", gc.collect())
print("alive_after_collect", w() is not None)
first = Node()
prev = first
for i in range(999):
    n = Node()
    prev.ref = n
    prev = n
n = None; prev = None
w = weakref.ref(first)
first = None
print("chain_alive_after_drop", w() is not None)
print("collect_chain", gc.collect())
