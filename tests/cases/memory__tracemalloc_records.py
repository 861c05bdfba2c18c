# tracemalloc's records without tracing: Statistic and StatisticDiff str/repr (average,
# signs), equality and hashing across the two types, Filter and DomainFilter fields.
import tracemalloc as T
tb = T.Traceback((("a.py", 3), ("b.py", 7)))
s1, s2 = T.Statistic(tb, 5000, 3), T.Statistic(tb, 5000, 3)
d = T.StatisticDiff(tb, 5000, -200, 3, -1)
z = T.StatisticDiff(tb, 0, -10, 0, -2)
print(str(s1), repr(s1), s1 == s2, hash(s1) == hash(s2), s1 == d, d == s1, s1 != T.Statistic(tb, 1, 3))
print(str(d), repr(d), str(z), repr(z), d == T.StatisticDiff(tb, 5000, -200, 3, -1), hash(d) == hash(T.StatisticDiff(tb, 5000, -200, 3, -1)))
print(str(T.Statistic(tb, 0, 0)), sorted([d, z], key=lambda x: abs(x.size_diff))[0] is z)
f = T.Filter(True, "x.py", 3)
print(f.filename_pattern, f.lineno, f.inclusive, f.all_frames, f.domain, T.DomainFilter(False, 2).domain)
