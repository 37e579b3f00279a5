# Rule: gc.collect() called while a collection is running (from a __del__ run by the cycle detector) does nothing and returns 0 (no callbacks, no stats); called from a __del__ run by refcount freeing (no collection in progress) it is a normal full collection. Java twin: @Del calling Gc.collect() and printing the result, a printing GcCallback.
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name, "inner_collect", gc.collect())
def cb(phase, info):
    print("cb", phase, info["generation"], info["collected"])
gc.disable(); gc.collect()
gc.callbacks.append(cb)
a = Fin(); a.name = "a"; b = Fin(); b.name = "b"; a.ref = b; b.ref = a
a = None; b = None
s0 = gc.get_stats()[2]["collections"]
print("collect", gc.collect())
print("gen2_collections_delta", gc.get_stats()[2]["collections"] - s0)
print("---")
p = Fin(); p.name = "p"; p.ref = p      # garbage cycle waiting for a collection
p = None
x = Fin(); x.name = "refcounted"
x = None                                # __del__ runs outside any collection: its collect() frees p
print("end")
gc.callbacks.remove(cb)
