# Seed notes 003/004, ThreadLocal: one global threading.local(); each thread binds its own
# `student` and sees only its own value, without passing it through every call and without a
# lock. The main thread never set it, so it has none.
# gilsim: expect=ok
import threading

school = threading.local()


def greet():
    print("hello, %s (in %s)" % (school.student, threading.current_thread().name))


def handle(name):
    school.student = name
    greet()


t1 = threading.Thread(target=handle, args=("student 1",), name="thread-1")
t2 = threading.Thread(target=handle, args=("student 2",), name="thread-2")
t1.start()
t2.start()
t1.join()
t2.join()
print("main thread has a student:", hasattr(school, "student"))
