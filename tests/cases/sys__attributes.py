# The sys module: version info and flags as struct sequences, implementation,
# float_info / int_info / hash_info, path and modules, the encodings, limits.
import sys

print(sys.version_info >= (3, 11), sys.version_info[:2], sys.version_info.major, sys.version_info.minor)
print(type(sys.version_info).__name__, len(sys.version_info), tuple(sys.version_info)[:2])
print(sys.hexversion >= 0x030b0000, sys.version.startswith("3.11"))
print(sys.implementation.cache_tag is None or sys.implementation.cache_tag.startswith("cpython"))
print(type(sys.implementation).__name__, hasattr(sys.implementation, "name"))
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info[0] == sys.float_info.max)
print(sys.int_info)
print(sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.algorithm)
print(type(sys.flags).__name__, len(sys.flags), sys.flags.optimize, sys.flags.no_site, sys.flags.hash_randomization)
print(sys.flags.debug, sys.flags.inspect, sys.flags.dev_mode, sys.flags.int_max_str_digits)
print(sys.maxsize, sys.maxunicode, sys.byteorder, sys.platform)
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.float_repr_style)
print(sys.getrecursionlimit(), type(sys.path).__name__, sys.path[0] == sys.path[0].rstrip("/"))
print(sys.modules["sys"] is sys, "builtins" in sys.modules, "__main__" in sys.modules)
print("sys" in sys.builtin_module_names, "gc" in sys.builtin_module_names, type(sys.builtin_module_names).__name__)
print(type(sys.stdlib_module_names).__name__, all(n in sys.stdlib_module_names for n in ["sys", "functools", "itertools", "copy", "heapq"]))
print(type(sys.executable).__name__, len(sys.argv), sys.argv[0].endswith("sys__attributes.py"))
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
print(sys.stdout.writable(), sys.stdin.readable(), sys.stdin.fileno(), sys.stdout.fileno())
print(sys.stdin.readline(), end="")
print(repr(sys.stdin.read(5)))
print([line for line in sys.stdin])
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
print(sys.exc_info())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb.tb_lineno)
a, b, c, d, e = sys.version_info
print(a, d)
print(sys.getsizeof(sys) == sys.getsizeof(type(sys)("m")), sys.intern("ab" + "c") is sys.intern("abc"))
print(sys.warnoptions, sys.api_version)
