# Functions: defaults, *args and **kwargs, closures, lambda and decorators.
def greet(name, greeting="Hello", *, punctuation="!"):
    return f"{greeting}, {name}{punctuation}"

print(greet("Ada"))
print(greet("Grace", "Hi", punctuation="?"))


def describe(*args, **kwargs):
    return f"{len(args)} positional {args}, {len(kwargs)} keyword {kwargs}"

print(describe(1, 2, colour="red"))


# A closure keeps its variables alive in cells after the outer call returns.
def make_counter():
    count = 0

    def counter():
        nonlocal count
        count += 1
        return count

    return counter

tick = make_counter()
tick()
tick()
print("counter reached", tick())


# A decorator wraps a function in another one.
def shout(func):
    def wrapper(*args):
        return func(*args) + "!!"
    return wrapper

@shout
def say(word):
    return word

print(say("decorated"))
square = lambda x: x * x
print([square(x) for x in [1, 2, 3, 4]])
