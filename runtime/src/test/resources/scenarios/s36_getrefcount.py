# Rule: sys.getrefcount(x) counts every reference to x - locals, globals, list elements, slots, parameters - plus 1 for its own argument; a fresh temporary gives 1. Java twin: Sys.getRefcount(x) with locals in a method, statics, an Object[] element, a Node field; `del` = null store. Note temporary_as_parameter: CPython 3.12 moves call arguments into the callee frame, so a temporary passed to a Python function is referenced only by the parameter (2, not 3).
import sys
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
def local_only():
    x = Node()
    print("local", sys.getrefcount(x))
    y = x
    print("two_locals", sys.getrefcount(x))
    y = None
    print("after_del_alias", sys.getrefcount(x))
def param(p):
    return sys.getrefcount(p)
local_only()
print("temporary", sys.getrefcount(Node()))
print("temporary_as_parameter", param(Node()))
g = Node()
print("global", sys.getrefcount(g))
lst = [None, None]
lst[0] = g
print("plus_list_element", sys.getrefcount(g))
lst[1] = g
print("plus_second_element", sys.getrefcount(g))
h = Node()
h.ref = g
print("plus_slot", sys.getrefcount(g))
h.ref2 = g
print("plus_second_slot", sys.getrefcount(g))
print("as_parameter", param(g))
h = None
print("after_del_holder", sys.getrefcount(g))
lst = None
print("after_del_list", sys.getrefcount(g))
a = g
print("alias", sys.getrefcount(g))
del a
print("after_del", sys.getrefcount(g))
