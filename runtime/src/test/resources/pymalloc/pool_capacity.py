# Blocks per 16 KiB pool for each pymalloc size class, from CPython's own statistics: for every
# class sys._debugmallocstats() lists, its block size, its pools, and its blocks (in use + available).
# Checked against PymallocModel by PymallocModelTest. Run: PYENV_VERSION=3.12.1 python3 pool_capacity.py
import os, re, sys, tempfile
keep = [bytes(n) for n in range(1, 480) for _ in range(3)]  # a pool or more in most size classes
with tempfile.TemporaryFile() as f:
    saved = os.dup(2)
    os.dup2(f.fileno(), 2)
    try:
        sys._debugmallocstats()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
    f.seek(0)
    text = f.read().decode()
for m in re.finditer(r"^\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*$", text, re.M):
    cls, size, pools, used, avail = map(int, m.groups())
    if pools > 0:
        print(size, pools, used + avail)
