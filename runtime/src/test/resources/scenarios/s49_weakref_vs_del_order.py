# Rule: the order of __del__ and weakref callbacks differs by who frees the object: refcount freeing runs __del__ first, then clears weakrefs and runs their callbacks; the cycle detector first clears all weakrefs to the unreachable set (running callbacks of reachable weakrefs), then runs the finalizers - so inside __del__ a weakref to the dying object already returns None. Java twin: @Del that prints and checks a static Weakref, Weakref.ref(x, cb).
import gc, weakref
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name, "weakref_dead", w() is None)
def cb(r):
    print("weakref_callback")
gc.disable(); gc.collect()
x = Fin(); x.name = "refcounted"
w = weakref.ref(x, cb)
x = None
print("---")
a = Fin(); a.name = "a"; b = Fin(); b.name = "b"; a.ref = b; b.ref = a
w = weakref.ref(a, cb)
a = None; b = None
print("collect", gc.collect())
