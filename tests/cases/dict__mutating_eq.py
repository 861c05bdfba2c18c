# An __eq__ that changes the dict during a lookup. The __eq__ called is the stored
# key's (stored == probe). CPython copes (it restarts the lookup or goes on with the
# new table); nothing crashes. The output is whatever python3 prints.
class Evil:
    def __init__(self, name, action=None):
        self.name, self.action = name, action

    def __hash__(self):
        return 5

    def __eq__(self, other):
        if self.action is not None:
            act, self.action = self.action, None     # once only
            act()
        return isinstance(other, Evil) and self.name == other.name

    def __repr__(self):
        return "Evil(" + self.name + ")"


def run(label, fn):
    try:
        print(label, "=>", fn())
    except Exception as e:
        print(label, "->", type(e).__name__, e)


# the stored key clears the dict when compared
d = {}
d[Evil("a", lambda: d.clear())] = 1
run("Evil('a') in d (eq clears)", lambda: (Evil("a") in d, d))
# the stored key adds many keys (a resize) when compared
d = {}
d[Evil("b", lambda: d.update({i: i for i in range(20)}))] = 2
run("d[Evil('b')] (eq resizes)", lambda: (d[Evil("b")], len(d)))
# the stored key deletes itself
d = {}
first = Evil("x")
first.action = lambda: d.pop(first)
d[first] = "x"
d[Evil("y")] = "y"
run("d.get(Evil('x')) (eq deletes its own key)", lambda: (d.get(Evil("x"), "missing"), len(d)))
# a colliding stored key clears the dict while an insert compares with it
d = {}
d[Evil("p", lambda: (d.clear(), d.update(q=2)))] = 1
run("d[Evil('z')] = 99 (eq replaces the contents)", lambda: (d.__setitem__(Evil("z"), 99), sorted(map(repr, d.items()))))
# only another value changes: an ordinary lookup
d = {}
d[Evil("m", lambda: d.__setitem__("other", 3))] = 1
d["other"] = 2
run("d[Evil('m')] (eq sets another value)", lambda: (d[Evil("m")], d["other"]))
# setdefault, pop, del and `in` with a clearing stored key
for label, op in (("setdefault", lambda d: d.setdefault(Evil("s"), "default")),
                  ("pop", lambda d: d.pop(Evil("s"), "gone")),
                  ("del", lambda d: d.__delitem__(Evil("s"))),
                  ("getitem", lambda d: d[Evil("s")])):
    d = {}
    d[Evil("s", lambda: d.clear())] = 1
    run(label + " (eq clears)", lambda: (op(d), len(d)))
# a dict compared with another whose values mutate the first
class Mutator:
    def __init__(self, target):
        self.target = target

    def __eq__(self, other):
        self.target.clear()
        return True


left = {}
right = {}
left["k"] = Mutator(right)
right["k"] = 1
run("left == right (value eq clears right)", lambda: (left == right, right))
