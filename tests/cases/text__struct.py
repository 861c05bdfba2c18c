# struct: sizes, alignment, every format character, byte orders, Struct, errors.
import struct
import array

def show(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(struct.error, struct.Struct, struct.error.__mro__)
print(sorted(struct.__all__))
print(issubclass(struct.error, Exception))

codes = "xcbB?hHiIlLqQnNefdspP"
for prefix in ["", "@", "=", "<", ">", "!"]:
    row = []
    for c in codes:
        try:
            row.append(struct.calcsize(prefix + c))
        except struct.error as e:
            row.append(str(e))
    print(repr(prefix), row)

# native alignment
for f in ["bi", "@bi", "=bi", "bq", "bh", "hb", "bd", "bxi3s2p", "ci", "bq0i", "b0q",
          "3b0l", "?e", "b e", "5sq", "iP", "bn", "2h3i"]:
    print(f, struct.calcsize(f))

# round trips
vals = {
    'b': [-128, 0, 127], 'B': [0, 255], 'h': [-32768, 32767], 'H': [65535],
    'i': [-2**31, 2**31 - 1], 'I': [2**32 - 1], 'l': [-2**31, 2**31 - 1],
    'L': [2**32 - 1], 'q': [-2**63, 2**63 - 1], 'Q': [2**64 - 1], 'n': [-5], 'N': [5],
    'P': [0, 2**64 - 1],
}
for c, vs in vals.items():
    for p in "@<>":
        if p != "@" and c in "nNP":
            continue
        for v in vs:
            b = struct.pack(p + c, v)
            print(p + c, v, b, struct.unpack(p + c, b))

print(struct.pack("<l", -1), struct.pack(">L", 1), struct.calcsize("<l"))
print(struct.pack(">i", True), struct.pack("?", []), struct.pack("?", "x"))
print(struct.unpack("?", b"\x05"), struct.unpack("3?", b"\x00\x01\x02"))
print(struct.pack("c", b"z"), struct.unpack("3c", b"abc"))
print(struct.pack("5s", b"ab"), struct.pack("2s", b"abcd"), struct.pack("0s", b"x"))
print(struct.pack("5p", b"abcdefg"), struct.pack("5p", b"ab"), struct.unpack("5p", b"\x09abcd"))
print(struct.pack("s", bytearray(b"q")), struct.unpack("4s", bytearray(b"wxyz")))
print(len(struct.pack("300p", b"a" * 300)), struct.pack("300p", b"a" * 300)[:3])
print(struct.pack("3x"), struct.pack("b2xb", 1, 2))

# floats
for x in [0.0, -0.0, 1.5, -2.25, 1e-8, 65504.0, 65519.0, 0.1, 1 / 3, float("inf"),
          float("-inf"), 6e-8, 3e-8, 2.0 ** -24, 1.0009765625, 1.00146484375]:
    for c in "efd":
        b = struct.pack("<" + c, x)
        print(c, x, b, struct.unpack("<" + c, b), struct.pack(">" + c, x))
print(struct.unpack("<e", struct.pack("<e", float("nan")))[0])
print(struct.pack("f", 1e300), struct.pack("d", 3), struct.unpack("<e", b"\x01\x00"))
print(struct.unpack("<e", b"\x00\x7c"), struct.unpack("<e", b"\xff\x7b"))

class Idx:
    def __index__(self):
        return 7
class Flt:
    def __float__(self):
        return 2.5
print(struct.pack("i", Idx()), struct.pack("f", Idx()), struct.pack("d", Flt()))

# Struct
s = struct.Struct("<ih2s")
print(s.format, s.size, s.pack(1, 2, b"xy"), s.unpack(b"\x01\x00\x00\x00\x02\x00xy"))
print(struct.Struct(b">q").format, struct.Struct("").size, struct.Struct("").pack())
print(type(s).__name__, type(s).__module__, isinstance(s, struct.Struct))
buf = bytearray(12)
s.pack_into(buf, 2, -1, -2, b"zz")
print(buf, s.unpack_from(buf, 2), s.unpack_from(buf, offset=2), s.unpack_from(buffer=buf, offset=-8))
print(list(s.iter_unpack(bytes(16))))
it = struct.iter_unpack(">h", b"\x00\x01\x00\x02\x00\x03")
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it),
      it.__length_hint__())
print(list(struct.iter_unpack("b", b"")))

# buffers of other kinds
a = array.array("b", [0] * 8)
struct.pack_into("<hh", a, 4, 258, -1)
print(a, struct.unpack_from("<hh", a, 4))
m = memoryview(bytearray(6))
struct.pack_into(">i", m, 1, 0x01020304)
print(m.tobytes(), struct.unpack(">i", m[1:5]), struct.unpack_from("2B", memoryview(b"\x07\x08")))
struct.pack_into("b", m, -1, 9)
print(m.tobytes())

# errors
show(struct.pack, "i")
show(struct.pack, "i", 1, 2)
show(struct.pack, "z")
show(struct.pack, "<n", 1)
show(struct.pack, ">P", 1)
show(struct.pack, "3")
show(struct.pack, "i i", 1, 2)
show(struct.pack, "4 i", 1)
show(struct.calcsize, "99999999999999999999i")
show(struct.calcsize, "i\0")
show(struct.calcsize, 5)
show(struct.Struct, 5)
show(struct.pack)
show(struct.unpack, "i")
for c in "bBhHiIlLqQnNP":
    for v in [2**70, -2**70, 2**64, 2**32, 65536, 256, -1, -129, 1.5, "1", None]:
        show(struct.pack, c, v)
        if c not in "nNP":
            show(struct.pack, ">" + c, v)
show(struct.pack, "c", b"ab")
show(struct.pack, "c", "a")
show(struct.pack, "c", bytearray(b"a"))
show(struct.pack, "s", "a")
show(struct.pack, "p", 1)
show(struct.pack, "f", "a")
show(struct.pack, "d", None)
show(struct.pack, "<f", 1e300)
show(struct.pack, "e", 1e300)
show(struct.pack, "e", 65520.0)
show(struct.pack, "x", 1)
show(struct.unpack, "i", b"abc")
show(struct.unpack, "i", "abcd")
show(struct.unpack, "i", b"abcde")
show(struct.unpack_from, "i", b"abcde", 2)
show(struct.unpack_from, "i", b"abcde", -10)
show(struct.unpack_from, "i", b"abcde", 10)
show(struct.unpack_from, "i", b"abcde", -2)
show(struct.unpack_from, "i", b"abcde", -5)
show(struct.pack_into, "i", bytearray(5), 2, 1)
show(struct.pack_into, "i", bytearray(5), -10, 1)
show(struct.pack_into, "i", bytearray(5), 10, 1)
show(struct.pack_into, "i", bytearray(5), -2, 1)
show(struct.pack_into, "i", b"12345", 0, 1)
show(struct.pack_into, "i", memoryview(bytearray(8)).toreadonly(), 0, 1)
show(struct.pack_into, "i", bytearray(5), 0)
show(struct.pack_into, "i", bytearray(5))
show(struct.pack_into, "i")
show(struct.iter_unpack, "i", b"12345")
show(struct.iter_unpack, "", b"12345")
show(s.pack, 1)
show(s.unpack, b"1234")
show(s.pack_into, bytearray(3), 0, 1, 2, b"")
try:
    struct.pack("b", 999)
except struct.error as e:
    print(repr(e), e.args)
struct._clearcache()
print(struct.calcsize("i"))
struct.unpack("<i", b"\x01\x00")
