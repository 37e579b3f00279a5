# Rule: a cycle through a Python list (a Java reference array): node.ref = lst; lst[0] = node - both objects are tracked, so collect() returns 2; a list referencing itself counts 1; a list referencing two nodes that point back counts 3. Java twin: Object[] lst = new Object[1]; node.ref = lst; lst[0] = node.
import gc
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
gc.disable(); gc.collect()
node = Node()
lst = [None]
node.ref = lst
lst[0] = node
node = None; lst = None
print("collect", gc.collect())
lst = [None]
lst[0] = lst
lst = None
print("collect_self_list", gc.collect())
lst = [None, None]
x = Node(); y = Node()
lst[0] = x; lst[1] = y
x.ref = lst; y.ref2 = lst
x = None; y = None; lst = None
print("collect_list_two_nodes", gc.collect())
lst = [None]
z = Node(); lst[0] = z
lst = None
print("acyclic_list_collect", gc.collect())
