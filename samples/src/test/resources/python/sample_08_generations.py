# Python twin of Sample_08_Generations (CPython 3.12). Run: PYENV_VERSION=3.12.1 python3 sample_08_generations.py
import gc, os
class Node:
    __slots__ = ('ref', '__weakref__')
def out(s):
    os.write(1, (s + "\n").encode())  # print() to a pipe allocates a tracked buffer list
def cb(phase, info):
    if phase == "start":
        out("  automatic collection of generation %d" % info["generation"])
out("default thresholds: [%d, %d, %d]" % gc.get_threshold())
gc.set_threshold(7777, 11, 11)
out("after setThreshold(7777, 11, 11): [%d, %d, %d]" % gc.get_threshold())
keep = [None] * 40
gc.set_threshold(10, 2, 2)
gc.collect()
gc.callbacks.append(cb)
for i in range(40):
    keep[i] = Node()
c = gc.get_count()
gc.callbacks.clear()  # no callback during interpreter shutdown
out("after 40 new nodes, getCount() = [%d, %d, %d]" % c)
