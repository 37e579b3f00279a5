# Rule: objects allocated by a finalizer while a collection runs go into gen0 after the counts were reset: they are not part of that collection (even if already garbage), and the next collect() frees them. The gen0 count afterwards is 1: +3 for the finalizer's allocations (finalizers run before the garbage is cleared), then -2 when a and b are deallocated. Java twin: @Del that builds a new unreachable Node cycle; Gc.getCount() printed as three ints.
# CPython-only plumbing: output through os.write (print's buffered stdout allocates a tracked list).
import gc, os
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        out(f"del {self.name}")
        if self.name == "a":
            n1 = Node(); n2 = Node(); n3 = Node()
            n1.ref = n2; n2.ref = n3; n3.ref = n1
def out(s):
    os.write(1, (s + "\n").encode())
def show(label):
    c = gc.get_count()
    out(f"{label} {c[0]} {c[1]} {c[2]}")
gc.disable(); gc.collect()
a = Fin(); a.name = "a"; b = Fin(); b.name = "b"; a.ref = b; b.ref = a
a = None; b = None
out(f"collect {gc.collect()}")
show("count_after_collect")
out(f"collect_again {gc.collect()}")
a = Fin(); a.name = "a"; b = Fin(); b.name = "b"; a.ref = b; b.ref = a
gc.collect(0)                        # a, b -> gen1
a = None; b = None
out(f"collect1 {gc.collect(1)}")
show("count_after_collect1")
out(f"collect0 {gc.collect(0)}")
