# RecursionError at the default limit: the repeated frames are folded.
def down(n):
    return down(n + 1)
down(0)
