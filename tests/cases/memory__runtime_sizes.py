# sys.getsizeof of the runtime object types (shared/reference/sizes.tsv).
import sys
def plain():
    pass
def outer():
    y = 1
    def inner():
        return y
    return inner
print(sys.getsizeof(plain), sys.getsizeof(lambda: 0), sys.getsizeof(outer()))
print(sys.getsizeof(outer().__closure__[0]))
print(sys.getsizeof(len), sys.getsizeof([].append))
print(sys.getsizeof(range(10)), sys.getsizeof(range(2**70)))
print(sys.getsizeof(iter([])), sys.getsizeof(iter(())), sys.getsizeof(iter("")),
      sys.getsizeof(iter(range(3))), sys.getsizeof(iter({})), sys.getsizeof(iter(set())))
print(sys.getsizeof(enumerate([])), sys.getsizeof(zip()), sys.getsizeof(map(len, [])),
      sys.getsizeof(filter(None, [])), sys.getsizeof(reversed([])))
print(sys.getsizeof(slice(1, 2)), sys.getsizeof(sys), sys.getsizeof(object()))
print(sys.getsizeof(ValueError("boom")))
