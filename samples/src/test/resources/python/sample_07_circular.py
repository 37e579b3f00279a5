# Python twin of Sample_07_CircularReferences (CPython 3.12).
import gc
class A:
    __slots__ = ('ref', '__weakref__')
gc.disable(); gc.collect()
a1 = A(); a2 = A(); a1.ref = a2; a2.ref = a1
del a1, a2
print("two objects referring to each other: gc.collect() =", gc.collect())
x = A(); x.ref = x
del x
print("one object referring to itself:     gc.collect() =", gc.collect())
print("nothing left:                        gc.collect() =", gc.collect())
