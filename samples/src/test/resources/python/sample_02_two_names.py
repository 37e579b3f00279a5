# Python twin of Sample_02_TwoNamesOneList (CPython 3.12). Run: PYENV_VERSION=3.12.1 python3 sample_02_two_names.py
import sys
def main():
    a = [1, 2, 3]
    print("a = [1, 2, 3]:          getRefcount(a) =", sys.getrefcount(a))
    b = a
    print("b = a:                  getRefcount(a) =", sys.getrefcount(a))
    print("a is b:", a is b)
    b.append(4)
    print("after b.append(4): a =", a)
    b = [1, 2, 3, 4]
    print("b = a new equal list: a == b:", a == b, "a is b:", a is b)
    print("                        getRefcount(a) =", sys.getrefcount(a))
main()
