# Word counts of a text file: glasspy examples/word_report.py
#
# Reads word_report.txt (beside this script), splits it into words with a regular
# expression, counts them with collections.Counter, writes a JSON report into a
# temporary folder, reads it back and prints a summary. A dataclass holds the
# summary's numbers.
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, asdict, field

HERE = os.path.dirname(__file__)
STOP_WORDS = {"the", "a", "and", "in", "of", "on", "that", "he", "it", "is", "to",
              "for", "was", "were", "at", "no", "all", "who", "out", "had", "too"}


@dataclass
class Summary:
    title: str
    lines: int
    words: int
    distinct: int
    longest: str
    top: list = field(default_factory=list)


with open(os.path.join(HERE, "word_report.txt"), encoding="utf-8") as f:
    text = f.read()

lines = text.splitlines()
title = lines[0]
words = [w.lower() for w in re.findall(r"[A-Za-z]+(?:'[a-z]+)?", text)]
counts = Counter(w for w in words if w not in STOP_WORDS)
sentences = [s for s in re.split(r"(?<=[.!?])\s+", " ".join(lines[1:]).strip()) if s]

summary = Summary(
    title=title,
    lines=sum(1 for line in lines if line.strip()),
    words=len(words),
    distinct=len(set(words)),
    longest=max(words, key=lambda w: (len(w), w)),
    top=counts.most_common(5),
)

work = os.path.join(os.environ.get("TMPDIR", "/tmp"), "glasspy_word_report_%d" % os.getpid())
os.makedirs(work, exist_ok=True)
report_path = os.path.join(work, "report.json")
report = asdict(summary)
report["sentences"] = len(sentences)
report["letters"] = dict(sorted(Counter(c for c in text.lower() if c.isalpha()).most_common(3)))
with open(report_path, "w", encoding="utf-8") as f:
    json.dump(report, f, indent=2, sort_keys=True)

with open(report_path, encoding="utf-8") as f:
    loaded = json.load(f)
os.remove(report_path)
os.rmdir(work)

print(f"{loaded['title']!r}: {loaded['lines']} lines, {loaded['sentences']} sentences")
print(f"{loaded['words']} words, {loaded['distinct']} distinct, longest {loaded['longest']!r}")
print("most common (without stop words):")
for word, n in loaded["top"]:
    print(f"  {word:<10} {n:>3} {'#' * n}")
print("letters:", ", ".join(f"{c}={n}" for c, n in loaded["letters"].items()))
print("round trip equal:", Summary(**{k: loaded[k] for k in asdict(summary)}) == Summary(
    **{k: [list(t) for t in v] if k == "top" else v for k, v in asdict(summary).items()}))
print(summary)
