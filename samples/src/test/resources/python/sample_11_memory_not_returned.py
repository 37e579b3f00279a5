# Python twin of Sample_11_MemoryNotReturned (CPython 3.12). Run: PYENV_VERSION=3.12.1 python3 sample_11_memory_not_returned.py
# The figures are read from sys._debugmallocstats() ("# arenas allocated current", "# bytes in
# allocated blocks"), which writes to fd 2 and prints nothing while tracemalloc wraps the allocator.
import os, re, sys, tempfile
class Point:
    __slots__ = ('x',)
def mallocstats():
    with tempfile.TemporaryFile() as f:
        saved = os.dup(2)
        os.dup2(f.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        f.seek(0)
        text = f.read().decode()
    def figure(name):
        return int(re.search(name + r"\s*=\s*([\d,]+)", text).group(1).replace(",", ""))
    return figure("# arenas allocated current"), figure("# bytes in allocated blocks")
def main():
    _, live_before = mallocstats()
    objects = [Point() for _ in range(200_000)]
    arenas_full, live_full = mallocstats()
    survivors = objects[::100]
    del objects
    arenas_after, live = mallocstats()
    print("objects alive:", len(survivors), "of 200000")
    print("live bytes fell by more than 90%:", live - live_before < (live_full - live_before) / 10)
    print("arenas held after freeing 99% of the objects: no fewer than before:", arenas_after >= arenas_full)
    del survivors
    print("after freeing the survivors too, arenas went back to the system:", mallocstats()[0] < arenas_full)
main()
