# Literal forms of every built-in type the front end knows.
print(0, 7, -3, 0x1F, 0o17, 0b1011, 1_000_000)
print(1.5, .5, 5., 1e3, 1.5e-3, 1_0.2_5)
print('single', "double", '''triple''', """triple2""")
print('a' 'b' "c")
print(r'raw\n', 'esc\t|', '\x41\u00e9\u03b1')
print(True, False, None, ...)
print([], [1, 2], (), (1,), (1, 2), {}, {1: 2}, {1, 2})
print([1, [2, [3, []]]], ((1,), ()))
