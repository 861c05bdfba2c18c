"""A package: its __init__ runs first, then the submodules it imports."""
print("shapes: init", __name__, __package__)
from . import circle
from .square import Square
DEFAULT_SIDE = 2
__all__ = ["circle", "Square", "triangle"]
