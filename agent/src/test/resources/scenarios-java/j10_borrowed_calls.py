# Rule: a function holds its arguments until it returns, also one that only passes them on: an object made for the call (a temporary of the caller) or read from a field that the callee clears dies when the outer call returns, not when an inner call returns, whether the outer function hands it to one call or two, returns an inner call's result, uses it after a call, or delegates through another function; a call's arguments move into the called function's frame, but a value waiting for an outer call does not (use(make(), drop_count(held)) with held the object make() returned), while a call result already used up (get_left() is not None) holds nothing; a function called through a lambda or a method reference takes its argument over. Java twin: static and instance methods that only call others (relay, checkViaHelper, m, Box.itemName), that call twice or use an argument after a call, a lambda and a method reference of the program's own functional interface, and the ternary and if forms of a consumed call result.
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

holder_box = None
held = None

def clear():
    holder_box.item = None
    print("cleared")

def look(f):
    print("look", f.name)

def clear_then_look(f):
    clear()
    look(f)

def clear_only(f):
    clear()

def clear_with(f):
    holder_box.item = None
    print("cleared_with", f.name)

def clear_and_return(f):
    clear_with(f)
    return f

def clear_count():
    holder_box.item = None
    print("cleared_count")
    return 0

def look_n(f, n):
    print("look_n", f.name)

def look_after_clear(f):
    look_n(f, clear_count())

def helper(f):
    Other.check(f)
    Other.check(f)

def check_via_helper(f):
    helper(f)

class Other:
    @staticmethod
    def check(f):
        print("other_check", f.name)

def make(n):
    global held
    f = Fin(n)
    held = f
    return f

def drop(f):
    global held
    held = None
    print("dropped", f.name)

def m():
    drop(held)
    return 0

def drop_count(f):
    global held
    held = None
    print("dropped_count", f.name)
    return 0

def use(f, n):
    print("use", f.name)

left = None

def get_left():
    return left

def clear_left(a):
    global left
    left = None
    a = None
    print("cleared_left")

def clear_left_count(a):
    global left
    left = None
    a = None
    print("cleared_left_count")
    return 0

def both(present, n):
    print("both", present, n)

def put(f):
    f = None
    print("param_cleared")

def consume(f):
    f = None
    print("ref_param_cleared")

def main():
    global holder_box, left
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
    holder_box = Box(Fin("g"))
    clear_then_look(holder_box.item)
    print("after_clear_then_look")
    holder_box.item = Fin("g2")
    clear_only(holder_box.item)
    print("after_clear_only")
    holder_box.item = Fin("k")
    x = clear_and_return(holder_box.item)
    print("got", x.name)
    x = None
    print("after_clear_and_return")
    holder_box.item = Fin("n")
    look_after_clear(holder_box.item)
    print("after_look_after_clear")
    check_via_helper(Fin("h"))
    print("after_check_via_helper")
    use(make("i"), m())
    print("after_use")
    use(make("j"), drop_count(held))
    print("after_use_direct")
    left = Fin("x")
    clear_left(left if get_left() is not None else None)
    print("after_left_x")
    y = Fin("y")
    left = y
    y = None
    if get_left() is not None: clear_left(left)
    print("after_left_y")
    left = Fin("z")
    both(get_left() is not None, clear_left_count(left))
    print("after_both")
    sink = put
    sink(Fin("l"))
    print("after_lambda")
    sink = consume
    sink(Fin("r"))
    print("after_method_reference")
    print("collect", gc.collect())

main()
