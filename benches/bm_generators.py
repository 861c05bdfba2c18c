# Generators: pipelines of generators, genexprs into sum/list, yield from.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squares(it):
    for x in it:
        yield x * x


def chain(*its):
    for it in its:
        yield from it


def tree(depth):
    if depth == 0:
        yield 1
        return
    yield depth
    yield from tree(depth - 1)
    yield from tree(depth - 1)


acc = 0
for r in range(15):
    acc += sum(squares(evens(numbers(100000))))
    acc += sum(x % 7 for x in range(100000))
    acc += len([x for x in chain(range(20000), numbers(20000)) if x & 1])
    acc += sum(tree(12))
    acc += max(y * 3 for y in (x + 1 for x in range(30000)))
print(acc)
