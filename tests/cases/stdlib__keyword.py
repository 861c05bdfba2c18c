# keyword: kwlist, softkwlist, iskeyword, issoftkeyword.
import keyword

print(keyword.kwlist)
print(keyword.softkwlist, len(keyword.kwlist))
for word in ["if", "match", "case", "_", "print", "None", "none", "async", "await", ""]:
    print(repr(word), keyword.iskeyword(word), keyword.issoftkeyword(word))
print(sorted(keyword.__all__))
try:
    keyword.iskeyword([])
except TypeError as e:
    print("TypeError:", e)
