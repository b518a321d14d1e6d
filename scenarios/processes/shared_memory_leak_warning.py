# gilsim: expect=ok
# Shared memory blocks created and never unlinked: when every process has ended,
# multiprocessing's resource tracker warns about them on stderr (and unlinks them). The block
# a child opened and the parent unlinked is not reported (3.8+; 3.13 names the blocks).
import multiprocessing as mp
from multiprocessing import shared_memory


def attach(name):
    block = shared_memory.SharedMemory(name)
    block.buf[0] = 1
    block.close()


if __name__ == "__main__":
    kept = [shared_memory.SharedMemory(create=True, size=10) for _ in range(2)]
    tidy = shared_memory.SharedMemory(create=True, size=10)
    p = mp.Process(target=attach, args=(tidy.name,))
    p.start()
    p.join()
    print(tidy.buf[0])
    tidy.close()
    tidy.unlink()
    print("exiting with", len(kept), "blocks linked")
