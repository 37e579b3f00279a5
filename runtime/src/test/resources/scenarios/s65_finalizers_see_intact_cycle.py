# Rule: the cycle detector runs every finalizer of the unreachable set before it clears anything, so each __del__ still sees its neighbours and their slots intact (b's __del__ can read b.ref.ref.name even though a was finalized first). Java twin: @Del reading fields of neighbours.
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name, "next", self.ref.name, "next_next", self.ref.ref.name)
gc.disable(); gc.collect()
a = Fin(); a.name = "a"; b = Fin(); b.name = "b"; c = Fin(); c.name = "c"
a.ref = b; b.ref = c; c.ref = a
a = None; b = None; c = None
print("collect", gc.collect())
