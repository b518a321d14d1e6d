# Modelled on "parallel merge sort with threads" blog posts.
import random
import threading


def merge(left, right):
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def merge_sort(data):
    if len(data) <= 1:
        return data
    mid = len(data) // 2
    return merge(merge_sort(data[:mid]), merge_sort(data[mid:]))


def parallel_sort(data, parts=4):
    size = (len(data) + parts - 1) // parts
    chunks = [data[i:i + size] for i in range(0, len(data), size)]
    results = [None] * len(chunks)

    def work(idx):
        results[idx] = merge_sort(chunks[idx])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(chunks))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    while len(results) > 1:
        results = [merge(results[i], results[i + 1]) if i + 1 < len(results) else results[i]
                   for i in range(0, len(results), 2)]
    return results[0]


random.seed(42)
data = [random.randint(0, 999) for _ in range(40)]
print(data[:10])
out = parallel_sort(data)
print(out[:10], out[-5:])
print(out == sorted(data))
