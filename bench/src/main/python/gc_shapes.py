"""The CPython half of bench/gc-vs-cpython: the shapes of ShadowGraphs.java, statement for statement.

Builds each shape with automatic collection disabled (gc.disable()), then times one gc.collect()
(a full collection, as Gc.collect() is). Objects that exist before the shapes (modules, functions)
are moved to the permanent generation with gc.freeze(), so each collection sees the shape alone, as
refshadow's fresh shadow heap does.

  PYENV_VERSION=3.12.1 python3 gc_shapes.py --n 100000 --reps 5
  PYENV_VERSION=3.12.1 python3 gc_shapes.py --compare java.txt python.txt   # the side-by-side table

Prints lines in the format GcShapes.java prints:
  shape=ring n=100000 collected=100000 median_ms=4.321 min_ms=4.100 reps=3 times_ms=4.3,4.1,4.5

--compare pools the times of every line of a shape (the script alternates the two sides in rounds,
appending to the same files, so that a change in the machine's load hits both).
"""

import argparse
import gc
import platform
import statistics
import sys
import time

CLIQUE_SIZE = 10  # ShadowGraphs.CLIQUE_SIZE


class Link:
    """An object with one reference field, like Link.java."""

    __slots__ = ("next",)


def chain(n):
    head = None
    for i in range(n):
        s = Link()
        s.next = head
        head = s
    return head


def ring(n):
    first = Link()
    head = first
    for i in range(1, n):
        s = Link()
        s.next = head
        head = s
    first.next = head
    return first


def pairs(n):
    firsts = [None] * (n // 2)
    for i in range(n // 2):
        a = Link()
        b = Link()
        a.next = b
        b.next = a
        firsts[i] = a
    return firsts


def cliques(n, k=CLIQUE_SIZE):
    firsts = [None] * (n // k)
    for c in range(n // k):
        members = [[None] * (k - 1) for _ in range(k)]
        for j in range(k):
            mj = members[j]
            p = 0
            for i in range(k):
                if i != j:
                    mj[p] = members[i]
                    p += 1
        firsts[c] = members[0]
    return firsts


SHAPES = {"chain": (chain, True), "ring": (ring, False), "pairs": (pairs, False),
          "cliques": (cliques, False)}


def age(mb):
    """GcShapes.age's twin: mb MB of garbage in 1 KB objects, each dropped at once. CPython moves
    no object, so the graph stays where it was built; what this does to the caches, the Java side
    does too."""
    global sink
    for _ in range(mb * 1024):
        sink = bytes(1000)
    sink = None


sink = None


def collect_once(name, n, age_mb=0):
    build, kept = SHAPES[name]
    gc.disable()
    root = build(n)
    if not kept:
        root = None  # the graph's cycles are now garbage
    age(age_mb)
    t0 = time.perf_counter_ns()
    collected = gc.collect()
    t = time.perf_counter_ns() - t0
    del root
    gc.collect()  # a kept graph goes before the next repetition
    return collected, t


def measure(args):
    gc.freeze()
    for name in args.shapes.split(","):
        times = []
        collected = -1
        for r in range(args.warmup + args.reps):
            collected, t = collect_once(name, args.n, args.age)
            if r >= args.warmup:
                times.append(t / 1e6)
        print("shape=%s n=%d collected=%d median_ms=%.3f min_ms=%.3f reps=%d times_ms=%s"
              % (name, args.n, collected, statistics.median(times), min(times), args.reps,
                 ",".join("%.3f" % t for t in times)))
        sys.stdout.flush()


def parse(path):
    """{(shape, n): {"collected": str, "times": [ms, ...]}}, pooling the lines of each shape."""
    rows = {}
    with open(path) as f:
        for line in f:
            if line.startswith("shape="):
                fields = dict(w.split("=", 1) for w in line.split())
                row = rows.setdefault((fields["shape"], int(fields["n"])),
                                      {"collected": fields["collected"], "times": []})
                row["times"] += [float(t) for t in fields["times_ms"].split(",")]
    return rows


def compare(java_path, python_path):
    java, py = parse(java_path), parse(python_path)
    print("| shape | objects | collected (Java / CPython) | Gc.collect() ms | gc.collect() ms"
          " | refshadow / CPython |")
    print("|---|---:|---|---:|---:|---:|")
    ratios = []
    for key in java:
        if key not in py:
            continue
        j, p = java[key], py[key]
        jm, pm = statistics.median(j["times"]), statistics.median(p["times"])
        ratio = jm / pm
        ratios.append(ratio)
        same = "" if j["collected"] == p["collected"] else " (differ!)"
        print("| %s | %s | %s / %s%s | %.2f | %.2f | %.2f |" % (
            key[0], format(key[1], ","), j["collected"], p["collected"], same, jm, pm, ratio))
    if ratios:
        print("| **geomean** | | | | | **%.2f** |" % statistics.geometric_mean(ratios))
    print()
    counts = sorted({len(r["times"]) for r in java.values()} | {len(r["times"]) for r in py.values()})
    print("Medians of %s timed collections per cell; a ratio below 1 means Gc.collect() was faster."
          " CPython %s." % ("/".join(map(str, counts)), platform.python_version()))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--shapes", default="pairs,ring,chain,cliques")
    ap.add_argument("--age", type=int, default=0, metavar="MB",
                    help="allocate and drop MB of 1 KB objects between building and collecting")
    ap.add_argument("--compare", nargs=2, metavar=("JAVA", "PYTHON"))
    args = ap.parse_args()
    if args.compare:
        compare(*args.compare)
    else:
        measure(args)


if __name__ == "__main__":
    main()
