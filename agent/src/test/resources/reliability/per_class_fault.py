# The CPython twin of reliability.PerClassFault (agent tests): the lifetimes the Java program must
# show under refshadow, also when every hook of Keeper's methods fails inside refshadow (the class
# is then switched off: what it holds is kept, never freed early). Output: per_class_fault.out.
class Item:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  freed " + self.name)


class Keeper:
    def __init__(self):
        self.kept = None
        self.shelf = [None, None]

    def keep(self, o):
        self.kept = o

    def shelve(self, o):
        self.shelf[0] = o


class Box:
    def __init__(self):
        self.held = None

    def put(self, o):
        self.held = o

    def clear(self):
        self.held = None


def main():
    print("healthy before:")
    a = Item("a")
    a = None
    print("a dropped")
    k = Keeper()
    b = Item("b")
    k.keep(b)
    b = None
    print("b dropped while the keeper holds it")
    c = Item("c")
    k.shelve(c)
    c = None
    print("c dropped while the keeper's shelf holds it")
    for i in range(100):
        k.keep(k.kept)
    print("healthy after:")
    box = Box()
    d = Item("d")
    box.put(d)
    d = None
    print("d held by the box")
    box.clear()
    print("d released by the box")
    e = Item("e")
    e = None
    print("e dropped")
    print("done")
    global KEEPER
    KEEPER = k


main()
