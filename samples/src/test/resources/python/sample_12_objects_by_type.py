# Python twin of Sample_12_ObjectsByType (CPython 3.12). Run: PYENV_VERSION=3.12.1 python3 sample_12_objects_by_type.py
import gc
class Point:
    __slots__ = ('x', 'y')
class Node:
    __slots__ = ('next',)
def count(name):
    return sum(1 for o in gc.get_objects() if type(o).__name__ == name)
def main():
    points = [Point() for _ in range(1000)]
    nodes = [Node() for _ in range(500)]
    print("Point:", count("Point"), "objects")
    print("Node:", count("Node"), "objects")
    del nodes
    print("after del nodes: Node:", count("Node"), "objects, Point:", count("Point"), "objects")
main()
