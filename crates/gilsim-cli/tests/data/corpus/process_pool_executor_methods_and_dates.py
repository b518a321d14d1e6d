# Modelled on public ProcessPoolExecutor examples that submit and map a bound method returning dates, and a lambda that cannot be pickled.
from concurrent.futures import ProcessPoolExecutor, as_completed
import datetime, copy

class Job:
    def __init__(self, k):
        self.k = k
    def run(self, x):
        return (self.k * x, datetime.date(2024, 1, x))

def main():
    job = Job(10)
    with ProcessPoolExecutor(max_workers=2) as ex:
        futs = [ex.submit(job.run, i) for i in range(1, 4)]
        print(sorted(f.result() for f in as_completed(futs)))
        print(list(ex.map(job.run, [5, 6])))
        try:
            ex.submit(lambda: 1).result()
        except Exception as e:
            print(type(e).__name__, str(e).split(" at ")[0])

if __name__ == "__main__":
    main()
