# The json module: loads errors with their positions, deep nesting, dumps options,
# encoder and decoder hooks and subclasses, bytes input, dump / load on files.
import json
for s in ['', ' ', '[', '[1,', '[1 2]', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,}', '{1:2}', '"abc', '"a\\x"', '"\\u12"', '"\\u12zz"', '"a\nb"', '[1,]', 'nul', 'tru', '1.', '-', '-a', '01', '1e', '1e+', '[1] x', '\ufeff1', '"\\', '"\\u', '["a" "b"]', '{"a" 1}', 'NaN', '-Infinity', 'infinity', '"\\ud800"', '"\\ud83d\\ude00"',
   '{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d\\n\\u00e9"}}', '  [ ]  ', ' {} ', '123456789012345678901234567890', '-0', '1E5', '0.1e-3', '"\\/\\b\\f\\r\\t"']:
    try: print(repr(s), repr(json.loads(s)))
    except json.JSONDecodeError as e: print(repr(s), e, '|', e.msg, e.pos, e.lineno, e.colno)
try: json.loads('['*100000)
except RecursionError as e: print(e)
try: json.loads('{"a":'*100000)
except RecursionError as e: print(e)
l=[]
for i in range(100000): l=[l]
try: json.dumps(l)
except RecursionError as e: print(e)
try: json.dumps(l, indent=1)
except RecursionError as e: print(str(e)[:80])
d={}
for i in range(100000): d={'a':d}
try: json.dumps(d)
except RecursionError as e: print(e)
for v in [float('nan'), {1.5:float('inf')}, {(1,):2}, set(), {'a': set()}]:
  try: print(json.dumps(v, allow_nan=False))
  except Exception as e: print(type(e).__name__, e)
  try: print(json.dumps(v, allow_nan=False, indent=1))
  except Exception as e: print(type(e).__name__, e)
a=[]; a.append(a)
try: json.dumps(a)
except ValueError as e: print(e)
try: json.loads(5)
except TypeError as e: print(e)
v = {"b": [1, 2.0, 1e100, -0.0, 3.14, None, True, "x\u00e9\U0001f600\n\"\\"], "a": {}, "c": [], 1: 2, 2.5: 3, None: 4, False: 5}
print(json.dumps(v))
print(json.dumps(v, ensure_ascii=False))
print(json.dumps(v, indent=2))
print(json.dumps(v, indent="\t", separators=(",", "=")))
print(json.dumps({"b": 1, "a": [1, {"z": 1, "y": 2}]}, sort_keys=True, indent=0))
print(json.dumps({(1, 2): 1, "a": 2}, skipkeys=True))
print(json.dumps(set([1]), default=sorted), json.dumps([1, (2, 3)]), json.dumps("a\u20ac"), json.dumps(1 << 70))
class E(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex): return [o.real, o.imag]
        return super().default(o)
print(json.dumps([1j, 2], cls=E), E().encode({"k": 3j}), "".join(E(indent=1).iterencode([1])))
print(json.loads('{"a": 1.5, "b": 2}', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('[NaN, Infinity]', parse_constant=lambda s: s))
print(json.loads('{"a": 1, "a": 2, "b": {"c": 3}}', object_pairs_hook=list))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads(b'{"x": [1, "\xc3\xa9"]}'), json.loads(bytearray(b'[1]')))
print(json.loads('"a\tb"', strict=False))
print(json.JSONDecoder().raw_decode('[1, 2] tail'), json.decoder.scanstring('"abc" x', 1))
print(issubclass(json.JSONDecodeError, ValueError), json.JSONDecodeError.__module__)
try: json.dumps({1: 2, "a": 3}, sort_keys=True)
except TypeError as e: print(e)
import io
f = io.StringIO(); json.dump({"a": [1, 2]}, f, indent=1); print(f.getvalue()); f.seek(0); print(json.load(f))
print(json.dumps(float("nan")), json.dumps([float("inf"), -float("inf")]), json.dumps(1.0), json.dumps(0.1 + 0.2))
print(json.dumps([True, False, None], separators=(",", ":")))
