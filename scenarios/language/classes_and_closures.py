# Classes with single inheritance and super(), properties, static/class methods, closures
# with nonlocal, default and keyword-only arguments, *args/**kwargs, lambdas.
# gilsim: expect=ok


class Account:
    count = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        Account.count += 1

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        self._balance += amount
        return self

    @staticmethod
    def bank():
        return "gilbank"

    @classmethod
    def opened(cls):
        return cls.count

    def __repr__(self):
        return f"Account({self.owner!r}, {self._balance})"

    def __eq__(self, other):
        return isinstance(other, Account) and self.owner == other.owner


class Savings(Account):
    def __init__(self, owner, rate):
        super().__init__(owner, 100)
        self.rate = rate

    def deposit(self, amount):
        return super().deposit(amount * 2)


acct = Account("ann").deposit(5).deposit(7)
sav = Savings("bob", 0.5).deposit(10)
print(acct, sav, acct.balance, sav.balance, Account.bank(), Savings.opened(), acct == Account("ann"))
print(isinstance(sav, Account), issubclass(Savings, Account), type(sav).__name__, hasattr(sav, "rate"), getattr(sav, "nope", "-"))


def counter(start=0, *, step=1):
    value = start

    def bump():
        nonlocal value
        value += step
        return value

    return bump


c = counter(10, step=5)
print(c(), c(), c())


def collect(first, *args, sep="/", **kwargs):
    return sep.join([str(first)] + [str(a) for a in args]) + " " + str(sorted(kwargs.items()))


print(collect(1, 2, 3, sep="-", z=1, a=2), collect(*[4, 5], **{"k": "v"}))
adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders], (lambda *a: len(a))(1, 2, 3))
try:
    collect()
except TypeError as e:
    print("TypeError:", e)
try:
    Account("x").nothing
except AttributeError as e:
    print("AttributeError:", e)

# __class__ of an instance, a built-in value and a class.
print(Savings("y", 2).__class__.__name__, (1).__class__.__name__, "s".__class__ is str, Account.__class__)
