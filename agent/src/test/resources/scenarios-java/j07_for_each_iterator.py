# Rule: a for loop's iterator is a temporary of the loop (on the value stack), let go when the loop ends: dropping the last name of a list after looping over it frees the list at once, and with it the items only the list holds (the loop variable keeps the last item until the function returns). Java twin: for-each over a Fin[] local and over an ArrayList local, then the local set to null. javac keeps the array (arr$) or the Iterator in a hidden local slot, which the agent releases where it dies (a liveness analysis; named locals last until the return, as in Python).
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
def make(name):
    n = Fin(); n.name = name
    return n
def over_array():
    lst = [make("e0"), make("e1")]
    for n in lst:
        print("visit", n.name)
    lst = None
    print("after_drop")
def over_list():
    lst = []
    lst.append(make("l0"))
    lst.append(make("l1"))
    for n in lst:
        print("visit", n.name)
    lst = None
    print("after_drop_list")
gc.disable(); gc.collect()
over_array()
print("returned")
over_list()
print("returned_list")
