# Modelled on unit tests written for a thread-safe bounded buffer: a TestCase per behaviour,
# run programmatically with a TextTestRunner into a StringIO, then summarised.
import io
import threading
import time
import unittest


class BoundedBuffer:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = []
        self.cond = threading.Condition()

    def put(self, item, timeout=None):
        with self.cond:
            if not self.cond.wait_for(lambda: len(self.items) < self.capacity, timeout):
                raise TimeoutError("buffer full")
            self.items.append(item)
            self.cond.notify_all()

    def get(self, timeout=None):
        with self.cond:
            if not self.cond.wait_for(lambda: self.items, timeout):
                raise TimeoutError("buffer empty")
            item = self.items.pop(0)
            self.cond.notify_all()
            return item


class BufferTests(unittest.TestCase):
    def setUp(self):
        self.buffer = BoundedBuffer(2)

    def test_fifo(self):
        for i in range(2):
            self.buffer.put(i)
        self.assertEqual([self.buffer.get(), self.buffer.get()], [0, 1])

    def test_producer_consumer(self):
        received = []

        def consume():
            for _ in range(20):
                received.append(self.buffer.get(timeout=1))

        consumer = threading.Thread(target=consume)
        consumer.start()
        for i in range(20):
            self.buffer.put(i, timeout=1)
        consumer.join()
        self.assertListEqual(received, list(range(20)))

    def test_full_times_out(self):
        self.buffer.put("a")
        self.buffer.put("b")
        with self.assertRaises(TimeoutError) as caught:
            self.buffer.put("c", timeout=0.05)
        self.assertIn("full", str(caught.exception))

    def test_empty_times_out(self):
        start = time.monotonic()
        self.assertRaisesRegex(TimeoutError, "empty", self.buffer.get, timeout=0.05)
        self.assertGreaterEqual(time.monotonic() - start, 0.05)

    def test_capacity_is_respected(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLessEqual(len(self.buffer.items), self.buffer.capacity)
                self.buffer.put(i, timeout=0.01) if i < 2 else None

    @unittest.expectedFailure
    def test_documented_bug(self):
        self.assertEqual(self.buffer.capacity, 3)

    @unittest.skipUnless(hasattr(threading, "get_native_id"), "needs 3.8")
    def test_native_ids(self):
        self.assertIsInstance(threading.get_native_id(), int)

    def test_wrong_expectation(self):
        self.buffer.put(1)
        self.assertEqual(self.buffer.get(), 2, "the buffer returned its item")


stream = io.StringIO()
suite = unittest.TestLoader().loadTestsFromTestCase(BufferTests)
print("tests found:", suite.countTestCases())
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
for line in stream.getvalue().splitlines():
    if not line.startswith("Ran "):
        print(line.replace(__file__, "<script>"))
print("run:", result.testsRun, "failures:", len(result.failures), "errors:", len(result.errors),
      "skipped:", len(result.skipped), "expected failures:", len(result.expectedFailures))
print("successful:", result.wasSuccessful())
print("failed:", [test.id() for test, _ in result.failures])
