# Rule: rebinding a variable frees the old object immediately, after the new value has been created (x = make("second") prints made second, then del first); storing a new object into a slot or a list element frees the old one at the store. Java twin: static field / local / Node field / Object[] element stores, @Del printing.
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
def make(name):
    n = Fin(); n.name = name
    print("made", name)
    return n
gc.disable(); gc.collect()
x = make("first")
x = make("second")
print("rebound_global")
holder = make("holder")
holder.ref = make("slot1")
holder.ref = make("slot2")
print("rebound_slot")
lst = [None]
lst[0] = make("elem1")
lst[0] = make("elem2")
print("rebound_element")
def local_rebind():
    y = make("local1")
    y = make("local2")
    print("rebound_local")
local_rebind()
print("after_local_rebind")
x = x
print("self_assign_keeps", x.name)
x = None
holder = None
lst = None
print("collect", gc.collect())
