class ModError(Exception):
    pass


class Outer:
    class Inner(ValueError):
        pass
