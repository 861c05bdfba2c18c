# String operators, indexing, slicing, membership, repetition.
s = "hello, world"
print(s[0], s[-1], s[7:], s[:5], s[::2], s[::-1], s[2:9:3])
print(s + "!", s * 2, 3 * "ab", "" * 5)
print("lo" in s, "xyz" not in s, "" in s)
print(len(s), len(""), len("é∂😀"))
print("abc" < "abd", "Z" < "a", "abc" == "abc", "a" != "b", "ab" < "abc")
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\there\n"))
print(repr("\x00\x7f\u200b\U0001f600é"))
print(str(12) + str(3.5) + str(None) + str(True))
for ch in "héllo":
    print(ch, end=" ")
print()
