# A list holds every value at once; a generator holds one suspended frame and makes
# the values one at a time. The comments give what glasspy and python3 print.
import sys


def squares_list(n):
    return [i * i for i in range(n)]


def squares_gen(n):
    for i in range(n):
        yield i * i


for n in (10, 1000, 100000):
    lst = squares_list(n)
    gen = squares_gen(n)
    # The list's own block: 56 bytes plus one 8-byte pointer per item (it grew by
    # appends, so a few spare slots too); the ints it points to come on top.
    ints = sum(sys.getsizeof(v) for v in lst)
    print(f"n={n}: list {sys.getsizeof(lst)} bytes + {ints} bytes of ints,",
          f"generator {sys.getsizeof(gen)} bytes")
    # Both give the same values.
    print("  same sum:", sum(lst) == sum(gen))
# glasspy prints:
#   n=10: list 184 bytes + 280 bytes of ints, generator 208 bytes
#   n=1000: list 8856 bytes + 28000 bytes of ints, generator 208 bytes
#   n=100000: list 800984 bytes + 3068928 bytes of ints, generator 208 bytes
# python3 prints:
#   n=10: list 184 bytes + 280 bytes of ints, generator 208 bytes
#   n=1000: list 8856 bytes + 28000 bytes of ints, generator 208 bytes
#   n=100000: list 800984 bytes + 3068928 bytes of ints, generator 208 bytes
# (each followed by "  same sum: True")

# A generator's size is fixed by its code: CPython allocates the frame (locals plus
# the deepest the value stack gets) inside the generator object.
def one():
    yield 1


def four_locals():
    a = b = c = d = 0
    yield a


print("def one(): yield 1 ->", sys.getsizeof(one()))       # 176 in both
print("four locals ->", sys.getsizeof(four_locals()))      # 216 in both
print("(i for i in r) ->", sys.getsizeof(i for i in range(3)))  # 200 in both

# A generator is used up after one pass; a list can be walked again.
gen = squares_gen(3)
print(list(gen), list(gen))   # [0, 1, 4] [] in both
lst = squares_list(3)
print(list(lst), list(lst))   # [0, 1, 4] [0, 1, 4] in both
