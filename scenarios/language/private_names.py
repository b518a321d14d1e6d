# gilsim: expect=ok
# Private name mangling (`__spam` inside a class is `_Class__spam`) and nested classes'
# qualified names, as CPython's compiler produces them; a double-checked singleton whose
# private lock and instance are shared by four threads.
import threading


class Registry:
    __instance = None
    __lock = threading.Lock()

    def __new__(cls):
        if cls.__instance is None:
            with cls.__lock:
                if cls.__instance is None:
                    instance = super().__new__(cls)
                    instance.__items = []
                    cls.__instance = instance
        return cls.__instance

    def add(self, item):
        with Registry.__lock:
            self.__items.append(item)

    def items(self):
        return sorted(self.__items)

    def __helper(self):
        return [self.__items for _ in range(1)][0] is self.__items

    def check(self):
        return self.__helper(), (lambda: self.__instance)() is self


def register(n):
    Registry().add(n)


threads = [threading.Thread(target=register, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
r = Registry()
print(r.items(), r.check())
print(sorted(k for k in vars(Registry) if k.startswith("_Registry")))
print(sorted(vars(r)), Registry._Registry__helper.__name__, Registry._Registry__helper.__qualname__)


class Child(Registry):
    def peek(self):
        try:
            return self.__items
        except AttributeError as e:
            return str(e)


print(Child.peek(r))


class Outer:
    class Inner:
        class __Deep:
            __level = 3

        def where(self):
            return type(self).__qualname__

    class _Err(Exception):
        pass


print(Outer.Inner.__name__, Outer.Inner.__qualname__, Outer.Inner)
print(Outer.Inner().where(), Outer.Inner.where.__qualname__)
print(Outer.Inner._Inner__Deep.__qualname__, Outer.Inner._Inner__Deep._Deep__level)
print(repr(Outer._Err("x")), Outer._Err.__qualname__)
try:
    Outer.Inner().missing
except AttributeError as e:
    print(e)


class __Private:
    def set(self):
        self.__x = 1
        return vars(self)


class ___:
    def set(self):
        self.__y = 2
        return vars(self)


def module_level(__p):
    return __p


print(__Private().set(), ___().set(), module_level(__p=7))
