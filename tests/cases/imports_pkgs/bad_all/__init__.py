__all__ = ['fine', 42]
fine = 1
