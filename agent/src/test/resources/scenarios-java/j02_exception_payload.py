# Rule: an exception object is alive while it propagates and while the handler uses it: what it refers to (a payload stored in a field of the exception) survives the unwinding of the frame that raised it, and dies only when the last holder lets go (here the global `kept`, after the exception itself was dropped); with no other holder the payload dies with the exception, when the handling function returns (its except block is the function's last statement, so CPython's end-of-except `del e` and Java's end of the catch parameter's frame coincide). Java twin: class Payload extends RuntimeException with a Fin field, thrown by a method, caught in another, @Del printing.
import gc
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
class Payload(Exception):
    def __init__(self, node):
        self.node = node
def make(name):
    n = Fin(); n.name = name
    return n
kept = None
def raiser():
    raise Payload(make("payload"))
def handle():
    global kept
    try:
        raiser()
    except Payload as e:
        print("caught", e.node.name)
        kept = e.node
    print("after_except")
def handle_and_drop():
    try:
        raiser()
    except Payload as e:
        print("caught_again", e.node.name)
gc.disable(); gc.collect()
handle()
print("after_handle")
kept = None
print("kept_cleared")
handle_and_drop()
print("after_handle_and_drop")
