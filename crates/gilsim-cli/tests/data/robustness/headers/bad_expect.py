# gilsim: expect=sometimes-deadlock
print(1)
