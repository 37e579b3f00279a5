# Rule: several weakrefs with callbacks on one object: the callbacks run newest first (CPython inserts each callback weakref at the head of the object's weakref list, after the plain cached ref), both when refcounting frees the object and when gc collects it; in a collected cycle, objects are handled in collection order (a's callbacks, then b's). Java twin: Weakref.ref(x, cb) stored in statics w1..w3, callbacks that print their label.
import gc, weakref
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
def cb1(r):
    print("cb1")
def cb2(r):
    print("cb2")
def cb3(r):
    print("cb3")
def cb4(r):
    print("cb4")
gc.disable(); gc.collect()
x = Node()
w1 = weakref.ref(x, cb1)
plain = weakref.ref(x)
w2 = weakref.ref(x, cb2)
w3 = weakref.ref(x, cb3)
print("refcount_free")
x = None
print("done")
a = Node(); b = Node(); a.ref = b; b.ref = a
w1 = weakref.ref(a, cb1)
w2 = weakref.ref(a, cb2)
w3 = weakref.ref(b, cb3)
w4 = weakref.ref(b, cb4)
a = None; b = None
print("gc_collect")
print("collect", gc.collect())
b = Node(); a = Node(); a.ref = b; b.ref = a     # b allocated first this time
w1 = weakref.ref(a, cb1)
w3 = weakref.ref(b, cb3)
a = None; b = None
print("gc_collect_b_first")
print("collect", gc.collect())
