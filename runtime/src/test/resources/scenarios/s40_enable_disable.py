# Rule: gc.disable()/enable()/isenabled(): while disabled no automatic collection happens however far gen0 exceeds threshold0; enable() itself collects nothing - the next tracked allocation (count above threshold) triggers the collection; threshold0 = 0 also disables automatic collection; manual collect() works while disabled. Java twin: Gc.disable/enable/isEnabled, Gc.setThreshold, a printing GcCallback, Node[] pre-allocated.
import gc
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
step = ""
def cb(phase, info):
    print("cb", phase, info["generation"], "during", step)
a = [None] * 40
gc.disable()
gc.set_threshold(5)                    # set before the reset collect (CPython allocates an argument tuple)
gc.collect()
print("enabled", gc.isenabled())
gc.callbacks.append(cb)
step = "disabled_allocations"
for i in range(20):
    a[i] = Node()
step = "enable"
gc.enable()                            # nothing allocated between enable() and the next Node
step = "first_allocation_after_enable"
a[20] = Node()
step = "after"
print("enabled", gc.isenabled())
gc.disable()
print("enabled", gc.isenabled())
step = "manual_collect_while_disabled"
print("collect", gc.collect(0))
gc.callbacks.remove(cb)
gc.set_threshold(0)
gc.collect()
gc.callbacks.append(cb)
gc.enable()
step = "threshold0_zero"
for i in range(21, 40):
    a[i] = Node()
step = "end"
print("enabled", gc.isenabled(), "threshold0", gc.get_threshold()[0])
gc.disable()
gc.callbacks.remove(cb)
