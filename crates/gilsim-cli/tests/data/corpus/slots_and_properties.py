# Modelled on classes with __slots__ and properties used as thread-safe records.
import threading


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)


p = Point(3, -4)
print(p.norm1)
try:
    p.z = 1
except AttributeError as e:
    print("AttributeError:", e)
points = []
t = threading.Thread(target=lambda: points.append(Point(1, 2).norm1))
t.start()
t.join()
print(points)
