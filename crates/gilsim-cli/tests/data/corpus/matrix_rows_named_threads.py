# Modelled on public "matrix multiplication with one thread per row" examples.
import threading

A = [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]
B = [[1, 0], [0, 1], [2, -1]]
C = [[0] * len(B[0]) for _ in range(len(A))]


def row_worker(i):
    for j in range(len(B[0])):
        C[i][j] = sum(A[i][k] * B[k][j] for k in range(len(B)))


threads = []
for i in range(len(A)):
    t = threading.Thread(target=row_worker, args=(i,), name="row-%d" % i)
    threads.append(t)
    t.start()
for t in threads:
    t.join()
for row in C:
    print(" ".join("%4d" % x for x in row))
print([t.name for t in threads])
print(list(zip(*C)))
