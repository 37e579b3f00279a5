# Rule: a function that only passes its arguments on still holds them until it returns: an object made for the call (a temporary of the caller) dies when the outer call returns, not when an inner call returns, even if the outer function hands it to two calls or returns an inner call's result. Java twin: static methods and instance methods whose bodies only call other methods with their parameters or fields (twice, relay, Box.itemName, Box.checkItem), and a Wrapper.check that calls a method of the same name and signature twice; refshadow gives the methods that only pass arguments on no frame, and the object stays with the caller that made it.
import gc

class Fin:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def check(f):
    print("check", f.name)

def name_of(f):
    return "name " + f.name

def same(f):
    print("same", f.name)
    return f

def twice(f):
    check(f)
    check(f)

def relay(f):
    return same(f)

class Box:
    def __init__(self, item):
        self.item = item
    def item_name(self):
        return name_of(self.item)
    def check_item(self):
        check(self.item)

class Checker:
    def check(self, f):
        print("checker", f.name)

class Wrapper:
    def __init__(self, inner):
        self.inner = inner
    def check(self, f):
        self.inner.check(f)
        self.inner.check(f)

def main():
    gc.disable()
    twice(Fin("a"))
    print("after_twice")
    r = relay(Fin("b"))
    print("relay_returned", r.name)
    r = None
    print("after_r_cleared")
    relay(Fin("c"))
    print("after_discarded_relay")
    box = Box(Fin("d"))
    print(box.item_name())
    box.check_item()
    box = None
    print("after_box_cleared")
    print(Box(Fin("e")).item_name())
    print("after_temporary_box")
    w = Wrapper(Checker())
    w.check(Fin("f"))
    print("after_wrapper")
    print("collect", gc.collect())

main()
