# Rule: gc.freeze() appends gen0, gen1, gen2 (in that order) to the permanent generation and zeroes all three counts; frozen objects are in no generation, so gc.get_objects(g) and gc.get_referrers() do not see them, while a young referrer is still found; after unfreeze() the permanent list is appended to gen2 (so the former gen0 object c now comes before a and b) and they are visible again. Java twin: Gc.freeze/unfreeze, Gc.getCount(), Gc.getObjects(int) and Gc.getReferrers filtered to Node.
# CPython-only plumbing: output through os.write (print's buffered stdout allocates a tracked list); the first get_count() after a full collection allocates its result tuple, so a spare Node is freed right after it to bring gen0 back to 0 (in Java the floor at 0 gives the same).
import gc, os
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
def out(s):
    os.write(1, (s + "\n").encode())
def show(label):
    c = gc.get_count()
    out(f"{label} {c[0]} {c[1]} {c[2]}")
def names(objs):
    s = ""
    for o in objs:
        if isinstance(o, Node):
            s = s + " " + o.name
    return s
spare = Node()
gc.disable(); gc.collect()
gc.get_count()
spare = None
a = Node(); a.name = "a"
b = Node(); b.name = "b"; b.ref = a
gc.collect(1)
gc.collect(0)
c = Node(); c.name = "c"
show("before_freeze")
gc.freeze()
show("after_freeze")
d = Node(); d.name = "d"; d.ref = a
out("referrers_a" + names(gc.get_referrers(a)))
out("gen0" + names(gc.get_objects(0)) + " gen2" + names(gc.get_objects(2)))
gc.unfreeze()
out("referrers_a_unfrozen" + names(gc.get_referrers(a)))
out("gen0" + names(gc.get_objects(0)) + " gen2" + names(gc.get_objects(2)))
