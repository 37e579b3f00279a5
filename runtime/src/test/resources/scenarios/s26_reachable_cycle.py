# Rule: a cycle reachable from a live object (a global holder, or a list element = Java array slot) is not collected, however often collect() runs; once the link is broken (holder.ref = None / lst[0] = None) the next collect() frees it. Java twin: static holder Node, Object[] lst, @Del printing.
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
gc.disable(); gc.collect()
holder = Fin(); holder.name = "holder"
a = Fin(); a.name = "a"; b = Fin(); b.name = "b"
a.ref = b; b.ref = a
holder.ref = a
a = None; b = None
print("collect_reachable", gc.collect())
print("collect_again", gc.collect())
holder.ref = None
print("collect_unlinked", gc.collect())
lst = [None]
c = Fin(); c.name = "c"; d = Fin(); d.name = "d"
c.ref = d; d.ref = c
lst[0] = d
c = None; d = None
print("collect_in_list", gc.collect())
lst[0] = None
print("collect_list_cleared", gc.collect())
holder = None
print("end")
