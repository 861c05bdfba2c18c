# glass.map() and glass.graph() with no path print text. python3 has no glass: its
# shim prints what the checks below must find in glasspy's text.
import contextlib
import io
import sys

try:
    import glass
except ImportError:
    glass = None

floats = [float(i) + 0.5 for i in range(300)]
if glass:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        glass.map()
    text = buf.getvalue()
    lines = text.splitlines()
    print(lines[0].startswith("heap map ("), "\x1b[" in text)
    print(lines[-1].startswith("legend: i int / bool, f float"))
    # The pools of 24-byte blocks hold at least the 300 floats.
    fs = 0
    in24 = False
    for ln in lines:
        if ln.startswith("  pool"):
            in24 = " 24-byte blocks" in ln
        elif ln.startswith("    ") and in24:
            fs += ln.count("f")
    print(fs >= 300)
else:
    print(True, False)
    print(True)
    print(True)

data = {"name": [10, 20], "pt": (1.5, "text, not interned")}
if glass:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        glass.graph(data)
    out = buf.getvalue().splitlines()
    print(out[0].startswith("dict len 2"), len(out))
    print([ln.strip().split(" ->")[0] for ln in out[1:]])
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        glass.graph(data["name"], backrefs=True, depth=1)
    print(buf.getvalue().splitlines()[1].strip().startswith("<- ['name'] of dict"))
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        glass.graph(data, max_nodes=2)
    print(buf.getvalue().splitlines()[-1])
else:
    print(True, 7)
    print(["['name']", "[0]", "[1]", "['pt']", "[0]", "[1]"])
    print(True)
    print("(more objects left out: max_nodes reached)")
