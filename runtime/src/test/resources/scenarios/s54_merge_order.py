# Rule: collect(n) appends the younger generations to generation n's list in the order gen0, then gen1 (gc_list_merge loop i = 0..n-1), so a cycle spread over all three generations is finalized old2, young0, mid1 by collect(2); collect(1) gives gen1 objects then gen0 objects. Java twin: Gc.collect(1)/Gc.collect(0) to place objects, @Del printing.
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
gc.disable(); gc.collect()
x = Fin(); x.name = "old2"
gc.collect(1)                        # x -> gen2
y = Fin(); y.name = "mid1"
gc.collect(0)                        # y -> gen1
z = Fin(); z.name = "young0"         # z stays in gen0
x.ref = y; y.ref = z; z.ref = x
x = None; y = None; z = None
print("collect2", gc.collect(2))
p = Fin(); p.name = "p_gen1"
gc.collect(0)                        # p -> gen1
q = Fin(); q.name = "q_gen0"
q.ref = p; p.ref = q
p = None; q = None
print("collect1", gc.collect(1))
