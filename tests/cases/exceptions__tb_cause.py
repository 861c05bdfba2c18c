# Uncaught raise ... from: "The above exception was the direct cause".
d = {}
try:
    d["key"]
except KeyError as e:
    raise LookupError("lookup failed") from e
