# Modelled on public "sleeping barber" solutions with semaphores (Spanish output kept in spirit).
import threading
import time

SILLAS = 3
clientes = threading.Semaphore(0)
barbero_listo = threading.Semaphore(0)
mutex = threading.Lock()
esperando = 0
atendidos = []
rechazados = []


def barbero():
    global esperando
    while True:
        clientes.acquire()
        with mutex:
            esperando -= 1
        barbero_listo.release()
        time.sleep(0.06)


def cliente(n):
    global esperando
    with mutex:
        if esperando >= SILLAS:
            rechazados.append(n)
            print("Cliente %d se va: no hay sillas" % n)
            return
        esperando += 1
        print("Cliente %d se sienta (esperando=%d)" % (n, esperando))
    clientes.release()
    barbero_listo.acquire()
    atendidos.append(n)
    print(f"Cliente {n} está siendo atendido")


b = threading.Thread(target=barbero, daemon=True)
b.start()
hilos = []
for i in range(7):
    h = threading.Thread(target=cliente, args=(i,))
    hilos.append(h)
    h.start()
    time.sleep(0.005)
for h in hilos:
    h.join()
print("atendidos:", sorted(atendidos))
print("rechazados:", rechazados)
