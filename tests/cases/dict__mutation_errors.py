# Changing a dict while iterating over it or its views.
def attempt(label, fn):
    try:
        result = fn()
    except RuntimeError as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=>", result)


def add_during_keys():
    d = {"a": 1, "b": 2}
    for k in d:
        d[k + "x"] = 0
    return d


def delete_during_keys():
    d = {"a": 1, "b": 2, "c": 3}
    for k in d:
        del d[k]
    return d


def replace_keys_same_size():
    d = {"a": 1, "b": 2}
    seen = []
    for k in d:
        seen.append(k)
        del d[k]
        d[k + "!"] = 0
    return seen


def change_values_only():
    d = {"a": 1, "b": 2}
    for k in d:
        d[k] *= 10
    return d


def values_view_add():
    d = {"a": 1}
    for v in d.values():
        d["new"] = v
    return d


def items_view_pop():
    d = {"a": 1, "b": 2}
    for k, v in d.items():
        d.pop("b")
    return d


def reversed_add():
    d = {"a": 1, "b": 2}
    for k in reversed(d):
        d["c"] = 3
    return d


def pop_and_readd_same_key():
    d = {"a": 1, "b": 2}
    for k in d:
        d[k] = d.pop(k)
    return d


def clear_during():
    d = {"a": 1, "b": 2}
    for k in d:
        d.clear()
    return d


def clear_last_step():
    d = {"a": 1}
    it = iter(d)
    next(it)
    d.clear()
    return list(it)


def update_existing_during():
    d = {"a": 1, "b": 2}
    for k in d:
        d.update(a=5, b=6)
    return d


def mutate_then_restore():
    d = {"a": 1, "b": 2}
    it = iter(d)
    first = next(it)
    d["c"] = 3
    del d["c"]
    return first, list(it)


def next_after_error():
    d = {"a": 1, "b": 2}
    it = iter(d)
    next(it)
    d["c"] = 3
    try:
        next(it)
    except RuntimeError as e:
        first = str(e)
    return first, list(it)


def setdefault_existing():
    d = {"a": 1}
    for k in d:
        d.setdefault("a", 2)
    return d


def comprehension_over_self():
    d = {"a": 1}
    d.update({k + "2": v for k, v in d.items()})
    return d


for fn in (add_during_keys, delete_during_keys, replace_keys_same_size, change_values_only,
           values_view_add, items_view_pop, reversed_add, pop_and_readd_same_key,
           clear_during, clear_last_step, update_existing_during, mutate_then_restore,
           next_after_error, setdefault_existing, comprehension_over_self):
    attempt(fn.__name__, fn)
