# Rule: an automatic collection of the oldest generation (gen2) also needs long_lived_pending >= long_lived_total / 4; otherwise gen1 is collected instead even though gen2's count exceeds its threshold. Java twin: Node[] arrays allocated before the reset, Gc.freeze() + Gc.collect() to start from an empty gen2, 800 nodes made long-lived by a full collect, then 500 nodes with thresholds (10, 2, 2) and a printing GcCallback.
# CPython-only plumbing: output through os.write (print's buffered stdout would add a tracked list to the generations and to long_lived_total).
# Only the generation of each automatic collection is printed (no node index): in CPython the info dict of the "stop" callback after a full collection is a fresh tracked allocation (free lists are cleared by a full collection), which shifts later collections by one node.
import gc, os
class Node:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
def out(s):
    os.write(1, (s + "\n").encode())
def cb(phase, info):
    if phase == "stop":
        out(f"auto gen {info['generation']}")
a = [None] * 500
keep = [None] * 800
gc.disable()
gc.set_threshold(10, 2, 2)
gc.collect()
gc.freeze()              # everything existing goes to the permanent generation
for i in range(800):
    keep[i] = Node()
gc.collect()             # full collection: gen2 now holds exactly the 800 nodes -> long_lived_total = 800, pending = 0
gc.callbacks.append(cb)
gc.enable()
for i in range(500):     # gen2 needs pending >= 200: skipped twice (pending 132, 176), taken after the 5th gen1 collection (pending 220)
    a[i] = Node()
gc.disable()
gc.callbacks.remove(cb)
gc.unfreeze()
