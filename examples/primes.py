# The sieve of Eratosthenes: lists, slices with a step, and a list comprehension.
limit = 100
is_prime = [True] * (limit + 1)
is_prime[0] = is_prime[1] = False
p = 2
while p * p <= limit:
    if is_prime[p]:
        # Every multiple of p from p*p on is composite: one slice assignment.
        count = len(is_prime[p * p :: p])
        is_prime[p * p :: p] = [False] * count
    p += 1
primes = []
i = 0
for flag in is_prime:
    if flag:
        primes += [i]
    i += 1
print(len(primes), "primes below", limit)
print(primes)
