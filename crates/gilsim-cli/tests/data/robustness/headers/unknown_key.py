# gilsim: frobnicate=3
print(1)
