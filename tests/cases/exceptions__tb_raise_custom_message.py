# A raise statement with an explicit exception and message.
def check(v):
    if v < 0:
        raise ValueError(f"negative: {v}")
    return v
check(3)
check(-1)
