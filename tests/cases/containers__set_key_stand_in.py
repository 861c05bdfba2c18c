# A set used as a key of a set's lookup (in, remove, discard) stands for the
# frozenset of its elements; anything else unhashable raises TypeError.
s = {frozenset({1, 2}), 3}
print({1, 2} in s, {5} in s, {1, 2} not in s)
print(set.__contains__(s, {1, 2}), s.__contains__({2, 1}))
fs = frozenset(s)
print({1, 2} in fs, {2} in fs)


class MySet(set):
    pass


print(MySet({1, 2}) in s)
s.discard({1, 2})
print(s)
s.add(frozenset({7}))
s.remove({7})
print(s)
s.add(frozenset())
print(set() in s)
s.discard(set())
print(s)
try:
    s.remove({9})
except KeyError as e:
    print("KeyError", e, type(e.args[0]).__name__)
for bad in ([1], {"a": 1}):
    try:
        bad in s
    except TypeError as e:
        print("TypeError", e)
    try:
        s.discard(bad)
    except TypeError as e:
        print("TypeError", e)
# Dicts have no such stand-in.
d = {frozenset({1}): 1}
try:
    {1} in d
except TypeError as e:
    print("TypeError", e)
