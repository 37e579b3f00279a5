# Rule: finalizers of an unreachable cycle run in the order the objects sit in the collected generation's list, which for objects created since the last collection is allocation order - not name order and not link order. Objects allocated as n2, n0, n1 linked n0->n1->n2->n0 (and a second ring linked the other way) finalize n2, n0, n1. Java twin: @Del printing, allocation in the same order.
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
gc.disable(); gc.collect()
n2 = Fin(); n2.name = "n2"
n0 = Fin(); n0.name = "n0"
n1 = Fin(); n1.name = "n1"
n0.ref = n1; n1.ref = n2; n2.ref = n0
n0 = None; n1 = None; n2 = None
print("collect", gc.collect())
m2 = Fin(); m2.name = "m2"
m0 = Fin(); m0.name = "m0"
m1 = Fin(); m1.name = "m1"
m0.ref = m2; m2.ref = m1; m1.ref = m0
m1 = None; m0 = None; m2 = None
print("collect", gc.collect())
