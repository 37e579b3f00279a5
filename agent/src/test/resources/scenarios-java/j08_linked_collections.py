# Rule: a dict or list holds its items and nothing holds the dict back: dropping the last name of a dict (or a deque) frees it at once, with the items only it holds, also after looping over its keys(); a view (d.values()) keeps its dict alive until the view goes, also a view taken after an earlier one was dropped. Java twin: a TreeMap (entries link to their parent), a LinkedHashMap (entries link to the previous one), a LinkedList (nodes link back) each with two entries, a HashMap after a for-each over keySet() (the map caches the view, which refers to the map), a TreeMap's values() view held by a local, and a HashMap's keySet() and a TreeMap's entrySet() taken a second time (the map hands out the view it cached the first time, after that first use was dropped) held by a local; each map set to null. The agent does not mirror those back links and cached views, so no collection is a cycle.
import gc
from collections import deque
class Fin:
    __slots__ = ('name', 'ref', 'ref2', '__weakref__')
    def __del__(self):
        print("del", self.name)
def make(name):
    n = Fin(); n.name = name
    return n
def sorted_map():
    d = {}
    d["a"] = make("tree")
    d["b"] = "plain"
    d = None
    print("after_drop_tree")
def linked_map():
    d = {}
    d["a"] = make("linked")
    d["b"] = "plain"
    d = None
    print("after_drop_linked")
def linked_list():
    lst = deque()
    lst.append(make("node"))
    lst.append("plain")
    lst = None
    print("after_drop_list")
def hash_map_keys():
    d = {}
    d["a"] = make("hash")
    d["b"] = "plain"
    for k in d.keys():
        print("key", k)
    d = None
    print("after_drop_hash")
def values_view():
    d = {}
    d["a"] = make("viewed")
    d["b"] = "plain"
    vals = d.values()
    d = None
    print("view_holds_map")
    vals = None
    print("after_drop_view")
def view_again(kind):
    d = {}
    d["a"] = make(kind)
    d["b"] = "plain"
    print("size", len(d.keys()))
    view = d.keys() if kind == "keys" else d.items()
    d = None
    print("again_holds_map", kind)
    view = None
    print("after_drop_again", kind)
gc.disable(); gc.collect()
sorted_map()
linked_map()
linked_list()
hash_map_keys()
values_view()
view_again("keys")
view_again("entries")
print("collect", gc.collect())
