# gilsim: expect=exception
# Tokens arrive Base64-encoded from worker threads; a worker that gets a corrupt one
# reports the decoding error and goes on, and the main thread finally decodes one without a
# handler: the report shows base64.py's frames at CPython's lines (b64decode's call of
# binascii.a2b_base64, through urlsafe_b64decode), and binascii.Error, as CPython prints.
import base64
import binascii
import threading

tokens = [base64.urlsafe_b64encode(("token-%d" % i).encode()).decode() for i in range(4)]
tokens[2] = tokens[2][:-3]
decoded = {}


def check(index):
    try:
        decoded[index] = base64.urlsafe_b64decode(tokens[index])
    except binascii.Error as error:
        decoded[index] = "corrupt: %s" % error


workers = [threading.Thread(target=check, args=(i,)) for i in range(len(tokens))]
for w in workers:
    w.start()
for w in workers:
    w.join()
for index in sorted(decoded):
    print(index, decoded[index])
print(base64.standard_b64decode(base64.standard_b64encode(b"ok")), base64.decodebytes(b"b2s=\n"))
base64.urlsafe_b64decode(tokens[2])
