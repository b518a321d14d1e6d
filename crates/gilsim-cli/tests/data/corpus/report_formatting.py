# Modelled on threaded report builders with format specs.
import threading

sales = {}
lock = threading.Lock()


def region(name, amounts):
    total = sum(amounts)
    with lock:
        sales[name] = total


data = {"North": [1200.5, 3400.25, 999.99], "South": [15000, 250.75], "East": [42.0], "West": [77777.777]}
threads = [threading.Thread(target=region, args=item) for item in data.items()]
for t in threads:
    t.start()
for t in threads:
    t.join()
grand = sum(sales.values())
print("{:<6} | {:>12} | {:>7}".format("Region", "Sales", "Share"))
print("-" * 31)
for name in sorted(sales, key=sales.get, reverse=True):
    print(f"{name:<6} | {sales[name]:>12,.2f} | {sales[name] / grand:>7.1%}")
print(f"{'Total':<6} | {grand:>12,.2f} | {1:>7.0%}")
print("{0:08.3f} {1:+d} {2:e} {3:x} {3:o} {3:b}".format(3.14159, 42, 12345.678, 255))
