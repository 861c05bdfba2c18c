# Spectral norm: the largest singular value of the infinite matrix
# a(i, j) = 1 / ((i + j) (i + j + 1) / 2 + i + 1), truncated to n x n, by power
# iteration on A^T A; then a dense matrix product checked through its trace
# and Frobenius norm. Float-heavy inner loops over lists; results printed to a
# fixed number of digits.
import math


def entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


class Operator:
    """The n x n truncation of the matrix, applied without storing it."""

    def __init__(self, n):
        self.n = n
        self.applications = 0

    def times(self, v):
        n = self.n
        out = []
        for i in range(n):
            acc = 0.0
            for j in range(n):
                acc += entry(i, j) * v[j]
            out.append(acc)
        self.applications += 1
        return out

    def transposed_times(self, v):
        n = self.n
        out = []
        for i in range(n):
            acc = 0.0
            for j in range(n):
                acc += entry(j, i) * v[j]
            out.append(acc)
        self.applications += 1
        return out

    def normal_times(self, v):
        return self.transposed_times(self.times(v))


def dot(u, v):
    total = 0.0
    for a, b in zip(u, v):
        total += a * b
    return total


def spectral_norm(n, rounds):
    op = Operator(n)
    u = [1.0] * n
    v = u
    for _ in range(rounds):
        v = op.normal_times(u)
        u = op.normal_times(v)
    return math.sqrt(dot(u, v) / dot(v, v)), op.applications


def matmul(a, b):
    rows = len(a)
    inner = len(b)
    cols = len(b[0])
    out = []
    for i in range(rows):
        row_a = a[i]
        row = [0.0] * cols
        for k in range(inner):
            aik = row_a[k]
            row_b = b[k]
            for j in range(cols):
                row[j] += aik * row_b[j]
        out.append(row)
    return out


def hilbert_like(n, shift):
    return [[1.0 / (i + j + shift) for j in range(n)] for i in range(n)]


for n in (60, 120, 170):
    norm, applications = spectral_norm(n, 10)
    print(f"n={n:4d} spectral norm {norm:.9f} ({applications} products)")

a = hilbert_like(60, 1.0)
b = hilbert_like(60, 2.5)
c = matmul(matmul(a, b), a)
trace = sum(c[i][i] for i in range(len(c)))
frob = math.sqrt(sum(x * x for row in c for x in row))
print(f"trace {trace:.9f} frobenius {frob:.9f}")
