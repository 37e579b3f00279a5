# Rule: with DEBUG_SAVEALL, unreachable objects are appended to gc.garbage (in collection order) instead of being cleared: collect() still counts them as collected (uncollectable stays 0), their __del__ still runs (once), their slots stay intact; while gc.garbage holds them they are reachable; after set_debug(0) and gc.garbage.clear() the next collect() frees them without running __del__ again. Java twin: Gc.setDebug(Gc.DEBUG_SAVEALL), Gc.garbage() (live list), @Del printing.
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
gc.disable(); gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
print("debug", gc.get_debug() == gc.DEBUG_SAVEALL)
a = Fin(); a.name = "a"; b = Fin(); b.name = "b"; a.ref = b; b.ref = a
c = Fin(); c.name = "c"; c.ref = c
a = None; b = None; c = None
print("collect", gc.collect())
print("garbage_len", len(gc.garbage))
for o in gc.garbage:
    print("garbage", o.name, o.ref.name)
o = None                 # the loop variable (a global) would keep the last item alive
print("collect_again", gc.collect())
print("garbage_len", len(gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print("cleared")
print("collect_after_clear", gc.collect())
print("garbage_len", len(gc.garbage))
