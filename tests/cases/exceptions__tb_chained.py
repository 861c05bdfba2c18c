# Uncaught chained exceptions: the context traceback, then the new one.
def parse(s):
    try:
        return int(s)
    except ValueError:
        raise RuntimeError("could not parse " + s)
parse("abc")
