# Modelled on examples that collect exceptions raised in workers.
import threading


class ValidationError(Exception):
    def __init__(self, field, value):
        super().__init__(field, value)
        self.field = field
        self.value = value

    def __str__(self):
        return "invalid %s: %r" % (self.field, self.value)


errors = []
ok = []
lock = threading.Lock()


def validate(record):
    try:
        if not isinstance(record.get("age"), int):
            raise ValidationError("age", record.get("age"))
        if record["age"] < 0:
            raise ValidationError("age", record["age"])
    except ValidationError as e:
        with lock:
            errors.append(e)
    else:
        with lock:
            ok.append(record["name"])
    finally:
        pass


records = [{"name": "x", "age": 3}, {"name": "y", "age": "ten"}, {"name": "z", "age": -1}, {"name": "w", "age": 40}]
ts = [threading.Thread(target=validate, args=(r,)) for r in records]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(ok))
for e in sorted(errors, key=str):
    print(type(e).__name__, "-", e, "-", e.args)
