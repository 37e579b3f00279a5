# Python twin of Sample_04_Interning (CPython 3.12). Run: PYENV_VERSION=3.12.1 python3 sample_04_interning.py
import sys
def main():
    x = 100
    y = 100
    print("x = 100; y = 100: x is y:", x is y)
    print("getRefcount(100) =", sys.getrefcount(x))
    p = int("1000")
    q = int("1000")
    print("p = 1000; q = 1000 (made at run time): p == q:", p == q, "p is q:", p is q)
    print("getRefcount(p) =", sys.getrefcount(p))
    y = x
    x += 1
    print("y = x; x += 1: x =", x, "y =", y, "x is y:", x is y)
main()
