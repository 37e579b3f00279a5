# Rule: an object referenced only by a function's local variable is freed when the function returns (before the caller's next statement); rebinding or deleting the local frees it earlier, inside the function; an object returned from the function survives in the caller. Java twin: static methods with local variables, @Del printing.
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
def make(name):
    n = Fin(); n.name = name
    return n
def f():
    x = make("local")
    print("in_f")
def g():
    x = make("rebound")
    print("in_g_before_rebind")
    x = None
    print("in_g_after_rebind")
def h():
    x = make("returned")
    y = make("dropped")
    y.ref = x
    return x
def k():
    x = make("outer_local")
    f()
    print("in_k_after_f")
gc.disable(); gc.collect()
print("call_f")
f()
print("after_f")
g()
print("after_g")
r = h()
print("after_h", r.name)
r = None
print("after_r_cleared")
k()
print("after_k")
print("collect", gc.collect())
