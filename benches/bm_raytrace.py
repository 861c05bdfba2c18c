# Ray tracer: spheres over a checkered floor, two point lights with shadows,
# Phong highlights and mirror reflections, rendered into a small image whose
# quantized pixels are folded into a checksum. Vectors are small immutable
# objects with operator methods; the camera yields one ray per pixel.
import math


class Vec3:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vec3(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vec3(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vec3(self.x * k, self.y * k, self.z * k)

    def __neg__(self):
        return Vec3(-self.x, -self.y, -self.z)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def cross(self, other):
        return Vec3(self.y * other.z - self.z * other.y,
                    self.z * other.x - self.x * other.z,
                    self.x * other.y - self.y * other.x)

    def length(self):
        return math.sqrt(self.dot(self))

    def unit(self):
        n = self.length()
        return Vec3(self.x / n, self.y / n, self.z / n)

    def tint(self, other):
        return Vec3(self.x * other.x, self.y * other.y, self.z * other.z)

    def reflect(self, normal):
        return self - normal * (2.0 * self.dot(normal))


BLACK = Vec3(0.0, 0.0, 0.0)
EPSILON = 1e-6


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse=0.8, specular=0.3, shininess=16, mirror=0.0):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.mirror = mirror

    def color_at(self, point):
        return self.color


class Checker(Material):
    def __init__(self, light, dark, size, **options):
        Material.__init__(self, light, **options)
        self.dark = dark
        self.size = size

    def color_at(self, point):
        cell = math.floor(point.x / self.size) + math.floor(point.z / self.size)
        return self.color if cell % 2 == 0 else self.dark


class Hit:
    def __init__(self, t, thing):
        self.t = t
        self.thing = thing


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.r2 = radius * radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.r2
        disc = b * b - c
        if disc < 0.0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return (point - self.center) * (1.0 / self.radius)


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.unit()
        self.material = material

    def intersect(self, ray):
        denom = self.normal.dot(ray.direction)
        if abs(denom) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Scene:
    def __init__(self, ambient):
        self.things = []
        self.lights = []
        self.ambient = ambient
        self.rays = 0
        self.shadow_rays = 0

    def add(self, thing):
        self.things.append(thing)
        return thing

    def nearest(self, ray):
        self.rays += 1
        best = None
        for thing in self.things:
            t = thing.intersect(ray)
            if t is not None and (best is None or t < best.t):
                best = Hit(t, thing)
        return best

    def blocked(self, point, to_light, distance):
        self.shadow_rays += 1
        ray = Ray(point, to_light)
        for thing in self.things:
            t = thing.intersect(ray)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth):
        hit = self.nearest(ray)
        if hit is None:
            # A sky that fades towards the horizon.
            k = 0.5 * (ray.direction.y + 1.0)
            return Vec3(0.5, 0.7, 1.0) * k + Vec3(1.0, 1.0, 1.0) * (0.3 * (1.0 - k))
        point = ray.at(hit.t)
        thing = hit.thing
        normal = thing.normal_at(point)
        if normal.dot(ray.direction) > 0.0:
            normal = -normal
        material = thing.material
        base = material.color_at(point)
        color = base.tint(self.ambient)
        lift = point + normal * 1e-4
        for light in self.lights:
            offset = light.position - point
            distance = offset.length()
            to_light = offset * (1.0 / distance)
            lambert = normal.dot(to_light)
            if lambert <= 0.0 or self.blocked(lift, to_light, distance):
                continue
            color = color + base.tint(light.color) * (lambert * material.diffuse)
            spec = to_light.reflect(normal).dot(ray.direction)
            if spec > 0.0:
                power = 1.0
                for _ in range(material.shininess):
                    power *= spec
                color = color + light.color * (power * material.specular)
        if material.mirror > 0.0 and depth > 0:
            bounce = Ray(lift, ray.direction.reflect(normal))
            color = color * (1.0 - material.mirror) + self.trace(bounce, depth - 1) * material.mirror
        return color


class Camera:
    def __init__(self, eye, target, up, width, height):
        self.eye = eye
        self.width = width
        self.height = height
        self.forward = (target - eye).unit()
        self.right = self.forward.cross(up).unit()
        self.up = self.right.cross(self.forward)
        self.half_w = 0.6
        self.half_h = 0.6 * height / width

    def rays(self):
        for row in range(self.height):
            v = (1.0 - 2.0 * (row + 0.5) / self.height) * self.half_h
            for col in range(self.width):
                u = (2.0 * (col + 0.5) / self.width - 1.0) * self.half_w
                direction = (self.forward + self.right * u + self.up * v).unit()
                yield row, col, Ray(self.eye, direction)


def channel(value):
    if value <= 0.0:
        return 0
    if value >= 1.0:
        return 255
    return int(value * 255.0 + 0.5)


def build_scene():
    scene = Scene(Vec3(0.08, 0.08, 0.1))
    scene.add(Plane(Vec3(0.0, 0.0, 0.0), Vec3(0.0, 1.0, 0.0),
                    Checker(Vec3(0.9, 0.9, 0.85), Vec3(0.15, 0.15, 0.2), 1.0,
                            diffuse=0.9, specular=0.1, shininess=4, mirror=0.2)))
    scene.add(Sphere(Vec3(0.0, 1.0, 0.0), 1.0,
                     Material(Vec3(0.9, 0.2, 0.2), specular=0.6, shininess=32, mirror=0.3)))
    scene.add(Sphere(Vec3(-2.1, 0.7, 0.8), 0.7,
                     Material(Vec3(0.2, 0.8, 0.3), shininess=8)))
    scene.add(Sphere(Vec3(1.8, 0.5, 1.2), 0.5,
                     Material(Vec3(0.95, 0.95, 0.95), diffuse=0.3, specular=0.9,
                              shininess=64, mirror=0.7)))
    scene.add(Sphere(Vec3(0.9, 2.4, -1.5), 0.6,
                     Material(Vec3(0.3, 0.3, 0.9), shininess=12, mirror=0.1)))
    scene.lights.append(Light(Vec3(-4.0, 6.0, 5.0), Vec3(0.8, 0.8, 0.75)))
    scene.lights.append(Light(Vec3(5.0, 4.0, 3.0), Vec3(0.35, 0.3, 0.45)))
    return scene


def render(width, height):
    scene = build_scene()
    camera = Camera(Vec3(0.5, 2.2, 7.0), Vec3(0.0, 0.9, 0.0), Vec3(0.0, 1.0, 0.0),
                    width, height)
    checksum = 0
    rows = [0] * height
    for row, col, ray in camera.rays():
        color = scene.trace(ray, 3)
        r = channel(color.x)
        g = channel(color.y)
        b = channel(color.z)
        checksum = (checksum * 16777619 + (r << 16 | g << 8 | b)) % 4294967291
        rows[row] += r + g + b
    return checksum, rows, scene.rays, scene.shadow_rays


checksum, rows, rays, shadow_rays = render(144, 96)
print("rays", rays, "shadow rays", shadow_rays)
print("row brightness", [total // 144 for total in rows[::12]])
print("checksum", checksum)
