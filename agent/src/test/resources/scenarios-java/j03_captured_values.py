# Rule: a function object keeps what it captured alive: capture(make("captured")) returns a closure holding the object, which dies when the closure is dropped (f = None), not before; a weakref callback that appends to a local list of the enclosing function works through that captured list. Java twin: a method returning a capturing lambda (Supplier<String>), a static field holding it, a weakref callback lambda capturing a local ArrayList<String>.
import gc, weakref
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
def make(name):
    n = Fin(); n.name = name
    return n
def capture(x):
    return lambda: x.name
f = None
def main():
    events = []
    a = make("watched")
    w = weakref.ref(a, lambda r: events.append("callback"))
    a = None
    print("events", events)
main()
gc.disable(); gc.collect()
f = capture(make("captured"))
print("call", f())
print("still_captured")
f = None
print("closure_dropped")
main()
print("collect", gc.collect())
