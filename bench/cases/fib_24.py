# Benchmark case: recursive fib(24) (calls and returns of a Python function). Prints 46368.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(24))
