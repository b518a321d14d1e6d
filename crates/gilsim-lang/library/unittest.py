# unittest in Python, after CPython's Lib/unittest: TestCase with its assertions, fixtures
# (setUp/tearDown, setUpClass/tearDownClass, addCleanup), subTest, the skip decorators and
# expectedFailure, TestSuite, TestLoader, TextTestRunner and main(). The runner writes CPython's
# report to stderr: a dot (or F, E, s, x, u) per test, each failure's traceback, "Ran N tests
# in T" with T read from the virtual clock, then OK or FAILED with the counts. Assertion
# messages are CPython's for the common forms; a failed comparison of two containers gives
# CPython's first lines without the difflib listing under them.
import sys
import time
import traceback
import _gilsim

__all__ = ["TestCase", "TestSuite", "TestLoader", "TextTestRunner", "TestResult", "main",
           "skip", "skipIf", "skipUnless", "expectedFailure", "SkipTest", "defaultTestLoader"]


class SkipTest(Exception):
    pass


def skip(reason):
    def decorator(test_item):
        test_item.__unittest_skip__ = True
        test_item.__unittest_skip_why__ = reason
        return test_item

    if callable(reason):
        test_item = reason
        reason = ""
        return decorator(test_item)
    return decorator


def skipIf(condition, reason):
    if condition:
        return skip(reason)
    return lambda test_item: test_item


def skipUnless(condition, reason):
    if not condition:
        return skip(reason)
    return lambda test_item: test_item


def expectedFailure(test_item):
    test_item.__unittest_expecting_failure__ = True
    return test_item


def _safe_repr(obj):
    try:
        return repr(obj)
    except Exception:
        return object.__repr__(obj)


class _AssertRaisesContext(object):
    def __init__(self, expected, test_case, regex=None, msg=None):
        self.expected = expected
        self.test_case = test_case
        self.regex = regex
        self.msg = msg
        self.exception = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            try:
                name = self.expected.__name__
            except AttributeError:
                name = str(self.expected)
            self.test_case.fail(self.test_case._formatMessage(self.msg, "%s not raised" % name))
        if not issubclass(exc_type, self.expected):
            return False
        self.exception = exc_value
        if self.regex is not None:
            import re

            if not re.search(self.regex, str(exc_value)):
                self.test_case.fail(self.test_case._formatMessage(
                    self.msg, '"%s" does not match "%s"' % (self.regex, str(exc_value))))
        return True


class _SubTest(object):
    def __init__(self, test_case, message, params):
        self.test_case = test_case
        self._message = message
        self.params = params

    def _subDescription(self):
        parts = []
        if self._message is not None:
            parts.append("[{}]".format(self._message))
        if self.params:
            parts.append("({})".format(", ".join("{}={!r}".format(k, v) for k, v in self.params.items())))
        return " ".join(parts) or "(<subtest>)"

    def id(self):
        return "{} {}".format(self.test_case.id(), self._subDescription())

    def __str__(self):
        return "{} {}".format(self.test_case, self._subDescription())


class _SubTestContext(object):
    def __init__(self, case, subtest):
        self.case = case
        self.subtest = subtest

    def __enter__(self):
        return None

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            return False
        if issubclass(exc_type, SkipTest):
            self.case._result.addSkip(self.subtest, str(exc_value))
        elif issubclass(exc_type, self.case.failureException):
            self.case._result.addSubTest(self.case, self.subtest, (exc_type, exc_value, tb), True)
        elif issubclass(exc_type, Exception):
            self.case._result.addSubTest(self.case, self.subtest, (exc_type, exc_value, tb), False)
        else:
            return False
        self.case._subtest_failed = True
        return True


class TestCase(object):
    failureException = AssertionError
    longMessage = True
    maxDiff = 80 * 8

    def __init__(self, methodName="runTest"):
        self._testMethodName = methodName
        self._cleanups = []
        self._result = None
        self._subtest_failed = False
        if methodName != "runTest" and not hasattr(self, methodName):
            raise ValueError("no such test method in %s: %s" % (self.__class__, methodName))

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def setUp(self):
        pass

    def tearDown(self):
        pass

    def addCleanup(self, function, *args, **kwargs):
        self._cleanups.append((function, args, kwargs))

    def doCleanups(self):
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            function(*args, **kwargs)

    def countTestCases(self):
        return 1

    def id(self):
        return "%s.%s.%s" % (self.__class__.__module__, self.__class__.__qualname__, self._testMethodName)

    def __str__(self):
        if sys.version_info >= (3, 11):
            return "%s (%s.%s.%s)" % (self._testMethodName, self.__class__.__module__,
                                      self.__class__.__qualname__, self._testMethodName)
        return "%s (%s.%s)" % (self._testMethodName, self.__class__.__module__, self.__class__.__qualname__)

    def __repr__(self):
        return "<%s.%s testMethod=%s>" % (self.__class__.__module__, self.__class__.__qualname__,
                                          self._testMethodName)

    def shortDescription(self):
        doc = getattr(self, self._testMethodName).__doc__
        return doc.strip().split("\n")[0].strip() if doc else None

    def skipTest(self, reason):
        raise SkipTest(reason)

    def subTest(self, msg=None, **params):
        return _SubTestContext(self, _SubTest(self, msg, params))

    def __call__(self, result):
        return self.run(result)

    def run(self, result):
        self._result = result
        self._subtest_failed = False
        method = getattr(self, self._testMethodName)
        skipped = getattr(self.__class__, "__unittest_skip__", False) or getattr(method, "__unittest_skip__", False)
        # 3.12 does not count a skipped test as run (3.13 counts it again).
        if not (skipped and sys.version_info[:2] == (3, 12)):
            result.startTest(self)
        try:
            if skipped:
                why = getattr(self.__class__, "__unittest_skip_why__", "") or getattr(method, "__unittest_skip_why__", "")
                result.addSkip(self, why)
                return result
            expecting_failure = getattr(method, "__unittest_expecting_failure__", False)
            outcome = self._call(result, self.setUp)
            if outcome == "ok":
                outcome = self._call(result, method, expecting_failure)
                if outcome == "ok" and expecting_failure and not self._subtest_failed:
                    result.addUnexpectedSuccess(self)
                elif outcome == "ok" and not self._subtest_failed:
                    result.addSuccess(self)
                cleanup = self._call(result, self.tearDown)
                if cleanup != "ok" and outcome == "ok":
                    outcome = cleanup
            while self._cleanups:
                function, args, kwargs = self._cleanups.pop()
                self._call(result, lambda: function(*args, **kwargs))
        finally:
            result.stopTest(self)
        return result

    def _call(self, result, function, expecting_failure=False):
        try:
            function()
        except KeyboardInterrupt:
            raise
        except SkipTest as e:
            result.addSkip(self, str(e))
            return "skip"
        except self.failureException as e:
            if expecting_failure:
                result.addExpectedFailure(self, (type(e), e, e.__traceback__))
            else:
                result.addFailure(self, (type(e), e, e.__traceback__))
            return "fail"
        except Exception as e:
            if expecting_failure:
                result.addExpectedFailure(self, (type(e), e, e.__traceback__))
            else:
                result.addError(self, (type(e), e, e.__traceback__))
            return "error"
        return "ok"

    def debug(self):
        self.setUp()
        getattr(self, self._testMethodName)()
        self.tearDown()
        self.doCleanups()

    # Assertions.
    def _formatMessage(self, msg, standardMsg):
        if not self.longMessage:
            return msg or standardMsg
        if msg is None:
            return standardMsg
        return "%s : %s" % (standardMsg, msg)

    def fail(self, msg=None):
        raise self.failureException(msg)

    def assertTrue(self, expr, msg=None):
        if not expr:
            self.fail(self._formatMessage(msg, "%s is not true" % _safe_repr(expr)))

    def assertFalse(self, expr, msg=None):
        if expr:
            self.fail(self._formatMessage(msg, "%s is not false" % _safe_repr(expr)))

    def assertEqual(self, first, second, msg=None):
        if not first == second:
            self.fail(self._formatMessage(msg, _difference(first, second)))

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            self.fail(self._formatMessage(msg, "%s == %s" % (_safe_repr(first), _safe_repr(second))))

    assertEquals = assertEqual
    assertNotEquals = assertNotEqual

    def assertListEqual(self, first, second, msg=None):
        self.assertEqual(first, second, msg)

    def assertTupleEqual(self, first, second, msg=None):
        self.assertEqual(first, second, msg)

    def assertDictEqual(self, first, second, msg=None):
        self.assertEqual(first, second, msg)

    def assertSetEqual(self, first, second, msg=None):
        self.assertEqual(first, second, msg)

    def assertSequenceEqual(self, first, second, msg=None, seq_type=None):
        self.assertEqual(first, second, msg)

    def assertMultiLineEqual(self, first, second, msg=None):
        self.assertEqual(first, second, msg)

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return
        diff = abs(first - second)
        if delta is not None:
            if diff <= delta:
                return
            standard = "%s != %s within %s delta (%s difference)" % (
                _safe_repr(first), _safe_repr(second), _safe_repr(delta), _safe_repr(diff))
        else:
            if places is None:
                places = 7
            if round(diff, places) == 0:
                return
            standard = "%s != %s within %r places (%s difference)" % (
                _safe_repr(first), _safe_repr(second), places, _safe_repr(diff))
        self.fail(self._formatMessage(msg, standard))

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        diff = abs(first - second)
        if delta is not None:
            if not (first == second) and diff > delta:
                return
            standard = "%s == %s within %s delta (%s difference)" % (
                _safe_repr(first), _safe_repr(second), _safe_repr(delta), _safe_repr(diff))
        else:
            if places is None:
                places = 7
            if not (first == second) and round(diff, places) != 0:
                return
            standard = "%s == %s within %r places" % (_safe_repr(first), _safe_repr(second), places)
        self.fail(self._formatMessage(msg, standard))

    def assertIs(self, expr1, expr2, msg=None):
        if expr1 is not expr2:
            self.fail(self._formatMessage(msg, "%s is not %s" % (_safe_repr(expr1), _safe_repr(expr2))))

    def assertIsNot(self, expr1, expr2, msg=None):
        if expr1 is expr2:
            self.fail(self._formatMessage(msg, "unexpectedly identical: %s" % (_safe_repr(expr1),)))

    def assertIsNone(self, obj, msg=None):
        if obj is not None:
            self.fail(self._formatMessage(msg, "%s is not None" % (_safe_repr(obj),)))

    def assertIsNotNone(self, obj, msg=None):
        if obj is None:
            self.fail(self._formatMessage(msg, "unexpectedly None"))

    def assertIn(self, member, container, msg=None):
        if member not in container:
            self.fail(self._formatMessage(msg, "%s not found in %s" % (_safe_repr(member), _safe_repr(container))))

    def assertNotIn(self, member, container, msg=None):
        if member in container:
            self.fail(self._formatMessage(
                msg, "%s unexpectedly found in %s" % (_safe_repr(member), _safe_repr(container))))

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            self.fail(self._formatMessage(msg, "%s is not an instance of %r" % (_safe_repr(obj), cls)))

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            self.fail(self._formatMessage(msg, "%s is an instance of %r" % (_safe_repr(obj), cls)))

    def assertGreater(self, a, b, msg=None):
        if not a > b:
            self.fail(self._formatMessage(msg, "%s not greater than %s" % (_safe_repr(a), _safe_repr(b))))

    def assertGreaterEqual(self, a, b, msg=None):
        if not a >= b:
            self.fail(self._formatMessage(msg, "%s not greater than or equal to %s" % (_safe_repr(a), _safe_repr(b))))

    def assertLess(self, a, b, msg=None):
        if not a < b:
            self.fail(self._formatMessage(msg, "%s not less than %s" % (_safe_repr(a), _safe_repr(b))))

    def assertLessEqual(self, a, b, msg=None):
        if not a <= b:
            self.fail(self._formatMessage(msg, "%s not less than or equal to %s" % (_safe_repr(a), _safe_repr(b))))

    def assertCountEqual(self, first, second, msg=None):
        first, second = list(first), list(second)
        missing = list(second)
        unexpected = []
        for item in first:
            if item in missing:
                missing.remove(item)
            else:
                unexpected.append(item)
        if missing or unexpected:
            lines = []
            for item in _counts(unexpected):
                lines.append("First has %d, Second has %d:  %s" % (item[1], 0, _safe_repr(item[0])))
            for item in _counts(missing):
                lines.append("First has %d, Second has %d:  %s" % (0, item[1], _safe_repr(item[0])))
            self.fail(self._formatMessage(msg, "Element counts were not equal:\n" + "\n".join(lines)))

    def assertRegex(self, text, expected_regex, msg=None):
        import re

        if not re.search(expected_regex, text):
            self.fail(self._formatMessage(msg, "Regex didn't match: %r not found in %r" % (expected_regex, text)))

    def assertRaises(self, expected_exception, *args, **kwargs):
        context = _AssertRaisesContext(expected_exception, self, msg=kwargs.pop("msg", None))
        if not args:
            return context
        callable_obj, args = args[0], args[1:]
        with context:
            callable_obj(*args, **kwargs)

    def assertRaisesRegex(self, expected_exception, expected_regex, *args, **kwargs):
        context = _AssertRaisesContext(expected_exception, self, expected_regex, kwargs.pop("msg", None))
        if not args:
            return context
        callable_obj, args = args[0], args[1:]
        with context:
            callable_obj(*args, **kwargs)


def _counts(items):
    counted = []
    for item in items:
        for entry in counted:
            if entry[0] == item:
                entry[1] += 1
                break
        else:
            counted.append([item, 1])
    return counted


def _difference(first, second):
    # CPython's first line of a failed assertEqual (and, for sequences, where they first differ).
    for kind, name in ((list, "Lists"), (tuple, "Tuples")):
        if isinstance(first, kind) and isinstance(second, kind):
            text = "%s differ: %s != %s" % (name, _safe_repr(first), _safe_repr(second))
            for i in range(min(len(first), len(second))):
                if first[i] != second[i]:
                    return text + "\n\nFirst differing element %d:\n%s\n%s\n" % (
                        i, _safe_repr(first[i]), _safe_repr(second[i]))
            if len(first) > len(second):
                return text + "\n\nFirst %s contains %d additional elements.\nFirst extra element %d:\n%s\n" % (
                    kind.__name__, len(first) - len(second), len(second), _safe_repr(first[len(second)]))
            return text + "\n\nSecond %s contains %d additional elements.\nFirst extra element %d:\n%s\n" % (
                kind.__name__, len(second) - len(first), len(first), _safe_repr(second[len(first)]))
    if isinstance(first, dict) and isinstance(second, dict):
        return "%s != %s\n" % (_safe_repr(first), _safe_repr(second))
    if isinstance(first, str) and isinstance(second, str) and ("\n" in first or "\n" in second):
        return "%s != %s\n" % (_safe_repr(first), _safe_repr(second))
    return "%s != %s" % (_safe_repr(first), _safe_repr(second))


class TestSuite(object):
    def __init__(self, tests=()):
        self._tests = []
        self.addTests(tests)

    def addTest(self, test):
        self._tests.append(test)

    def addTests(self, tests):
        for test in tests:
            self.addTest(test)

    def __iter__(self):
        return iter(self._tests)

    def countTestCases(self):
        return sum(test.countTestCases() for test in self._tests)

    def __call__(self, result):
        return self.run(result)

    def run(self, result):
        done_classes = []
        for test in self._tests:
            if result.shouldStop:
                break
            if isinstance(test, TestCase):
                cls = test.__class__
                if cls not in done_classes:
                    if done_classes and not getattr(done_classes[-1], "__unittest_skip__", False):
                        done_classes[-1].tearDownClass()
                    done_classes.append(cls)
                    if not getattr(cls, "__unittest_skip__", False):
                        cls.setUpClass()
            test(result)
        if done_classes and not getattr(done_classes[-1], "__unittest_skip__", False):
            done_classes[-1].tearDownClass()
        return result


class TestLoader(object):
    testMethodPrefix = "test"

    def getTestCaseNames(self, testCaseClass):
        names = []
        for name in dir(testCaseClass):
            if name.startswith(self.testMethodPrefix) and callable(getattr(testCaseClass, name)):
                names.append(name)
        return sorted(names)

    def loadTestsFromTestCase(self, testCaseClass):
        names = self.getTestCaseNames(testCaseClass)
        if not names and hasattr(testCaseClass, "runTest"):
            names = ["runTest"]
        return TestSuite([testCaseClass(name) for name in names])

    def loadTestsFromModule(self, module, *args, **kwargs):
        tests = []
        for name in dir(module):
            obj = getattr(module, name)
            if _is_case_class(obj):
                tests.append(self.loadTestsFromTestCase(obj))
        return TestSuite(tests)


def _is_case_class(obj):
    return isinstance(obj, type) and issubclass(obj, TestCase) and obj is not TestCase


defaultTestLoader = TestLoader()


def makeSuite(testCaseClass, prefix="test"):
    return defaultTestLoader.loadTestsFromTestCase(testCaseClass)


class TestResult(object):
    def __init__(self, stream=None, descriptions=None, verbosity=None):
        self.failures = []
        self.errors = []
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.testsRun = 0
        self.shouldStop = False

    def startTest(self, test):
        self.testsRun += 1

    def stopTest(self, test):
        pass

    def addSuccess(self, test):
        pass

    def addFailure(self, test, err):
        self.failures.append((test, _format_err(err)))

    def addError(self, test, err):
        self.errors.append((test, _format_err(err)))

    def addSkip(self, test, reason):
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        self.expectedFailures.append((test, _format_err(err)))

    def addUnexpectedSuccess(self, test):
        self.unexpectedSuccesses.append(test)

    def addSubTest(self, test, subtest, err, is_failure):
        if is_failure:
            self.failures.append((subtest, _format_err(err)))
        else:
            self.errors.append((subtest, _format_err(err)))

    def wasSuccessful(self):
        return len(self.failures) == len(self.errors) == 0 and not self.unexpectedSuccesses

    def stop(self):
        self.shouldStop = True


def _format_err(err):
    return "".join(traceback.format_exception(err[0], err[1], err[2]))


class TextTestResult(TestResult):
    separator1 = "=" * 70
    separator2 = "-" * 70

    def __init__(self, stream, descriptions, verbosity):
        TestResult.__init__(self)
        self.stream = stream
        self.showAll = verbosity > 1
        self.dots = verbosity == 1
        self._newline = True
        self.descriptions = descriptions

    def getDescription(self, test):
        doc = test.shortDescription() if self.descriptions and isinstance(test, TestCase) else None
        if doc:
            return "\n".join((str(test), doc))
        return str(test)

    def _write_status(self, test, status):
        # A subtest's status, or one for a test whose line was not started (3.12's skips),
        # goes on a line of its own with the test's description.
        is_subtest = isinstance(test, _SubTest)
        if is_subtest or self._newline:
            if not self._newline:
                self.stream.write("\n")
            if is_subtest:
                self.stream.write("  ")
            self.stream.write(self.getDescription(test) + " ... ")
        self.stream.write(status + "\n")
        self.stream.flush()
        self._newline = True

    def _report(self, test, long, short):
        if self.showAll:
            self._write_status(test, long)
        elif self.dots:
            self.stream.write(short)
            self.stream.flush()

    def startTest(self, test):
        TestResult.startTest(self, test)
        if self.showAll:
            self.stream.write(self.getDescription(test) + " ... ")
            self.stream.flush()
            self._newline = False

    def addSuccess(self, test):
        TestResult.addSuccess(self, test)
        self._report(test, "ok", ".")

    def addError(self, test, err):
        TestResult.addError(self, test, err)
        self._report(test, "ERROR", "E")

    def addFailure(self, test, err):
        TestResult.addFailure(self, test, err)
        self._report(test, "FAIL", "F")

    def addSkip(self, test, reason):
        TestResult.addSkip(self, test, reason)
        self._report(test, "skipped {0!r}".format(reason), "s")

    def addExpectedFailure(self, test, err):
        TestResult.addExpectedFailure(self, test, err)
        self._report(test, "expected failure", "x")

    def addUnexpectedSuccess(self, test):
        TestResult.addUnexpectedSuccess(self, test)
        self._report(test, "unexpected success", "u")

    def addSubTest(self, test, subtest, err, is_failure):
        TestResult.addSubTest(self, test, subtest, err, is_failure)
        # Before 3.11 a failed subtest shows only in the list of failures.
        if sys.version_info >= (3, 11):
            self._report(subtest, "FAIL" if is_failure else "ERROR", "F" if is_failure else "E")

    def printErrors(self):
        if self.dots or self.showAll:
            self.stream.write("\n")
            self.stream.flush()
        self.printErrorList("ERROR", self.errors)
        self.printErrorList("FAIL", self.failures)
        for test in self.unexpectedSuccesses:
            self.stream.write(self.separator1 + "\n")
            self.stream.write("UNEXPECTED SUCCESS: %s\n" % self.getDescription(test))

    def printErrorList(self, flavour, errors):
        for test, err in errors:
            self.stream.write(self.separator1 + "\n")
            self.stream.write("%s: %s\n" % (flavour, self.getDescription(test)))
            self.stream.write(self.separator2 + "\n")
            self.stream.write("%s\n" % err)
            self.stream.flush()


class TextTestRunner(object):
    resultclass = TextTestResult

    def __init__(self, stream=None, descriptions=True, verbosity=1, failfast=False, buffer=False,
                 resultclass=None, warnings=None, **kwargs):
        self.stream = stream if stream is not None else sys.stderr
        self.descriptions = descriptions
        self.verbosity = verbosity
        if resultclass is not None:
            self.resultclass = resultclass

    def run(self, test):
        result = self.resultclass(self.stream, self.descriptions, self.verbosity)
        start = time.perf_counter()
        test(result)
        taken = time.perf_counter() - start
        result.printErrors()
        self.stream.write(result.separator2 + "\n")
        run = result.testsRun
        self.stream.write("Ran %d test%s in %.3fs\n" % (run, run != 1 and "s" or "", taken))
        self.stream.write("\n")
        infos = []
        if not result.wasSuccessful():
            self.stream.write("FAILED")
            if result.failures:
                infos.append("failures=%d" % len(result.failures))
            if result.errors:
                infos.append("errors=%d" % len(result.errors))
        elif run == 0 and sys.version_info >= (3, 12):
            self.stream.write("NO TESTS RAN")
        else:
            self.stream.write("OK")
        if result.skipped:
            infos.append("skipped=%d" % len(result.skipped))
        if result.expectedFailures:
            infos.append("expected failures=%d" % len(result.expectedFailures))
        if result.unexpectedSuccesses:
            infos.append("unexpected successes=%d" % len(result.unexpectedSuccesses))
        if infos:
            self.stream.write(" (%s)" % (", ".join(infos),))
        self.stream.write("\n")
        self.stream.flush()
        return result


class TestProgram(object):
    def __init__(self, module="__main__", defaultTest=None, argv=None, testRunner=None, testLoader=None,
                 exit=True, verbosity=1, failfast=None, catchbreak=None, buffer=None, warnings=None):
        loader = testLoader or defaultTestLoader
        script = dict(_gilsim.script_globals())
        if defaultTest is None:
            cases = [value for name, value in _gilsim.script_globals() if _is_case_class(value)]
        else:
            names = [defaultTest] if isinstance(defaultTest, str) else defaultTest
            cases = [script[name] for name in names]
        self.test = TestSuite([loader.loadTestsFromTestCase(case) for case in cases])
        runner = testRunner or TextTestRunner(verbosity=verbosity)
        if isinstance(runner, type):
            runner = runner(verbosity=verbosity)
        self.result = runner.run(self.test)
        if exit:
            # 3.12 and later exit with 5 when no test ran (3.13: and none was skipped).
            if self.result.testsRun == 0 and sys.version_info >= (3, 12):
                if sys.version_info[:2] == (3, 12) or not self.result.skipped:
                    sys.exit(5)
            sys.exit(not self.result.wasSuccessful())


main = TestProgram
