x = []
while True:
    x.append("a" * 1000)
