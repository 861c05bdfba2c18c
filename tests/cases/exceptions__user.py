# User-defined exception classes: attributes, args, str/repr, matching, chaining.
class AppError(Exception):
    """Root of this program's errors."""


class ConfigError(AppError):
    def __init__(self, key, reason):
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason


class MissingKey(ConfigError, KeyError):
    pass


class Quiet(AppError):
    def __str__(self):
        return "quiet!"


class NoSuper(ValueError):
    def __init__(self, code):
        self.code = code


e = ConfigError("port", "not a number")
print(e.args, str(e), repr(e), e.key, e.reason)
print(AppError().args, str(AppError()), repr(AppError("a", 2)), str(AppError("a", 2)))
print(repr(Quiet("x")), str(Quiet("x")), Quiet("x").args)
n = NoSuper(7)
print(n.args, repr(n), str(n) == "", n.code)
print([k.__name__ for k in MissingKey.__mro__])
for exc in (ConfigError("a", "b"), MissingKey("host", "absent"), Quiet(), NoSuper(1), AppError("root")):
    try:
        raise exc
    except MissingKey as caught:
        print("MissingKey handler:", caught, caught.key)
    except ConfigError as caught:
        print("ConfigError handler:", caught)
    except (Quiet, ValueError) as caught:
        print("tuple handler:", type(caught).__name__, caught)
    except AppError as caught:
        print("AppError handler:", repr(caught))
try:
    raise MissingKey("k", "r")
except LookupError as caught:
    print("caught as LookupError:", type(caught).__name__, isinstance(caught, AppError))
try:
    raise AppError
except AppError as caught:
    print("raised the class:", repr(caught), type(caught) is AppError)


def load(text):
    try:
        return int(text)
    except ValueError as err:
        raise ConfigError("timeout", "bad int") from err


try:
    load("x")
except ConfigError as caught:
    print(caught, "| cause:", repr(caught.__cause__), "| suppress:", caught.__suppress_context__)
try:
    try:
        raise Quiet()
    except Quiet:
        raise AppError("while handling")
except AppError as caught:
    print(caught, "| context:", type(caught.__context__).__name__, caught.__cause__)
try:
    raise AppError("no chain") from None
except AppError as caught:
    print(caught.__cause__, caught.__suppress_context__)
e2 = AppError("x")
e2.extra = [1, 2]
e2.args = ("changed", 3)
print(str(e2), repr(e2), e2.extra)
print(issubclass(MissingKey, (KeyError,)), issubclass(AppError, BaseException), AppError.__doc__)
try:
    raise 5
except TypeError as caught:
    print("TypeError:", caught)
class NotExc:
    pass
try:
    raise NotExc()
except TypeError as caught:
    print("TypeError:", caught)
try:
    try:
        pass
    except NotExc:
        pass
    print("bad except clause is only checked when an exception arrives")
    try:
        raise AppError("x")
    except NotExc:
        pass
except TypeError as caught:
    print("TypeError:", caught)
