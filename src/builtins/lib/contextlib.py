"""Utilities for with-statements: contextmanager (a generator as a context manager),
closing, suppress, nullcontext, redirect_stdout / redirect_stderr, ExitStack, and
the AbstractContextManager and ContextDecorator bases."""

import sys
from functools import wraps
from types import MethodType

__all__ = ["contextmanager", "closing", "nullcontext", "AbstractContextManager",
           "ContextDecorator", "ExitStack", "redirect_stdout", "redirect_stderr",
           "suppress"]


class AbstractContextManager:
    """A base for context managers: __enter__ returns self; subclasses define
    __exit__."""

    __slots__ = ()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractContextManager:
            if all(any(name in B.__dict__ for B in C.__mro__)
                   for name in ("__enter__", "__exit__")):
                return True
        return NotImplemented


class ContextDecorator:
    """A base for context managers that are also decorators: the decorated function
    runs inside the context."""

    def _recreate_cm(self):
        """The context manager each call of the decorated function uses (self, by
        default; one-shot managers return a fresh copy)."""
        return self

    def __call__(self, func):
        @wraps(func)
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner


class _GeneratorContextManager(AbstractContextManager, ContextDecorator):
    """What @contextmanager functions return: the generator runs up to its yield on
    entry, and from there to its end on exit."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
        doc = getattr(func, "__doc__", None)
        if doc is None:
            doc = type(self).__doc__
        self.__doc__ = doc

    def _recreate_cm(self):
        return self.__class__(self.func, self.args, self.kwds)

    def __enter__(self):
        # The decorator's copies are made from these; a used manager needs none.
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            # Suppressed: the generator caught the exception and ended. (The same
            # StopIteration coming back means it was raised inside the with.)
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                exc.__traceback__ = traceback
                return False
            # A StopIteration raised in the with block became a RuntimeError in the
            # generator (PEP 479): re-raise the original.
            if isinstance(value, StopIteration) and exc.__cause__ is value:
                value.__traceback__ = traceback
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            exc.__traceback__ = traceback
            return False
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    """Decorator: a generator function yielding once becomes a factory of context
    managers; what it yields is bound by `as`, the code before runs on entry and the
    code after on exit (an exception in the with block is raised at the yield)."""
    @wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


class closing(AbstractContextManager):
    """closing(thing): the context gives thing, and calls thing.close() on exit."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class nullcontext(AbstractContextManager):
    """A context manager that does nothing; `as` binds enter_result."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass


class _RedirectStream(AbstractContextManager):

    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    """Within the context, sys.stdout is new_target (print() writes there)."""

    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """Within the context, sys.stderr is new_target."""

    _stream = "stderr"


class suppress(AbstractContextManager):
    """suppress(*exceptions): an exception of these classes raised in the with block
    is swallowed; the program goes on after the block."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


class ExitStack(AbstractContextManager):
    """A stack of exit callbacks run in reverse order when the with block ends:
    enter_context(cm), push(exit), callback(fn, *args, **kwds); pop_all() moves them
    to a new stack and close() runs them now."""

    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        """A new ExitStack holding this one's callbacks (this one is left empty)."""
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def push(self, exit):
        """Add a context manager's __exit__, or a callable with __exit__'s
        signature; returns its argument (a decorator too)."""
        cb_type = type(exit)
        try:
            exit_method = cb_type.__exit__
        except AttributeError:
            self._exit_callbacks.append(exit)
        else:
            self._push_cm_exit(exit, exit_method)
        return exit

    def enter_context(self, cm):
        """Enter a context manager, push its __exit__, return what __enter__ gave."""
        cls = type(cm)
        try:
            enter = cls.__enter__
            exit = cls.__exit__
        except AttributeError:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does not "
                            "support the context manager protocol") from None
        result = enter(cm)
        self._push_cm_exit(cm, exit)
        return result

    def callback(self, callback, /, *args, **kwds):
        """Call callback(*args, **kwds) on exit (its exceptions are not suppressed);
        returns the callback."""
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append(_exit_wrapper)
        return callback

    def _push_cm_exit(self, cm, cm_exit):
        self._exit_callbacks.append(MethodType(cm_exit, cm))

    def close(self):
        """Run the callbacks now."""
        self.__exit__(None, None, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        # The exception being handled where the with statement is: where a context
        # chain built by the callbacks must stop.
        frame_exc = sys.exc_info()[1]

        def fix_context(new_exc, old_exc):
            # new_exc was raised while handling old_exc: make old_exc the end of
            # new_exc's context chain.
            while True:
                context = new_exc.__context__
                if context is None or context is old_exc:
                    return
                if context is frame_exc:
                    break
                new_exc = context
            new_exc.__context__ = old_exc

        suppressed = False
        pending_raise = False
        while self._exit_callbacks:
            cb = self._exit_callbacks.pop()
            try:
                if cb(*exc_details):
                    suppressed = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException:
                new_details = sys.exc_info()
                fix_context(new_details[1], exc_details[1])
                pending_raise = True
                exc_details = new_details
        if pending_raise:
            try:
                fixed_context = exc_details[1].__context__
                raise exc_details[1]
            except BaseException:
                exc_details[1].__context__ = fixed_context
                raise
        return received_exc and suppressed
