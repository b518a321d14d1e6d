# A scenario that forgot to say what it expects.
print("hello")
