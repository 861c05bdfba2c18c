# FizzBuzz from 1 to 20, with a while loop, if/elif/else and an f-string.
n = 1
while n <= 20:
    if n % 15 == 0:
        word = "FizzBuzz"
    elif n % 3 == 0:
        word = "Fizz"
    elif n % 5 == 0:
        word = "Buzz"
    else:
        word = str(n)
    print(f"{n:>2}: {word}")
    n += 1
