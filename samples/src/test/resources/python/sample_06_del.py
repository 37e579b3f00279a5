# Python twin of Sample_06_DelFinalizer (CPython 3.12).
import gc
class Resource:
    __slots__ = ('__weakref__',)
    def __del__(self):
        print("Object destroyed")
obj = Resource()
print("created")
del obj
print("before gc.collect()")
print("gc.collect() found", gc.collect(), "unreachable objects")
