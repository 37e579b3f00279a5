# Rule: copying a list copies its references: b = a.copy() / a[:] (Java: Arrays.copyOf, clone()) makes each element one reference more (getrefcount +1 per copy) and keeps the elements alive after the original list is dropped; slice assignment b[0:2] = a[0:2] (Java: System.arraycopy) replaces b's elements, freeing the old ones at once. Java twin: Object[] arrays, Arrays.copyOf, clone(), System.arraycopy, Sys.getRefcount, @Del printing.
import gc, sys
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
def make(name):
    n = Fin(); n.name = name
    return n
gc.disable(); gc.collect()
a = [None, None]
a[0] = make("e0")
a[1] = make("e1")
x = a[0]
print("refcount_one_list", sys.getrefcount(x))
b = a.copy()
print("refcount_two_lists", sys.getrefcount(x))
c = a[:]
print("refcount_three_lists", sys.getrefcount(x))
a = None
print("original_dropped", sys.getrefcount(x))
c = None
x = None
print("copies_dropped")
d = [None, None]
d[0] = make("old0")
d[1] = make("old1")
d[0:2] = b[0:2]
print("slice_assigned")
b = None
print("b_dropped")
d = None
print("end", gc.collect())
