# Rule: collect(0) frees a young cycle a<->b whose a.ref2 holds a tail t1->t2->t3 that was promoted to gen1 earlier: only a and b are counted (2); the tail is freed by refcounting while the cycle is being cleared (its __del__s run after a's and b's), and is not counted. Had the tail been young too, all 5 would be counted and finalized in list order. Java twin: Gc.collect(0) to promote the tail, @Del printing.
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
def make(name):
    n = Fin(); n.name = name
    return n
gc.disable(); gc.collect()
tail = make("t1"); tail.ref = make("t2"); tail.ref.ref = make("t3")
gc.collect(0)                       # t1, t2, t3 -> gen1
a = make("a"); b = make("b"); a.ref = b; b.ref = a
a.ref2 = tail
tail = None
a = None; b = None
print("collect0", gc.collect(0))
print("collect", gc.collect())
print("---")
tail = make("u1"); tail.ref = make("u2"); tail.ref.ref = make("u3")
a = make("a"); b = make("b"); a.ref = b; b.ref = a
a.ref2 = tail
tail = None
a = None; b = None
print("collect0_all_young", gc.collect(0))
