# Modelled on list slicing tutorials: assignment to extended slices and their size errors.
a = list(range(10))
a[::2] = "abcde"
print(a)
a[::-3] = [None] * 4
print(a)
a[1:2:1] = [7, 8, 9]
print(a)
b = [1, 2, 3]
b[::-1] = b
print(b)
try:
    b[::2] = [1]
except ValueError as e:
    print(e)
b[5::2] = []
print(b)
