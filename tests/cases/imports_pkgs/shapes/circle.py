print("shapes.circle: init", __name__, __package__)
PI = 3.14159


class Circle:
    def __init__(self, r):
        self.r = r

    def area(self):
        return PI * self.r * self.r
