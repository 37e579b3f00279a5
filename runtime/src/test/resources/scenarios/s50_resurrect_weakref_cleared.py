# Rule: the cycle detector clears weakrefs to the whole unreachable set BEFORE finalizers run, so an object resurrected by its __del__ keeps living while every old weakref to it returns None (and a reachable weakref's callback has already run); a new weakref to the resurrected object works. By contrast a refcount-freed object resurrected by __del__ keeps its weakrefs (they are cleared only after __del__ and only if it really dies). Java twin: @Del storing this into a static, Weakref.ref before and after.
import gc, weakref
saved = None
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        global saved
        print("del", self.name)
        saved = self
def cb(r):
    print("weakref_callback")
gc.disable(); gc.collect()
a = Fin(); a.name = "cyclic"; a.ref = a
w = weakref.ref(a, cb)
a = None
print("collect", gc.collect())
print("saved", saved.name, "old_weakref_dead", w() is None)
w2 = weakref.ref(saved)
print("new_weakref_alive", w2() is saved)
saved = None
print("collect_again", gc.collect())
print("new_weakref_dead", w2() is None)
print("---")
x = Fin(); x.name = "refcounted"
w = weakref.ref(x, cb)
x = None
print("saved", saved.name, "weakref_alive", w() is saved)
saved = None
print("dropped")
print("weakref_dead", w() is None)
