# re's flags are a real IntFlag made global with enum.global_enum: reprs as python3's
# (re.IGNORECASE|re.MULTILINE), str, format, arithmetic, unknown bits in hex; and
# enum's global_* functions on their own.
import re, enum, copy
print(repr(re.I|re.M), str(re.I|re.M), repr(re.I), str(re.I), re.I, re.NOFLAG, repr(re.NOFLAG))
print(repr(~re.I), re.I | 8192 * 2, repr(re.compile('a', re.I | re.X)), re.compile('a', re.I).flags)
print(format(re.I), f'{re.I:d}', f'{re.I|re.M:x}', re.I.name, re.I.value, re.RegexFlag(2), re.RegexFlag(0))
print(list(re.RegexFlag.__members__), type(re.I), re.RegexFlag.__mro__)
print(isinstance(re.I, int), re.I == 2, re.I + 1, hash(re.I) == hash(2), re.I & re.M, re.I & 2, 2 | re.I)
print(re.I in (re.I | re.M), list(re.I | re.M), len(re.I | re.M | re.S), bool(re.NOFLAG))
print(re.A is re.ASCII, re.T, re.DEBUG, re.U | re.L, re.I ^ re.I, -re.I, re.I * 2)
print(copy.copy(re.S), copy.deepcopy(re.X), re.I.__reduce_ex__(2))
print(re.findall("a.", "A\nab", re.I | re.S), re.search("^b", "a\nb", re.M).group())
print(re.RegexFlag(2 | 16384), repr(re.RegexFlag(16384)))
print(enum.global_enum.__name__, sorted(n for n in enum.__all__ if n.startswith("global")))

class Color(enum.Enum):
    RED = 1
    GREEN = 2
print(repr(enum.global_enum_repr(Color.RED)), enum.global_str(Color.GREEN))

class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1
print(enum.global_flag_repr(Perm.R | Perm.W), enum.global_flag_repr(Perm(8)), enum.global_str(Perm.R | Perm.X))
print(enum.global_str(Perm(0)), enum.global_flag_repr(Perm(0)))
