# Python twin of Sample_10_Generators (CPython 3.12). Run: PYENV_VERSION=3.12.1 python3 sample_10_generators.py
import tracemalloc
N = 100_000
def squares_list(n):
    return [x * x for x in range(n)]
def squares_gen(n):
    return (x * x for x in range(n))
tracemalloc.start()
total = sum(squares_list(N))
_, peak_list = tracemalloc.get_traced_memory()
print(f"sum of squares below 100000, from a list:      {total}")
tracemalloc.reset_peak()
total = sum(squares_gen(N))
_, peak_gen = tracemalloc.get_traced_memory()
print(f"sum of squares below 100000, from a generator: {total}")
print("peak with list > 100x peak with generator:", peak_list > 100 * peak_gen)
print("peak with list holds all 100000 squares at once:", peak_list > N * 8)
