# gilsim: expect=finished runs=abc
print(1)
