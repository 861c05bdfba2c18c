# Text processing: a generated log of a few hundred KB tokenized and scanned with
# re (findall, finditer with groups, sub, split), and records round-tripped through
# json (dumps with and without indent, loads).
import json
import re

WORDS = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu "
         "request response error warning timeout user session cache "
         "r\u00e9sum\u00e9 na\u00efve").split()
seed = 12345


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n


lines = []
for i in range(4000):
    words = " ".join(WORDS[rand(len(WORDS))] for _ in range(6 + rand(8)))
    lines.append("2024-%02d-%02d %02d:%02d:%02d [%s] user=%d id=%x took=%d.%03dms %s"
                 % (1 + rand(12), 1 + rand(28), rand(24), rand(60), rand(60),
                    ("INFO", "WARN", "ERROR")[rand(3)], rand(5000), rand(1 << 30),
                    rand(900), rand(1000), words))
text = "\n".join(lines)

token = re.compile(r"\d+(?:\.\d+)?|[^\W\d]+|[^\s\w]")
tokens = token.findall(text)
entry = re.compile(r"^(\d{4})-(\d\d)-(\d\d) (\d\d):\d\d:\d\d \[(\w+)\] user=(?P<user>\d+) "
                   r"id=(?P<id>[0-9a-f]+) took=(?P<ms>[\d.]+)ms (?P<msg>.*)$", re.M)
levels = {}
slow = 0
records = []
for m in entry.finditer(text):
    levels[m.group(5)] = levels.get(m.group(5), 0) + 1
    if float(m.group("ms")) > 800:
        slow += 1
    records.append({"date": "-".join(m.group(1, 2, 3)), "level": m.group(5),
                    "user": int(m.group("user")), "id": m.group("id"),
                    "ms": float(m.group("ms")), "words": m.group("msg").split()})
masked = re.sub(r"user=\d+", "user=***", text)
ids = re.sub(r"id=([0-9a-f]+)", lambda m: "id=" + m.group(1).upper(), text)
pieces = re.split(r"\s*\[(?:INFO|WARN|ERROR)\]\s*", text)
words = re.findall(r"(?i)\b(?:error|timeout)\w*", text)

blob = json.dumps(records)
back = json.loads(blob)
pretty = json.dumps(records[:800], indent=2, sort_keys=True, ensure_ascii=False)
again = json.loads(pretty)
total = 0
for rounds in range(3):
    total += len(json.dumps(json.loads(blob)))

print(len(text), len(tokens), tokens[:8])
print(sorted(levels.items()), slow, len(records))
print(len(masked), masked[:60])
print(ids[40:90], len(pieces), len(words))
print(len(blob), back == records, len(pretty), again == records[:800], total)
print(blob[:120])
