# list methods (expected output: list.expected, made by regen.py with python3)
l = [3, 1, 2]
l.append(4)
l.extend([5, 6])
l.extend((7,))
l.extend("ab")
l.insert(0, 9)
l.insert(-1, 8)
l.insert(100, 10)
l.insert(-100, 11)
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove("a")
print(l, l.index(2), l.index(5, 3), l.index(5, -5, -1), l.count(3), l.count(42))
n = [5, 3, 8, 1, 9, 2, 7]
n.sort()
print(n)
n.sort(reverse=True)
print(n)
n.sort(key=lambda x: x % 3)
print(n)
n.sort(key=lambda x: x % 3, reverse=True)
print(n)
w = ["bb", "a", "ccc", "dd", "e"]
w.sort(key=len)
print(w)
w.sort(key=None, reverse=False)
print(w)
p = [(1, "b"), (0, "z"), (1, "a"), (0, "y")]
p.sort()
print(p)
f = [2.5, -1, 3, 0.5, True]
f.sort()
print(f)
nums = []
v = 1
for c in "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz0123456789":
    v = (v * 7919 + 13) % 1009
    nums.append(v)
s1 = nums.copy()
s1.sort()
print(len(nums), s1[:10], s1[-5:])
s1.sort(key=lambda x: x % 10)
print(s1[:12])
s1.sort(key=lambda x: x % 10, reverse=True)
print(s1[:12])
r = [1, 2, 3]
r.reverse()
print(r, r.copy(), r.copy() is r)
r.clear()
print(r)