"""Pseudo-random numbers, written for glasspy.

The generator is _random.Random (native: the Mersenne Twister and its seeding).
Every method here draws from it in the same order and computes with the same
floating-point operations as python3's, so a seeded Random gives python3's numbers:
integers by rejection sampling on getrandbits(), choices by bisection of cumulative
weights, normalvariate by Kinderman and Monahan's ratio method, gammavariate by
Cheng's method (alpha > 1) and Ahrens and Dieter's (alpha < 1).
"""

import math as _math
from operator import index as _index
from itertools import accumulate as _accumulate, repeat as _repeat
from bisect import bisect as _bisect
import _random
from _random import _sha512_digest, _urandom

__all__ = [
    "Random", "SystemRandom", "betavariate", "choice", "choices", "expovariate",
    "gammavariate", "gauss", "getrandbits", "getstate", "lognormvariate",
    "normalvariate", "paretovariate", "randbytes", "randint", "random", "randrange",
    "sample", "seed", "setstate", "shuffle", "triangular", "uniform",
    "vonmisesvariate", "weibullvariate",
]

# python3's module constants (same values, same float arithmetic).
NV_MAGICCONST = 4 * _math.exp(-0.5) / _math.sqrt(2.0)
TWOPI = 2.0 * _math.pi
LOG4 = _math.log(4.0)
SG_MAGICCONST = 1.0 + _math.log(4.5)
BPF = 53
RECIP_BPF = 2 ** -BPF


def _is_sequence(obj):
    """What sample() accepts as a population (collections.abc.Sequence in python3,
    where the built-in sequences are registered)."""
    if isinstance(obj, (list, tuple, str, range, bytes, bytearray, memoryview)):
        return True
    from collections import deque, abc
    return isinstance(obj, (deque, abc.Sequence))


def _int_arg(value, which):
    # randrange's arguments: an index, or a float that is a whole number.
    if type(value) is int:  # (operator.index is a Python function here)
        return value
    try:
        return _index(value)
    except TypeError:
        whole = int(value)
        if whole != value:
            raise ValueError(f"non-integer {which} for randrange()")
        return whole


def _seed_number(a, version):
    # What the Mersenne Twister is seeded with.
    if version == 1 and isinstance(a, (str, bytes)):
        # python 2's string hash, kept for old seeds
        text = a.decode("latin-1") if isinstance(a, bytes) else a
        h = ord(text[0]) << 7 if text else 0
        for code in map(ord, text):
            h = ((h * 1000003) ^ code) & (2 ** 64 - 1)
        h ^= len(text)
        return -2 if h == -1 else h
    if version == 2 and isinstance(a, (str, bytes, bytearray)):
        raw = a.encode() if isinstance(a, str) else a
        return int.from_bytes(raw + _sha512_digest(raw), "big")
    if a is None or isinstance(a, (int, float, str, bytes, bytearray)):
        return a
    raise TypeError("The only supported seed types are: None,\n"
                    "int, float, str, bytes, and bytearray.")


class Random(_random.Random):
    """A random number generator; subclass it and override random() (and
    getrandbits() for integers of any size) to use another basic generator."""

    VERSION = 3

    def __init__(self, x=None):
        self.seed(x)
        self.gauss_next = None

    def __init_subclass__(cls, /, **kwargs):
        # Which _randbelow a subclass uses: the first class up its MRO that says
        # anything decides -- its own _randbelow, a getrandbits (integers from bits)
        # or only a random() (integers from floats).
        for klass in cls.__mro__:
            own = klass.__dict__
            if "_randbelow" in own:
                return
            if "getrandbits" in own:
                cls._randbelow = cls._randbelow_with_getrandbits
                return
            if "random" in own:
                cls._randbelow = cls._randbelow_without_getrandbits
                return

    def seed(self, a=None, version=2):
        """Seed from an int, float, str, bytes or bytearray (None: the system's
        entropy)."""
        super().seed(_seed_number(a, version))
        self.gauss_next = None

    def getstate(self):
        return (self.VERSION, super().getstate(), self.gauss_next)

    def setstate(self, state):
        version = state[0]
        if version not in (2, 3):
            raise ValueError(f"state with version {version} passed to "
                             f"Random.setstate() of version {self.VERSION}")
        _, words, self.gauss_next = state
        if version == 2:
            # version 2 states may hold the words as negative or long ints
            try:
                words = tuple(w % (2 ** 32) for w in words)
            except ValueError as e:
                raise TypeError from e
        super().setstate(words)

    def __getstate__(self):
        return self.getstate()

    def __setstate__(self, state):
        self.setstate(state)

    def __reduce__(self):
        return type(self), (), self.getstate()

    # ----- integers -------------------------------------------------------------

    def _randbelow_with_getrandbits(self, n):
        """An int in [0, n): as many random bits as n has, drawn again while the
        result is n or more."""
        width = n.bit_length()
        while True:
            got = self.getrandbits(width)
            if got < n:
                return got

    def _randbelow_without_getrandbits(self, n, maxsize=1 << BPF):
        """An int in [0, n) from random() alone (exact only for n < 2**53)."""
        draw = self.random
        if n >= maxsize:
            return _math.floor(draw() * n)
        # reject the top sliver of [0, 1) that would favour the low results
        cutoff = (maxsize - maxsize % n) / maxsize
        while True:
            x = draw()
            if x < cutoff:
                return _math.floor(x * maxsize) % n

    _randbelow = _randbelow_with_getrandbits

    def randbytes(self, n):
        """n random bytes."""
        return self.getrandbits(n * 8).to_bytes(n, "little")

    def randrange(self, start, stop=None, step=1):
        """A random item of range(start, stop, step)."""
        # (an exact int is taken as it is without a call: randrange(n) is the hot case)
        first = start if type(start) is int else _int_arg(start, "arg 1")
        if stop is None:
            if step != 1:
                raise TypeError("Missing a non-None stop argument")
            if first <= 0:
                raise ValueError("empty range for randrange()")
            return self._randbelow(first)
        last = stop if type(stop) is int else _int_arg(stop, "stop")
        span = last - first
        stride = step if type(step) is int else _int_arg(step, "step")
        if stride == 1:
            if span <= 0:
                raise ValueError("empty range for randrange() (%d, %d, %d)"
                                 % (first, last, span))
            return first + self._randbelow(span)
        if stride == 0:
            raise ValueError("zero step for randrange()")
        # how many values the range holds (ceiling division towards the step's sign)
        count = (span + stride - (1 if stride > 0 else -1)) // stride
        if count <= 0:
            raise ValueError("empty range for randrange()")
        return first + stride * self._randbelow(count)

    def randint(self, a, b):
        """A random int in [a, b], both ends included."""
        return self.randrange(a, b + 1)

    # ----- sequences ------------------------------------------------------------

    def choice(self, seq):
        """A random item of a non-empty sequence."""
        size = len(seq)
        if size == 0:
            raise IndexError("Cannot choose from an empty sequence")
        return seq[self._randbelow(size)]

    def shuffle(self, x):
        """Shuffle the list x in place (Fisher-Yates, from the end)."""
        below = self._randbelow
        i = len(x) - 1
        while i > 0:
            j = below(i + 1)
            x[i], x[j] = x[j], x[i]
            i -= 1

    def sample(self, population, k, *, counts=None):
        """k distinct items of the population (counts: how often each repeats)."""
        if not _is_sequence(population):
            raise TypeError("Population must be a sequence.  "
                            "For dicts or sets, use sorted(d).")
        size = len(population)
        if counts is not None:
            return self._sample_counted(population, size, counts, k)
        if not 0 <= k <= size:
            raise ValueError("Sample larger than population or is negative")
        # Copy the population and draw from the shrinking copy while the copy is no
        # bigger than the set of chosen indices would be; else draw indices and
        # reject repeats. (python3's threshold, so the draws are the same.)
        threshold = 21
        if k > 5:
            threshold += 4 ** _math.ceil(_math.log(k * 3, 4))
        below = self._randbelow
        if size <= threshold:
            left = list(population)
            picked = []
            for drawn in range(k):
                j = below(size - drawn)
                picked.append(left[j])
                left[j] = left[size - drawn - 1]
            return picked
        seen = set()
        picked = []
        while len(picked) < k:
            j = below(size)
            if j not in seen:
                seen.add(j)
                picked.append(population[j])
        return picked

    def _sample_counted(self, population, size, counts, k):
        # Each item stands for counts[i] copies: sample positions in the expanded
        # sequence and map each back by bisection.
        ends = list(_accumulate(counts))
        if len(ends) != size:
            raise ValueError("The number of counts does not match the population")
        total = ends.pop()
        if not isinstance(total, int):
            raise TypeError("Counts must be integers")
        if total <= 0:
            raise ValueError("Total of counts must be greater than zero")
        return [population[_bisect(ends, pos)] for pos in self.sample(range(total), k=k)]

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        """k items of the population, with replacement, optionally weighted."""
        draw = self.random
        size = len(population)
        if cum_weights is None and weights is None:
            scale = size + 0.0
            return [population[_math.floor(draw() * scale)] for _ in _repeat(None, k)]
        if cum_weights is None:
            try:
                cum_weights = list(_accumulate(weights))
            except TypeError:
                if isinstance(weights, int):
                    raise TypeError("The number of choices must be a keyword "
                                    f"argument: k={weights!r}") from None
                raise
        elif weights is not None:
            raise TypeError("Cannot specify both weights and cumulative weights")
        if len(cum_weights) != size:
            raise ValueError("The number of weights does not match the population")
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError("Total of weights must be greater than zero")
        if not _math.isfinite(total):
            raise ValueError("Total of weights must be finite")
        top = size - 1
        return [population[_bisect(cum_weights, draw() * total, 0, top)]
                for _ in _repeat(None, k)]

    # ----- real-valued distributions ---------------------------------------------

    def uniform(self, a, b):
        """A float between a and b."""
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        """Triangular distribution between low and high, peaking at mode."""
        u = self.random()
        if mode is None:
            peak = 0.5
        else:
            try:
                peak = (mode - low) / (high - low)
            except ZeroDivisionError:
                return low
        if u > peak:
            # the upper side: mirror the problem
            u, peak = 1.0 - u, 1.0 - peak
            low, high = high, low
        return low + (high - low) * _math.sqrt(u * peak)

    def normalvariate(self, mu=0.0, sigma=1.0):
        """Normal distribution (Kinderman and Monahan's ratio of uniforms)."""
        draw = self.random
        while True:
            a = draw()
            b = 1.0 - draw()
            z = NV_MAGICCONST * (a - 0.5) / b
            if z * z / 4.0 <= -_math.log(b):
                return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        """Normal distribution by the Box-Muller transform: two values per two
        draws, the second kept for the next call."""
        z, self.gauss_next = self.gauss_next, None
        if z is None:
            angle = self.random() * TWOPI
            radius = _math.sqrt(-2.0 * _math.log(1.0 - self.random()))
            z = _math.cos(angle) * radius
            self.gauss_next = _math.sin(angle) * radius
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        return _math.exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        """Exponential distribution with rate lambd."""
        return -_math.log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        """Circular data distribution: mean angle mu, concentration kappa."""
        draw = self.random
        if kappa <= 1e-6:
            return TWOPI * draw()
        half = 0.5 / kappa
        rho = half + _math.sqrt(1.0 + half * half)
        while True:
            z = _math.cos(_math.pi * draw())
            d = z / (rho + z)
            u = draw()
            if u < 1.0 - d * d or u <= (1.0 - d) * _math.exp(d):
                break
        q = 1.0 / rho
        f = (q + z) / (1.0 + q * z)
        if draw() > 0.5:
            return (mu + _math.acos(f)) % TWOPI
        return (mu - _math.acos(f)) % TWOPI

    def gammavariate(self, alpha, beta):
        """Gamma distribution (shape alpha, scale beta)."""
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError("gammavariate: alpha and beta must be > 0.0")
        if alpha > 1.0:
            return self._gamma_cheng(alpha) * beta
        if alpha == 1.0:
            return -_math.log(1.0 - self.random()) * beta
        return self._gamma_small(alpha) * beta

    def _gamma_cheng(self, alpha):
        # R. C. H. Cheng's rejection method for alpha > 1 (scale 1).
        draw = self.random
        a = _math.sqrt(2.0 * alpha - 1.0)
        b = alpha - LOG4
        c = alpha + a
        while True:
            u = draw()
            if not 1e-7 < u < 0.9999999:
                continue
            w = 1.0 - draw()
            v = _math.log(u / (1.0 - u)) / a
            x = alpha * _math.exp(v)
            z = u * u * w
            r = b + c * v - x
            if r + SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _math.log(z):
                return x

    def _gamma_small(self, alpha):
        # Ahrens and Dieter's GS method for 0 < alpha < 1 (scale 1).
        draw = self.random
        e = _math.e
        while True:
            b = (e + alpha) / e
            p = b * draw()
            if p <= 1.0:
                x = p ** (1.0 / alpha)
                if draw() <= _math.exp(-x):
                    return x
            else:
                x = -_math.log((b - p) / alpha)
                if draw() <= x ** (alpha - 1.0):
                    return x

    def betavariate(self, alpha, beta):
        """Beta distribution, from two gamma variates."""
        y = self.gammavariate(alpha, 1.0)
        if not y:
            return 0.0
        return y / (y + self.gammavariate(beta, 1.0))

    def paretovariate(self, alpha):
        return (1.0 - self.random()) ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        return alpha * (-_math.log(1.0 - self.random())) ** (1.0 / beta)


class SystemRandom(Random):
    """Random numbers from the system's entropy source (os.urandom); no state."""

    def random(self):
        # 53 random bits as a float in [0, 1)
        return (int.from_bytes(_urandom(7), "big") >> 3) * RECIP_BPF

    def getrandbits(self, k):
        if k < 0:
            raise ValueError("number of bits must be non-negative")
        nbytes = (k + 7) // 8
        return int.from_bytes(_urandom(nbytes), "big") >> (nbytes * 8 - k)

    def randbytes(self, n):
        return _urandom(n)

    def seed(self, *args, **kwds):
        return None

    def _stateless(self, *args, **kwds):
        raise NotImplementedError("System entropy source does not have state.")

    getstate = setstate = _stateless


# The module's functions are the methods of one shared, self-seeded generator.
_inst = Random()
for _name in ("seed", "random", "uniform", "triangular", "randint", "choice",
              "randrange", "sample", "shuffle", "choices", "normalvariate",
              "lognormvariate", "expovariate", "vonmisesvariate", "gammavariate",
              "gauss", "betavariate", "paretovariate", "weibullvariate", "getstate",
              "setstate", "getrandbits", "randbytes"):
    globals()[_name] = getattr(_inst, _name)
del _name
