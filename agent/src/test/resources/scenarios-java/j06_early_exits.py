# Rule: every way out of a function releases its locals at that moment: a return from inside a loop, a return inside try/finally (the finally block runs first, with the locals still alive), and a loop that breaks early; the returned object survives in the caller. Java twin: methods with return inside for / try-finally, break, @Del printing.
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
def make(name):
    n = Fin(); n.name = name
    return n
def find(target):
    for i in range(5):
        x = make("candidate" + str(i))
        if i == target:
            return x
    return None
def with_finally():
    y = make("in_try")
    try:
        z = make("returned_from_try")
        return z
    finally:
        print("finally", y.name)
def breaks():
    for i in range(5):
        w = make("loop" + str(i))
        if i == 1:
            break
    print("after_break")
gc.disable(); gc.collect()
r = find(2)
print("found", r.name)
r = None
print("---")
r = with_finally()
print("got", r.name)
r = None
print("---")
breaks()
print("after_breaks")
print("collect", gc.collect())
