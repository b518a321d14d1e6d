# Modelled on tutorial "multiply matrices with one thread per row".
import threading

A = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
B = [[9, 8, 7], [6, 5, 4], [3, 2, 1]]
C = [[0] * 3 for _ in range(3)]


def row_worker(i):
    cols = list(zip(*B))
    C[i] = [sum(a * b for a, b in zip(A[i], col)) for col in cols]


threads = [threading.Thread(target=row_worker, args=(i,)) for i in range(len(A))]
for t in threads:
    t.start()
for t in threads:
    t.join()
for row in C:
    print(" ".join("%4d" % v for v in row))
print("trace:", sum(C[i][i] for i in range(3)))
