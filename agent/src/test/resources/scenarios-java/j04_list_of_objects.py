# Rule: a Python list is a Java ArrayList too: an object appended to it lives while the list holds it; pop() and item replacement free the removed object at once (pop's result is discarded); a list that holds an object which refers back to the list is a cycle that only collect() frees, and collect() counts two objects (the list and the object: the ArrayList's array is part of the list); clear() frees the items. Java twin: List<Object> lst = new ArrayList<>(), add/remove(0)/set/clear, @Del printing.
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
def make(name):
    n = Fin(); n.name = name
    return n
gc.disable(); gc.collect()
lst = []
lst.append(make("a"))
lst.append(make("b"))
print("len", len(lst))
lst.pop(0)
print("popped")
lst[0] = make("c")
print("replaced")
lst.clear()
print("cleared")
lst.append(make("d"))
lst = None
print("list_dropped")
lst = []
n = make("n")
n.ref = lst
lst.append(n)
n = None
lst = None
print("cycle_dropped")
print("collected", gc.collect())
print("collect_again", gc.collect())
