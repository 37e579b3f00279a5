# Rule: collect() counts only the objects it frees itself after the finalizers ran. When a's __del__ breaks the cycle (self.ref = None), b is freed by refcount inside that finalizer (b's own __del__ runs then, from its deallocation) and a is freed by refcount right after its finalizer returns, so collect() returns 0 although both objects died. Java twin: @Del that sets this.ref = null.
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
        if self.name == "a":
            self.ref = None
            print("a_broke_cycle")
def cb(phase, info):
    print("cb", phase, info["collected"])
gc.disable(); gc.collect()
gc.callbacks.append(cb)
a = Fin(); a.name = "a"; b = Fin(); b.name = "b"; a.ref = b; b.ref = a
a = None; b = None
print("collect", gc.collect())
c = Fin(); c.name = "c"; d = Fin(); d.name = "d"; c.ref = d; d.ref = c
a = Fin(); a.name = "a"; b = Fin(); b.name = "b"; a.ref = b; b.ref = a
a = None; b = None; c = None; d = None
print("collect_mixed", gc.collect())
gc.callbacks.remove(cb)
