# Modelled on "split the work into chunks" examples: each thread sums a slice of a list
# into its own slot, the main thread combines them.
import threading

numbers = list(range(1, 1001))
chunks = 4
size = len(numbers) // chunks
partial = [0] * chunks


def summer(index):
    start = index * size
    end = len(numbers) if index == chunks - 1 else start + size
    total = 0
    for n in numbers[start:end]:
        total += n
    partial[index] = total


threads = [threading.Thread(target=summer, args=(i,)) for i in range(chunks)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(partial, sum(partial), sum(partial) == sum(numbers))
