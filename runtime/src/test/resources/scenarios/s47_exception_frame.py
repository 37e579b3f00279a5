# Rule (CPython frame lifetime under exceptions): an object referenced only by a local of a function that raises is NOT freed when the exception leaves that function: the traceback keeps the frame (and its locals) alive until the handling except block ends, with or without `as e`. A local of the function that catches its own exception lives until that function returns. Java twin: methods throwing RuntimeException, try/catch in the caller, @Del printing. CAVEAT: refshadow releases a frame's locals as it unwinds (Java exceptions hold no frames) - a documented difference; this file records CPython's real output.
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
def make(name):
    n = Fin(); n.name = name
    return n
def raiser(name):
    x = make(name)
    print("raising", name)
    raise ValueError(name)
def catch_plain():
    try:
        raiser("plain")
    except ValueError:
        print("in_except_plain")
    print("after_except_plain")
def catch_as():
    try:
        raiser("as_e")
    except ValueError as e:
        print("in_except_as", str(e))
    print("after_except_as")
def catch_own():
    y = make("own_local")
    try:
        raise KeyError("k")
    except KeyError:
        print("in_except_own")
    print("after_except_own")
def catch_deep():
    try:
        middle()
    except ValueError:
        print("in_except_deep")
    print("after_except_deep")
def middle():
    z = make("middle_local")
    raiser("deep")
gc.disable(); gc.collect()
catch_plain()
print("---")
catch_as()
print("---")
catch_own()
print("after_catch_own_returned")
print("---")
catch_deep()
print("---")
print("collect", gc.collect())
