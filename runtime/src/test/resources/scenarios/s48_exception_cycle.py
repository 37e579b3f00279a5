# Rule (CPython frame lifetime under exceptions): saving a caught exception in a local (err = e) creates a reference cycle exception -> traceback -> catching frame -> err; after the function returns, the raising function's locals stay alive until gc.collect() runs (with gc disabled). Only the __del__ timing is printed (the cycle's object count is interpreter-internal). Java twin: catch (RuntimeException e) { err = e; }, @Del printing. CAVEAT: Java exceptions hold no frames - refshadow documents a difference; this file records CPython's real output.
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
def raiser():
    x = Fin(); x.name = "raiser_local"
    raise ValueError("boom")
def keeps_exception():
    err = None
    try:
        raiser()
    except ValueError as e:
        err = e
    print("in_function_after_except", str(err))
def drops_exception():
    err = None
    try:
        raiser()
    except ValueError as e:
        err = e
    err = None
    print("in_function_after_err_cleared")
gc.disable(); gc.collect()
keeps_exception()
print("after_return")
r = gc.collect()
print("collected_something", r > 0)
print("---")
drops_exception()
print("after_return")
print("collect", gc.collect())
