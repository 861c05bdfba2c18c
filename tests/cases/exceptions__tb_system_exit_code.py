# SystemExit with an int code: no traceback, that exit status.
print("bye")
raise SystemExit(3)
