# Rule: gc.get_referents(x) lists what x's traversal visits (slots in slot order; filtered to Node, so the class object is left out); gc.get_referrers(x) scans the generations youngest first, each in list order, so referrers come out gen0 objects first (allocation order), then gen1, then gen2. Java twin: Gc.getReferents/Gc.getReferrers filtered with instanceof Node, printing names.
import gc
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
def names(objs):
    s = ""
    for o in objs:
        if isinstance(o, Node):
            s = s + " " + o.name
    return s
gc.disable(); gc.collect()
a = Node(); a.name = "a"
b = Node(); b.name = "b"
c = Node(); c.name = "c"
a.ref = c; b.ref2 = c; c.ref = a; c.ref2 = b
print("referrers_c" + names(gc.get_referrers(c)))
print("referents_a" + names(gc.get_referents(a)))
print("referents_c" + names(gc.get_referents(c)))
print("referents_a_b" + names(gc.get_referents(a, b)))
print("referrers_a_b" + names(gc.get_referrers(a, b)))
gc.collect(0)                     # a, b, c -> gen1
d = Node(); d.name = "d"; d.ref = c
print("referrers_c_after_promotion" + names(gc.get_referrers(c)))
gc.collect(1)                     # a, b, c, d -> gen2
e = Node(); e.name = "e"; e.ref2 = c
print("referrers_c_mixed" + names(gc.get_referrers(c)))
a.ref = None
print("referrers_c_unlinked" + names(gc.get_referrers(c)))
