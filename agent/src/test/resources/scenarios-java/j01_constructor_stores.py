# Rule: what a constructor (__init__) stores into the new object's fields is mirrored: Fin("outer", Fin("inner")) holds inner through its field, so dropping outer frees outer then inner (the argument temporary moved into the constructor and then into the field); a constructor that stores `self` into a field makes a self-cycle (collect() 1); an object made by another object's method that keeps a reference to its maker (Java: a non-static inner class, whose this$0 field is set before super()) forms a 2-cycle with it. Java twin: constructors Fin(String, Fin), SelfRef() { me = this; }, Outer.new Inner() (this$0), @Del printing.
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __init__(self, name, ref=None):
        self.name = name
        self.ref = ref
    def __del__(self):
        print("del", self.name)
class SelfRef:
    __slots__ = ('name', 'me', '__weakref__')
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print("del", self.name)
class Outer:
    __slots__ = ('name', 'child', '__weakref__')
    def __init__(self, name):
        self.name = name
        self.child = None
    def new_inner(self, name):
        return Inner(self, name)
    def __del__(self):
        print("del", self.name)
class Inner:
    __slots__ = ('outer', 'name', '__weakref__')
    def __init__(self, outer, name):
        self.outer = outer
        self.name = name
    def __del__(self):
        print("del", self.name)
gc.disable(); gc.collect()
x = Fin("outer", Fin("inner"))
print("built", x.ref.name)
x = None
print("dropped")
s = SelfRef("selfref")
s = None
print("collect", gc.collect())
o = Outer("outer_obj")
i = o.new_inner("inner_obj")
print("inner_knows_outer", i.outer is o)
i = None
print("inner_dropped_alone")
o.child = o.new_inner("inner_child")
o = None
print("collect_outer_inner", gc.collect())
