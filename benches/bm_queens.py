# Queens and permutations: recursive generators that search. The N-queens
# solver yields every placement (a tuple of columns, one per row) by extending
# partial placements; a permutation generator written with `yield from` drives
# a brute-force check of the same puzzle on small boards and a small
# assignment problem, and solutions are reduced to canonical forms under the
# board's symmetries.


def placements(n, row=0, cols=(), used=frozenset(), diag=frozenset(), anti=frozenset()):
    if row == n:
        yield cols
        return
    for col in range(n):
        if col in used or row - col in diag or row + col in anti:
            continue
        yield from placements(n, row + 1, cols + (col,), used | {col},
                              diag | {row - col}, anti | {row + col})


def permutations_of(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        head = items[i]
        rest = items[:i] + items[i + 1:]
        for tail in permutations_of(rest):
            tail.insert(0, head)
            yield tail


def peaceful(perm):
    """perm[i] is the column of the queen in row i: no two on a diagonal."""
    seen_diag = set()
    seen_anti = set()
    for row, col in enumerate(perm):
        d = row - col
        a = row + col
        if d in seen_diag or a in seen_anti:
            return False
        seen_diag.add(d)
        seen_anti.add(a)
    return True


class Symmetry:
    """The eight symmetries of a square board acting on a placement."""

    def __init__(self, n):
        self.n = n

    def rotate(self, cols):
        n = self.n
        out = [0] * n
        for row, col in enumerate(cols):
            out[col] = n - 1 - row
        return tuple(out)

    def mirror(self, cols):
        n = self.n
        return tuple(n - 1 - c for c in cols)

    def images(self, cols):
        current = tuple(cols)
        for _ in range(4):
            yield current
            yield self.mirror(current)
            current = self.rotate(current)

    def canonical(self, cols):
        return min(self.images(cols))


def count_queens(n):
    sym = Symmetry(n)
    total = 0
    classes = {}
    for cols in placements(n):
        total += 1
        key = sym.canonical(cols)
        classes[key] = classes.get(key, 0) + 1
    return total, classes


def brute_force(n):
    return sum(1 for perm in permutations_of(list(range(n))) if peaceful(perm))


def best_assignment(costs):
    """Cheapest worker-to-job assignment by trying every permutation."""
    n = len(costs)
    best = None
    best_perm = None
    for perm in permutations_of(list(range(n))):
        cost = 0
        for worker, job in enumerate(perm):
            cost += costs[worker][job]
            if best is not None and cost >= best:
                break
        else:
            best = cost
            best_perm = tuple(perm)
    return best, best_perm


checksum = 0
for n in range(4, 10):
    total, classes = count_queens(n)
    first = min(classes)
    print(f"{n} queens: {total} solutions, {len(classes)} distinct, first {first}")
    checksum = (checksum * 7919 + total * 31 + len(classes)) % 1000003
for n in (6, 7, 8):
    found = brute_force(n)
    print(f"{n} queens by permutations: {found}")
    checksum = (checksum * 7919 + found) % 1000003
costs = [[(i * 37 + j * 91 + i * j * 13) % 50 + 1 for j in range(8)] for i in range(8)]
best, perm = best_assignment(costs)
print("assignment", best, perm)
print("checksum", checksum)
