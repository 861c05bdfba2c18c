# N-body: a made-up planetary system (a star, five planets, one moon) integrated
# with a symplectic Euler step. Units: AU, years, solar masses, so G = 4 pi^2.
# Bodies are instances with float attributes; the total energy is printed before
# and after, to a fixed number of digits.
import math

G = 4.0 * math.pi * math.pi


class Body:
    def __init__(self, name, x, y, z, vx, vy, vz, mass):
        self.name = name
        self.x = x
        self.y = y
        self.z = z
        self.vx = vx
        self.vy = vy
        self.vz = vz
        self.mass = mass

    def kinetic(self):
        return 0.5 * self.mass * (self.vx * self.vx + self.vy * self.vy + self.vz * self.vz)

    def distance_to(self, other):
        dx = self.x - other.x
        dy = self.y - other.y
        dz = self.z - other.z
        return math.sqrt(dx * dx + dy * dy + dz * dz)


def orbiting(name, center, radius, phase, incline, mass):
    """A body on a near-circular orbit of the given radius around center."""
    cos_p = math.cos(phase)
    sin_p = math.sin(phase)
    speed = math.sqrt(G * center.mass / radius)
    return Body(name,
                center.x + radius * cos_p, center.y + radius * sin_p, center.z + radius * incline,
                center.vx - speed * sin_p, center.vy + speed * cos_p, center.vz,
                mass)


class System:
    def __init__(self, bodies):
        self.bodies = bodies
        self.pairs = []
        for i in range(len(bodies)):
            for j in range(i + 1, len(bodies)):
                self.pairs.append((bodies[i], bodies[j]))
        self.steps = 0

    def balance_momentum(self):
        px = py = pz = 0.0
        total = 0.0
        for b in self.bodies:
            px += b.vx * b.mass
            py += b.vy * b.mass
            pz += b.vz * b.mass
            total += b.mass
        for b in self.bodies:
            b.vx -= px / total
            b.vy -= py / total
            b.vz -= pz / total

    def energy(self):
        e = 0.0
        for b in self.bodies:
            e += b.kinetic()
        for a, b in self.pairs:
            e -= G * a.mass * b.mass / a.distance_to(b)
        return e

    def advance(self, dt, count):
        pairs = self.pairs
        bodies = self.bodies
        for _ in range(count):
            for a, b in pairs:
                dx = a.x - b.x
                dy = a.y - b.y
                dz = a.z - b.z
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt * G / (d2 * math.sqrt(d2))
                ma = a.mass * mag
                mb = b.mass * mag
                a.vx -= dx * mb
                a.vy -= dy * mb
                a.vz -= dz * mb
                b.vx += dx * ma
                b.vy += dy * ma
                b.vz += dz * ma
            for body in bodies:
                body.x += dt * body.vx
                body.y += dt * body.vy
                body.z += dt * body.vz
        self.steps += count


def make_system():
    star = Body("star", 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0)
    inner = orbiting("inner", star, 0.6, 0.3, 0.01, 2.0e-6)
    rocky = orbiting("rocky", star, 1.1, 2.1, -0.02, 4.5e-6)
    giant = orbiting("giant", star, 4.8, 4.0, 0.005, 9.0e-4)
    moon = orbiting("moon", giant, 0.05, 1.0, 0.0, 1.0e-7)
    ringed = orbiting("ringed", star, 9.3, 5.5, 0.03, 2.8e-4)
    icy = orbiting("icy", star, 19.0, 0.9, -0.01, 4.4e-5)
    system = System([star, inner, rocky, giant, moon, ringed, icy])
    system.balance_momentum()
    return system


system = make_system()
print(f"energy before {system.energy():.12f}")
for chunk in range(5):
    system.advance(0.0005, 5000)
    print(f"after {system.steps:5d} steps: {system.energy():.12f}")
for body in system.bodies:
    print(f"{body.name:>6} {body.x:+.6f} {body.y:+.6f} {body.z:+.6f}")
