# Rule: gc.freeze() moves every tracked object into the permanent generation: frozen garbage cycles are ignored by collect(); refcounting still frees frozen acyclic objects at once; get_freeze_count() > 0 after freeze and 0 after unfreeze(); unfreeze() moves them into the oldest generation, where the next collect() frees the cycle. Java twin: Gc.freeze()/Gc.unfreeze()/Gc.getFreezeCount(), @Del printing.
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
gc.disable(); gc.collect()
a = Fin(); a.name = "a"; b = Fin(); b.name = "b"; a.ref = b; b.ref = a
c = Fin(); c.name = "c"
gc.freeze()
print("frozen", gc.get_freeze_count() > 0)
a = None; b = None
print("collect_frozen", gc.collect())
print("collect0_frozen", gc.collect(0))
c = None
print("refcount_freed_frozen")
d = Fin(); d.name = "d"; d.ref = d
d = None
print("collect_unfrozen_new", gc.collect())
gc.unfreeze()
print("freeze_count", gc.get_freeze_count())
print("collect0_after_unfreeze", gc.collect(0))
print("collect_after_unfreeze", gc.collect())
