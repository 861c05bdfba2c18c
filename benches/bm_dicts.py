# Dicts: word counts over a generated text, then the most common words.
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]
x = 7
text = []
for i in range(400000):
    x = (x * 1103515245 + 12345) % 2147483648
    text.append(words[x % 10] + str(x % 50))
counts = {}
for w in text:
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(len(counts), top)
index = {}
for i, w in enumerate(text[:150000]):
    index.setdefault(w[0], []).append(i)
print(sorted([(k, len(v)) for k, v in index.items()]))
