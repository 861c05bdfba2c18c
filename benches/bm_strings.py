# Strings: formatting, join, split, replace, and concatenation.
lines = []
for i in range(150000):
    lines.append(f"{i:06d},{i * 7 % 1000:>4},item-{i % 97}")
blob = "\n".join(lines)
fields = 0
total = 0
for line in blob.split("\n"):
    parts = line.split(",")
    fields += len(parts)
    total += int(parts[1])
s = blob.replace("item", "thing").upper()
acc = ""
for i in range(50000):
    acc += str(i % 10)
print(fields, total, len(s), s[:30], len(acc), "{:.3f}".format(total / fields))
