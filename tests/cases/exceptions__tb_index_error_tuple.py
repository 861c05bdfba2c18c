# IndexError: tuple index out of range, in a nested call.
def get(t, i):
    return t[i]
def main():
    return get((1, 2), -3)
main()
