# Modelled on "print odd and even numbers with two threads" solutions using semaphores.
import threading

odd_turn = threading.Semaphore(1)
even_turn = threading.Semaphore(0)
printed = []


def odd():
    for i in range(1, 10, 2):
        odd_turn.acquire()
        printed.append(i)
        even_turn.release()


def even():
    for i in range(2, 11, 2):
        even_turn.acquire()
        printed.append(i)
        odd_turn.release()


threads = [threading.Thread(target=odd), threading.Thread(target=even)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(printed)
