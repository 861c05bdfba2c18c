# Shared helper for the numeric test-data generators: a float as a Rust f64 expression.
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
