# The str methods a program reaches for.
s = "  Hello, World  "
print(s.strip() + "|", s.lstrip() + "|", s.rstrip() + "|")
print(s.upper(), s.lower(), s.title(), "hello world".capitalize(), s.swapcase())
print("a,b,,c".split(","), "a b  c".split(), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"))
print(s.replace("l", "L"), s.replace("l", "L", 1), s.find("o"), s.find("z"), s.rfind("o"))
print(s.index("W"), s.count("l"), "aaa".count("a"), "abc".startswith("ab"), "abc".endswith(("x", "c")))
print("42".isdigit(), "ab".isalpha(), "a1".isalnum(), "  ".isspace(), "Ab".isupper(), "ab".islower())
print("x".center(5, "*"), "x".ljust(3, "-") + "|", "x".rjust(3) + "|", "42".zfill(5), "-42".zfill(5))
print("a\nb\r\nc".splitlines(), "k=v".partition("="), "a.b.c".rpartition("."))
print("{} and {}".format(1, 2), "{1}{0}".format("a", "b"), "{x:>4}".format(x=7))
print("hello"[1:3].upper(), "%s is %d" % ("x", 5), "%05.1f%%" % 3.14159)
print("abc".removeprefix("a"), "abc".removesuffix("c"), "tab\tx".expandtabs(4))
