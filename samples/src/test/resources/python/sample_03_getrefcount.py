# Python twin of Sample_03_GetRefcount (CPython 3.12).
import sys
class Node:
    __slots__ = ('ref', '__weakref__')
def main():
    a = Node()
    b = a
    c = a
    print("a, b and c name one object: getRefcount(a) =", sys.getrefcount(a))
    del b
    print("after b = null:              getRefcount(a) =", sys.getrefcount(a))
    holder = Node()
    holder.ref = a
    print("stored in holder.ref too:    getRefcount(a) =", sys.getrefcount(a))
    print("c is still a:", c is a)
main()
