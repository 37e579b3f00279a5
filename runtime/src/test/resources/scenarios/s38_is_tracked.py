# Rule: gc.is_tracked: instances of a __slots__ class with reference slots and lists (Java arrays of references) are tracked by the cycle detector; ints and strs (Java String / boxed Integer) are not. Java twin: Gc.isTracked(new Node()), Gc.isTracked(new Object[1]), Gc.isTracked(Integer.valueOf(...)), Gc.isTracked("...").
import gc
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
gc.disable(); gc.collect()
n = Node()
print("node", gc.is_tracked(n))
print("fresh_node", gc.is_tracked(Node()))
print("list", gc.is_tracked([None]))
print("int", gc.is_tracked(42))
print("str", gc.is_tracked("hello"))
n.name = "x" * 3
print("str_in_slot", gc.is_tracked(n.name))
print("node_with_str_slot", gc.is_tracked(n))
