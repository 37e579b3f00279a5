# Twin of nodefield.NodeFields (agent tests): copies and subclass instances die where they are
# dropped, a ring of two waits for the collector. Run: PYENV_VERSION=3.12.1 python3 node_fields.py
import copy
import gc


class Item:
    def __init__(self, name):
        self.name = name
        self.ref = None

    def copy(self, new_name):
        c = copy.copy(self)
        c.name = new_name
        return c

    def __del__(self):
        print("del " + self.name)


class Special(Item):
    def __init__(self, name):
        super().__init__(name)
        self.extra = None


def main():
    a = Item("a")
    b = a.copy("b")
    print("dropping b")
    b = None
    print("dropping a")
    a = None

    s = Special("s")
    s.extra = Item("s.extra")
    print("dropping s")
    s = None

    x = Item("x")
    y = Item("y")
    x.ref = y
    y.ref = x
    x = None
    y = None
    print("collecting")
    print("collected " + str(gc.collect()))
    print("end")


main()
