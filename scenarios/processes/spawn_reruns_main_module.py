# gilsim: expect=ok
# The two start methods side by side. A forked child starts from a copy of the parent's
# memory: it sees what the parent's main block set before start(). A spawned child starts a
# new interpreter that imports the script again as `__mp_main__` — the module-level code
# runs again (the line below prints once more), the `if __name__ == "__main__":` block does
# not — and receives its target and arguments pickled, so a lambda cannot be a target.
import multiprocessing

print("module code runs in", multiprocessing.current_process().name, "as", __name__)
settings = {"mode": "default"}


def show(label):
    print(label, "child sees mode", settings["mode"], "and __name__", __name__)


if __name__ == "__main__":
    settings["mode"] = "set by main"
    for method in ("fork", "spawn"):
        ctx = multiprocessing.get_context(method)
        p = ctx.Process(target=show, args=(method,))
        p.start()
        p.join()
        print(method, "child", p.name, "exit code", p.exitcode)
    try:
        multiprocessing.get_context("spawn").Process(target=lambda: None).start()
    except Exception as e:
        print("a lambda target under spawn:", type(e).__name__)
    multiprocessing.get_context("fork").Process(target=lambda: print("a lambda target under fork runs")).start()
