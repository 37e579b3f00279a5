# Python twin of Sample_13_DelLargeObjects (CPython 3.12). Run: PYENV_VERSION=3.12.1 python3 sample_13_del_large_objects.py
import tracemalloc
N = 1_000_000
def keep_both():
    data = [0] * N
    total = len(data)
    result = [1] * N
    return total + len(result)
def del_early():
    data = [0] * N
    total = len(data)
    del data
    result = [1] * N
    return total + len(result)
tracemalloc.start()
keep_both()
_, peak_keep = tracemalloc.get_traced_memory()
tracemalloc.reset_peak()
del_early()
_, peak_del = tracemalloc.get_traced_memory()
print("without del, the peak holds both large lists:", peak_keep >= 2 * 8 * N)
print("with del, the peak holds only one:", 8 * N <= peak_del < 2 * 8 * N)
print("peak without del > 1.5x peak with del:", peak_keep > 1.5 * peak_del)
