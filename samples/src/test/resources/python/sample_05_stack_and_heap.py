# Python twin of Sample_05_StackAndHeap (CPython 3.12). Run: PYENV_VERSION=3.12.1 python3 sample_05_stack_and_heap.py
import sys
class Bag:
    __slots__ = ('items', '__weakref__')
    def __init__(self):
        self.items = None
    def __del__(self):
        print("  Bag freed: its last reference was f's local b")
def f():
    a = 20
    b = Bag()
    c = ""
    print("  inside f: getRefcount(b) =", sys.getrefcount(b))
    print("  inside f: 20 and \"\" are immortal: getRefcount(a) =", sys.getrefcount(a), "getRefcount(c) =", sys.getrefcount(c))
    print("  f returns")
    return a
print("calling f()")
r = f()
print("back in main, f returned", r)
