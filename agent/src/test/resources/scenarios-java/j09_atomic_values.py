# Rule: strings, big ints and decimals are atomic objects, not containers: making one neither puts it in the cycle detector's lists (gc.is_tracked is False) nor counts toward generation 0's threshold, so 300 new strings set off no collection at threshold 100, where 150 new lists set off one; a list of strings is tracked. Java twin: new String(byte[], charset) made in the program's own code, new BigInteger(String) and new BigDecimal(String), against new String[n] and new Object[1].
# Note: only whole collections are counted (a callback), not gc.get_count(): CPython's tuple free list moves that count by one here and there.
import gc
from decimal import Decimal
collections = [0]
def cb(phase, info):
    if phase == "start":
        collections[0] += 1
raw = bytearray(b"abc")
names = [None] * 300
boxes = [None] * 150
digits = "3" + "0" * 40
Decimal("1")             # the decimal module's context, made before counting starts
gc.disable()
gc.set_threshold(100, 10, 10)
gc.collect()
gc.callbacks.append(cb)
gc.enable()
for i in range(300):
    names[i] = raw.decode()
gc.disable()
print("collections_during_strings", collections[0])
print("str_tracked", gc.is_tracked(names[0]))
print("names_tracked", gc.is_tracked(names))
big = int(digits)
price = Decimal(digits)
print("int_tracked", gc.is_tracked(big))
print("decimal_tracked", gc.is_tracked(price))
collections[0] = 0
gc.enable()
for i in range(150):
    boxes[i] = [None]
gc.disable()
print("collections_during_lists", collections[0])
print("list_tracked", gc.is_tracked(boxes[0]))
gc.callbacks.remove(cb)
