# Maze: carve a seeded random maze (randomised depth-first search with an explicit
# stack), solve it breadth-first with a deque, then send seeded random walkers
# through it and count the cells they visit with a Counter; a sliding window (a
# deque with maxlen) keeps each walker's recent path to detect when it doubles back.
import random
from collections import Counter, deque

W, H = 101, 81


def carve(rng):
    grid = [[1] * W for _ in range(H)]
    stack = [(1, 1)]
    grid[1][1] = 0
    while stack:
        x, y = stack[-1]
        moves = [(dx, dy) for dx, dy in ((2, 0), (-2, 0), (0, 2), (0, -2))
                 if 0 < x + dx < W - 1 and 0 < y + dy < H - 1 and grid[y + dy][x + dx]]
        if not moves:
            stack.pop()
            continue
        dx, dy = rng.choice(moves)
        grid[y + dy // 2][x + dx // 2] = 0
        grid[y + dy][x + dx] = 0
        stack.append((x + dx, y + dy))
    return grid


def solve(grid, start, goal):
    prev = {start: None}
    queue = deque([start])
    while queue:
        cell = queue.popleft()
        if cell == goal:
            break
        x, y = cell
        for nxt in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
            if not grid[nxt[1]][nxt[0]] and nxt not in prev:
                prev[nxt] = cell
                queue.append(nxt)
    path = deque()
    cell = goal
    while cell is not None:
        path.appendleft(cell)
        cell = prev[cell]
    return path


def walk(grid, rng, steps, visits):
    x, y = 1, 1
    recent = deque(maxlen=8)
    backtracks = 0
    for _ in range(steps):
        options = [(x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)]
        options = [c for c in options if not grid[c[1]][c[0]]]
        x, y = options[rng.randrange(len(options))]
        if (x, y) in recent:
            backtracks += 1
        recent.append((x, y))
        visits[(x, y)] += 1
    return backtracks


def main():
    rng = random.Random(2024)
    total = 0
    for round_ in range(3):
        grid = carve(rng)
        path = solve(grid, (1, 1), (W - 2, H - 2))
        visits = Counter()
        back = sum(walk(grid, rng, 20000, visits) for _ in range(6))
        top = visits.most_common(3)
        total += len(path) + back
        print(round_, len(path), back, len(visits), top[0][1], sum(visits.values()))
    shuffled = list(range(50))
    rng.shuffle(shuffled)
    print(total, shuffled[:8], rng.sample(range(1000), 4), round(rng.gauss(0, 1), 6))


main()
