# heapq: the heap operations (the list's layout after each, as CPython leaves it),
# nlargest / nsmallest with key, merge with key and reverse.
import heapq

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
    print(h)
print([heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 10), data)
print(heapq.heappushpop(data, -1), heapq.heappushpop(data, 11), data)
print(sorted(data) == [heapq.heappop(data) for _ in range(len(data))])
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)
try:
    heapq.heappush((), 1)
except TypeError as e:
    print("TypeError:", e)

words = ["pear", "fig", "banana", "kiwi", "apple", "date"]
print(heapq.nlargest(3, words, key=len), heapq.nsmallest(2, words, key=len))
print(heapq.nlargest(2, [1, 5, 3, 5]), heapq.nsmallest(3, [4, 1, 3, 1, 2]), heapq.nsmallest(0, [1]))
print(heapq.nlargest(10, [3, 1, 2]), heapq.nsmallest(1, []))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge(["a", "dd"], ["bbb", "cc"], key=len)))
print(list(heapq.merge([7, 4, 1], [8, 5, 2], reverse=True)), list(heapq.merge()), list(heapq.merge([], [1])))
tasks = []
for priority, name in [(2, "write"), (1, "plan"), (3, "ship"), (1, "coffee")]:
    heapq.heappush(tasks, (priority, name))
print([heapq.heappop(tasks) for _ in range(len(tasks))])
print(sorted(heapq.__all__))
