import sys


class Stand_in:
    answer = 42


sys.modules[__name__] = Stand_in()
