# Rule: a weakref callback runs at the moment refcounting frees the referent (inside the `del`), receives the weakref itself, and the weakref returns None from then on; weakref.ref(x) without a callback returns the same (cached) object each time, a weakref with a callback is always a new object. Java twin: Weakref.ref(x) / Weakref.ref(x, cb), get(), == for `is`.
import gc, weakref
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
w = None
def cb(r):
    print("callback", r is w, r() is None)
gc.disable(); gc.collect()
x = Node(); x.name = "x"
plain1 = weakref.ref(x)
plain2 = weakref.ref(x)
print("plain_same", plain1 is plain2)
w = weakref.ref(x, cb)
w2 = weakref.ref(x, cb)
print("callback_ref_new", w is plain1, w is w2)
print("alive", w() is x, plain1().name)
w2 = None
print("before_del")
x = None
print("after_del", w() is None, plain1() is None)
y = Node(); y.name = "y"
holder = Node(); holder.ref = y
wy = weakref.ref(y, cb)
y = None
print("still_held", wy().name)
holder = None
print("after_holder", wy() is None)
print("collect", gc.collect())
