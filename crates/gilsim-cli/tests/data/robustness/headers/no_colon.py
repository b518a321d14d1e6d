# gilsim expect finished
print(1)
