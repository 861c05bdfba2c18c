__all__ = ["public_one", "_listed_private"]
public_one = 1
public_two = 2
_listed_private = 3
_unlisted = 4
