# gilsim: expect=ok
# A manager's dict and list refuse what a dict and a list refuse: the KeyError, IndexError or
# ValueError the manager's object raised is raised again in the caller, under the proxy
# method CPython generates (File "<string>", line 2) and BaseProxy._callmethod, with no
# context; the proxies go on working.
import sys
import traceback
from multiprocessing import Manager


def report(call):
    try:
        call()
    except Exception as e:
        traceback.print_exc(file=sys.stdout)
        print("-----", type(e).__name__, e.__context__ is None)


if __name__ == "__main__":
    with Manager() as m:
        d = m.dict({"a": 1})
        l = m.list([1, 2])
        report(lambda: d["missing"])
        report(lambda: d.pop("missing"))
        report(lambda: d.__delitem__("missing"))
        report(lambda: l[5])
        report(lambda: l.pop(7))
        report(lambda: l.remove(9))
        report(lambda: l.index(9))
        report(lambda: l.__setitem__(9, 0))
        del d["a"]
        report(lambda: d.popitem())
        print(sorted(d.items()), list(l))
