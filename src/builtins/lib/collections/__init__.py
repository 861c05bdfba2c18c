"""Container datatypes (glasspy's own): deque (native, from _collections)."""

from _collections import deque, _count_elements

__all__ = ["deque"]
