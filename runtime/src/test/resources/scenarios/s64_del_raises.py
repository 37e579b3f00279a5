# Rule: an exception raised inside __del__ is reported on stderr ("Exception ignored in ...") and otherwise ignored: during a collection the remaining finalizers still run and the objects are still freed (collect() counts them); under refcount freeing the object is still freed and the program continues. Only stdout is compared. Java twin: @Del that throws a RuntimeException.
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
        if self.name == "a" or self.name == "solo":
            raise RuntimeError("boom in " + self.name)
gc.disable(); gc.collect()
a = Fin(); a.name = "a"; b = Fin(); b.name = "b"; c = Fin(); c.name = "c"
a.ref = b; b.ref = c; c.ref = a
a = None; b = None; c = None
print("collect", gc.collect())
x = Fin(); x.name = "solo"
x = None
print("after_refcount_free")
print("collect", gc.collect())
