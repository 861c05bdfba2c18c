# import of the built-in modules, and from-import.
import math
import sys
from math import sqrt, pi as PI
print(math.floor(2.7), math.ceil(2.1), sqrt(16.0), round(PI, 5))
print(math.gcd(12, 18), math.isqrt(99), math.inf, math.isnan(math.nan))
print(sys.maxsize, sys.version_info[:2] >= (3, 11), type(sys.argv))
print(math.__name__, sys.__name__)
