# __init_subclass__: hooks on subclass creation, keyword arguments, chaining.
class Plugin:
    registry = {}

    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        key = name or cls.__name__.lower()
        print("registering", cls.__name__, "as", key)
        Plugin.registry[key] = cls


class Csv(Plugin):
    pass


class Json(Plugin, name="js"):
    pass


class Pretty(Json):
    pass


print(sorted(Plugin.registry), Plugin.registry["js"] is Json)
print(type(Plugin.__dict__["__init_subclass__"]).__name__)   # implicitly a classmethod


class Counted:
    def __init_subclass__(cls):
        cls.depth = getattr(cls, "depth", 0) + 1
        print(cls.__name__, "depth", cls.depth)


class L1(Counted): pass
class L2(L1): pass
class L3(L2): pass


print(Counted.__dict__.get("depth"), L3.depth)


class Override(Plugin):
    def __init_subclass__(cls, **kw):
        print("Override hook for", cls.__name__, "kw", kw)
        super().__init_subclass__(**kw)


class Child(Override, name="kid"):
    pass


print("kid" in Plugin.registry, "child" in Plugin.registry, "override" in Plugin.registry)
try:
    class Bad(Counted, extra=1):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Plain(object, flag=True):
        pass
except TypeError as e:
    print("TypeError:", e)


class Validated:
    required = ()

    def __init_subclass__(cls):
        for attr in cls.required:
            if attr not in cls.__dict__:
                raise TypeError(f"{cls.__name__} must define {attr}")


class Shape(Validated):
    required = ("area",)

    def area(self):
        return 0


try:
    class Square(Shape):
        pass
except TypeError as e:
    print("TypeError:", e)
print("Square" in globals(), Shape().area())
D = type("D", (Plugin,), {})
print("d" in Plugin.registry)
