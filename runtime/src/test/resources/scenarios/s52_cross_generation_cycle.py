# Rule: a garbage cycle whose members sit in different generations (a in gen1, b in gen0) is invisible to collect(0): the reference from a (outside the collected generation) counts as external, so b survives and is promoted; collect(1) then frees both. Java twin: Gc.collect(0) to promote a, then link a new b.
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
def gen_of(name):
    for g in range(3):
        for o in gc.get_objects(g):
            if isinstance(o, Fin) and o.name == name:
                return g
    return -1
gc.disable(); gc.collect()
a = Fin(); a.name = "a"
gc.collect(0)                         # a -> gen1
b = Fin(); b.name = "b"
a.ref = b; b.ref = a
print("gens", gen_of("a"), gen_of("b"))
a = None; b = None
print("collect0", gc.collect(0))      # b survives, promoted to gen1
c = Fin(); c.name = "c"
print("collect1", gc.collect(1))
c.ref = c
gc.collect(1)                         # c -> gen2
d = Fin(); d.name = "d"; d.ref = c; c.ref2 = d
gc.collect(0)                         # d -> gen1
print("gens", gen_of("c"), gen_of("d"))
c = None; d = None
print("collect1", gc.collect(1))
print("collect2", gc.collect(2))
