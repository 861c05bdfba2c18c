from ..circle import Circle, PI
from .. import square
from .. import triangle as top_via_relative
from . import __name__ as util_name


def describe():
    return "%s %s %s %s" % (Circle(1).area() == PI, square.Square(3).area(),
                            top_via_relative.__name__, util_name)
