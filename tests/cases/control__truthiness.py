# Truth values of the built-in types.
for v in [0, 1, 0.0, 2.5, "", "a", [], [0], (), (0,), {}, {0: 0}, None]:
    if v:
        print(repr(v), "true")
    else:
        print(repr(v), "false")
print(bool([]), bool("x"), not [], not not 3)
