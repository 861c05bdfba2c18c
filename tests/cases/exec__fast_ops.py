# The simplest instructions the eval loop runs inline (LOAD_FAST, STORE_FAST,
# LOAD_CONST, POP_TOP, their superinstructions, jumps, POP_JUMP_IF_* on bools and
# on other objects), before and after quickening: errors, line numbers, __del__ order.


def line_of(e):
    tb = e.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    return tb.tb_lineno


def pair(n, k, second):
    # LOAD_FAST__LOAD_FAST with either half unbound.
    for i in range(n):
        if i == k:
            if second:
                del b
            else:
                del a
        if i == 0:
            a = 1
            b = 2
        s = a + b
        if i > k:
            a = b = 0
    return s


def store_load(n, k, late):
    # STORE_FAST__LOAD_FAST and LOAD_CONST__LOAD_FAST reading an unbound local.
    t = 0
    for i in range(n):
        x = i
        if i == k and not late:
            del y
        y = 3
        t = x + (1 + y)
        if i == k and late:
            del y
            t = 7 + y
    return t


class B:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        if self.v == "bad":
            raise ValueError("no truth here")
        if self.v == "int":
            return 1
        return self.v


def branch(vals):
    out = []
    for v in vals:
        if v:
            out.append("T")
        else:
            out.append("F")
        while not v:
            out.append("w")
            break
    return "".join(out)


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def deaths():
    x = D("stored over")
    x = D("second")
    print("after store")
    D("popped")
    print("after pop")
    y = x
    x = None
    print("after x = None")
    y, z = 1, 2
    print("end", y, z)


for n, k in [(3, 10), (8, 1), (40, 30)]:
    for second in [False, True]:
        try:
            print("pair", n, k, pair(n, k, second))
        except UnboundLocalError as e:
            print("pair", n, k, e, line_of(e))
for n, k in [(3, 10), (40, 5), (40, 35)]:
    for late in [False, True]:
        try:
            print("store_load", n, k, store_load(n, k, late))
        except UnboundLocalError as e:
            print("store_load", n, k, e, line_of(e))

for i in range(3):
    print(branch([True, False, 0, 1, "", "x", None, B(True), B(False), [], [0]]))
for bad in [B("bad"), B("int")]:
    for i in range(3):
        try:
            branch([True, 1, bad])
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e, line_of(e))
deaths()
deaths()


def countdown(n):
    # JUMP backward and forward, many times (quickened on the way).
    seen = 0
    while n:
        n -= 1
        if n % 3:
            continue
        seen += 1
    return seen


print(countdown(100), countdown(5000))
