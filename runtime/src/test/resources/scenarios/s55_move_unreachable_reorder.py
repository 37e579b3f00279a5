# Rule: move_unreachable changes list order: an object first judged tentatively unreachable and later found reachable (through an object scanned after it) is moved back to the END of the young list, so survivors are promoted in a new order. Allocated a, b, c with global -> b -> c -> a -> b: a (no external ref, scanned first) goes to the tentative list, is rescued via c, and the promoted gen1 order is b, c, a; when the cycle later dies its finalizers run b, c, a. Java twin: Gc.getObjects(1) filtered to Fin, @Del printing.
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
def names(gen):
    s = ""
    for o in gc.get_objects(gen):
        if isinstance(o, Fin):
            s = s + " " + o.name
    return s
gc.disable(); gc.collect()
a = Fin(); a.name = "a"
b = Fin(); b.name = "b"
c = Fin(); c.name = "c"
b.ref = c; c.ref = a; a.ref = b
a = None; c = None                   # only the global b is an external reference
print("gen0" + names(0))
print("collect0", gc.collect(0))
print("gen1" + names(1))
b = None
print("collect1", gc.collect(1))
print("---")
x = Fin(); x.name = "x"
y = Fin(); y.name = "y"
x.ref = y; y.ref = x                 # external reference on x (scanned first): no reordering
y = None
print("collect0", gc.collect(0))
print("gen1" + names(1))
x = None
print("collect1", gc.collect(1))
