# Shared helpers for the numeric test-data generators: floats and strs as Rust literals.
import math

def rf(x):
    if math.isnan(x):
        return "f64::NAN"
    if math.isinf(x):
        return "f64::INFINITY" if x > 0 else "f64::NEG_INFINITY"
    r = repr(x)
    if 'e' not in r and '.' not in r:
        r += '.0'
    return r if x >= 0 or r.startswith('-') else r


def rs(s):
    """A str as a Rust string literal."""
    out = []
    for c in s:
        if c in '\\"':
            out.append('\\' + c)
        elif c.isprintable() and c != '\x7f':
            out.append(c)
        else:
            out.append('\\u{%x}' % ord(c))
    return '"' + ''.join(out) + '"'
