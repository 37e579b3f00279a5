# Rule: every Python function's frame holds its arguments, so sys.getrefcount inside a call made through another function that only passes its argument on counts that function's frame too. Java twin: Sys.getRefcount in show(), called directly and through via(), a method that only passes its argument on. With refshadow's elideFrames=true via() keeps no frame, so the second count is one lower; the default matches CPython (ScenarioTwinsIT checks both).
import sys

class Fin:
    def __init__(self, name):
        self.name = name

def show(label, f):
    print(label, sys.getrefcount(f))

def via(f):
    show("through_via", f)

def main():
    x = Fin("x")
    show("direct", x)
    via(x)
    print("after", sys.getrefcount(x))

main()
