"""A plain module: functions, a class, a constant and private names."""
GREETING = "hello"
_private = "hidden"
__dunder_thing__ = "dunder"


def greet(name):
    return GREETING + ", " + name


class Box:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Box(%r)" % (self.v,)


def where():
    return __name__
