# gilsim: expect=ok polcy=fair
print("a misspelt option")
