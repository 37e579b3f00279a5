# Rule: a temporary passed as an argument - f(Fin()) - is freed right after the call returns, before the next statement; a temporary passed to an inner call inside an argument list (print(name_of(Fin())), print(isinstance(Fin(), Fin))) is freed when the inner call returns, before the outer print runs. CPython 3.12 moves arguments into a Python callee's frame, so if the callee rebinds its parameter the temporary is freed at that point, inside the callee. Java twin: f(new Fin()) with @Del printing; see caveat on the rebinding case.
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
def make(name):
    n = Fin(); n.name = name
    return n
def f(p):
    print("in_f", p.name)
def rebind(p):
    print("in_rebind", p.name)
    p = None
    print("in_rebind_after_param_cleared")
def keep(p):
    global kept
    kept = p
def name_of(p):
    return p.name
gc.disable(); gc.collect()
kept = None
f(make("arg"))
print("after_f")
print("builtin", name_of(make("nested")))
print("after_builtin")
print("isinstance", isinstance(make("to_builtin"), Fin))
print("after_isinstance")
rebind(make("rebound_arg"))
print("after_rebind")
keep(make("kept_arg"))
print("after_keep", kept.name)
kept = None
print("after_kept_cleared")
make("discarded")
print("after_discarded_statement")
print("collect", gc.collect())
