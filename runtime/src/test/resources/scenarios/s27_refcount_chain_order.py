# Rule: refcount-only freeing: an acyclic structure is freed the moment its root's last reference goes; __del__ runs for the root first, then its slots are released in slot order (name, ref, ref2), giving a depth-first pre-order: chain a->b->c prints a, b, c; tree r(ref=x(ref=x1, ref2=x2), ref2=y) prints r, x, x1, x2, y. Nothing is left for collect(). Java twin: @Del printing, fields ref/ref2 (declared in that order).
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
def make(name):
    n = Fin(); n.name = name
    return n
gc.disable(); gc.collect()
a = make("a"); a.ref = make("b"); a.ref.ref = make("c")
print("before_del_a")
a = None
print("after_del_a")
r = make("r")
r.ref = make("x"); r.ref.ref = make("x1"); r.ref.ref2 = make("x2")
r.ref2 = make("y")
print("before_del_r")
r = None
print("after_del_r")
p = make("p"); q = make("q"); p.ref = q
q = None
print("drop_p_keeps_nothing")
p = None
print("collect", gc.collect())
