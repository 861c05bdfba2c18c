# contextlib: contextmanager, suppress, closing, nullcontext, redirect_stdout /
# redirect_stderr, ExitStack, ContextDecorator.
import contextlib
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack, redirect_stdout, redirect_stderr
import sys

@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)

with tag("p") as t:
    print("inside", t)

@contextmanager
def swallow():
    try:
        yield
    except ValueError as e:
        print("swallowed", e)

with swallow():
    raise ValueError("bad")
print("after swallow")

try:
    with tag("x"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))

@contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def two_yields():
    yield 1
    yield 2
try:
    with two_yields():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

@tag("deco")
def decorated(x):
    print("decorated body", x)
    return x * 2
print(decorated(21))
print(decorated(1))

with suppress(ZeroDivisionError, KeyError):
    1 / 0
    print("not reached")
print("suppressed")
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print("IndexError passes:", e)

class Resource:
    def close(self):
        print("closed")
with closing(Resource()) as r:
    print(type(r).__name__)

with nullcontext(5) as five:
    print(five)
with nullcontext() as nothing:
    print(nothing)

class Capture:
    def __init__(self):
        self.text = ""
    def write(self, s):
        self.text += s
        return len(s)
    def flush(self):
        pass

buf = Capture()
with redirect_stdout(buf) as target:
    print("hello", "captured")
    print(target is buf)
print(repr(buf.text))
err = Capture()
with redirect_stderr(err):
    sys.stderr.write("to stderr\n")
print(repr(err.text), sys.stdout is sys.__stdout__)

with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, "callback", i)
    x = stack.enter_context(tag("entered"))
    print("in stack", x)

class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self
    def __exit__(self, *exc):
        print("exit", self.n, exc[0].__name__ if exc[0] else None)
        return self.n == 2

with ExitStack() as stack:
    for n in range(3):
        stack.enter_context(CM(n))
    raise ValueError("suppressed by CM(2)")
print("after ExitStack suppression")

stack = ExitStack()
stack.callback(print, "closed by close()")
moved = stack.pop_all()
stack.close()
print("nothing yet")
moved.close()

def failing_callback():
    raise KeyError("from callback")
try:
    with ExitStack() as stack:
        stack.callback(failing_callback)
        raise ValueError("original")
except KeyError as e:
    print("KeyError", e, "context:", repr(e.__context__))

try:
    ExitStack().enter_context(object())
except TypeError as e:
    print("TypeError:", e)

@stack.push
def exit_fn(*exc):
    print("pushed exit", exc)
stack.close()

class Quiet(contextlib.ContextDecorator):
    def __enter__(self):
        print("quiet enter")
        return self
    def __exit__(self, *exc):
        print("quiet exit")
        return False
@Quiet()
def f():
    print("in f")
f()
print(isinstance(nullcontext(), contextlib.AbstractContextManager))
print(sorted(n for n in contextlib.__all__ if "sync" not in n and n not in ("aclosing", "chdir")))
