# Text processing with files: glasspy examples/text_report.py
#
# Writes a small log file into a temporary folder, reads it back line by line, and
# writes a report file next to it: lines per level, the busiest hour, the most
# common words of the messages. Then prints the report and removes the folder.
#
# (Written with what glasspy has today: str methods and dicts do the parsing. Once
# the re and json modules exist, the line parsing could be a regular expression and
# the report could also be written as JSON.)
import os
import time

LOG = """\
2024-03-01T09:15:02 INFO  server started on port 8080
2024-03-01T09:15:07 INFO  worker 1 ready
2024-03-01T09:16:45 WARN  slow request: /search took 1.8s
2024-03-01T10:02:11 ERROR database connection lost
2024-03-01T10:02:12 INFO  retrying database connection
2024-03-01T10:02:14 INFO  database connection restored
2024-03-01T10:30:00 WARN  slow request: /report took 2.4s
2024-03-01T11:45:59 INFO  worker 2 ready
2024-03-01T11:46:03 ERROR request failed: /upload (disk full)
"""

work = os.path.join(os.environ.get("TMPDIR", "/tmp"), "glasspy_text_report_%d" % os.getpid())
os.makedirs(work, exist_ok=True)
log_path = os.path.join(work, "server.log")
report_path = os.path.join(work, "report.txt")

with open(log_path, "w", encoding="utf-8") as f:
    f.write(LOG)

levels = {}
hours = {}
words = {}
errors = []
with open(log_path, encoding="utf-8") as f:
    for number, line in enumerate(f, 1):
        stamp, level, message = line.split(maxsplit=2)
        message = message.rstrip("\n")
        levels[level] = levels.get(level, 0) + 1
        hour = stamp[11:13]
        hours[hour] = hours.get(hour, 0) + 1
        if level == "ERROR":
            errors.append((number, message))
        for word in message.lower().replace(":", " ").replace("(", " ").replace(")", " ").split():
            if len(word) > 3 and not word.startswith("/"):
                words[word] = words.get(word, 0) + 1

busiest = max(sorted(hours), key=lambda h: hours[h])
common = sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))[:4]
when = time.strftime("%A %d %B %Y", time.gmtime(1709284502))

with open(report_path, "w") as out:
    out.write(f"Report for {os.path.basename(log_path)} ({when})\n")
    out.write("=" * 40 + "\n")
    for level in sorted(levels):
        out.write(f"{level:<6}{levels[level]:>3} lines\n")
    out.write(f"busiest hour: {busiest}:00 ({hours[busiest]} lines)\n")
    out.write("common words: " + ", ".join(f"{w} x{n}" for w, n in common) + "\n")
    for number, message in errors:
        print(f"line {number}: {message}", file=out)

print(f"{os.path.getsize(log_path)} bytes read, {os.path.getsize(report_path)} bytes written")
with open(report_path) as f:
    print(f.read(), end="")

for name in os.listdir(work):
    os.remove(os.path.join(work, name))
os.rmdir(work)
print("cleaned up:", not os.path.exists(work))
