# Modelled on plugin-registry examples built with __init_subclass__, each plugin run in a
# thread of its own.
import threading


class Plugin:
    registry = {}

    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry[name or cls.__name__.lower()] = cls

    def run(self, data):
        raise NotImplementedError


class Upper(Plugin, name="upper"):
    def run(self, data):
        return data.upper()


class Reverse(Plugin):
    def run(self, data):
        return data[::-1]


class Count(Plugin, name="len"):
    def run(self, data):
        return len(data)


outputs = {}


def apply(name):
    outputs[name] = Plugin.registry[name]().run("threading")


threads = [threading.Thread(target=apply, args=(name,)) for name in Plugin.registry]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(Plugin.registry), sorted(outputs.items(), key=lambda kv: kv[0]))
try:
    Plugin().run("x")
except NotImplementedError:
    print("base plugin does nothing")
