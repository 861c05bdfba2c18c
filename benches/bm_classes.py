# Classes: instance creation, attribute get/set, method calls, properties, super(),
# __eq__/__hash__ keys in a dict, operator overloading.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)


class Shape:
    def __init__(self, name):
        self.name = name
        self.moves = 0

    def area(self):
        return 0

    def move(self):
        self.moves += 1
        return self.moves


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)

    def area(self):
        return super().area() + 1


acc = 0
v = Vec(0, 0)
step = Vec(1, 2)
i = 0
while i < 150000:
    v = v + step * 2
    acc += v.dot(step) % 1000 + v.norm1 % 7
    i += 1

shapes = []
for k in range(50000):
    s = Square(k % 13) if k % 2 else Rect(k % 7, k % 5)
    s.move()
    s.move()
    shapes.append(s)
for s in shapes:
    acc += s.area() + s.moves + len(s.name)

counts = {}
for k in range(150000):
    key = Vec(k % 97, k % 31)
    counts[key] = counts.get(key, 0) + 1
acc += len(counts) + counts[Vec(3, 3)]

print(acc)
