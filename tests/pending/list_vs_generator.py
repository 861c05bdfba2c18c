# A list of a million squares against a generator producing the same values.
import sys

n = 1_000_000
squares_list = [i * i for i in range(n)]
squares_gen = (i * i for i in range(n))

# The list holds a pointer to every item (plus over-allocation); the items
# themselves are extra. The generator holds only its suspended frame.
print("list of", n, "squares:", sys.getsizeof(squares_list), "bytes")
print("generator expression:", sys.getsizeof(squares_gen), "bytes")
print("the ints in the list: about", sum(sys.getsizeof(v) for v in squares_list), "bytes more")

# Both give the same total; the generator is used up after one pass.
print("sum of list:", sum(squares_list))
print("sum of generator:", sum(squares_gen))
print("generator again:", sum(squares_gen))
print("list again:", sum(squares_list))

# A generator is an iterator: next() pulls one value at a time.
gen = (i * i for i in range(3))
print(next(gen), next(gen), next(gen), next(gen, "exhausted"))

# python3 prints:
#   list of 1000000 squares: 8448728 bytes
#   generator expression: 208 bytes
#   the ints in the list: about 31868928 bytes more
#   sum of list: 333332833333500000
#   sum of generator: 333332833333500000
#   generator again: 0
#   list again: 333332833333500000
#   0 1 4 exhausted
# glasspy prints: (filled in when glasspy runs this)
