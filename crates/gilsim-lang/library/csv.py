# csv in Python, after CPython's Modules/_csv.c and Lib/csv.py: reader and writer with the
# excel and excel-tab dialects and the usual format parameters (delimiter, quotechar,
# escapechar, doublequote, skipinitialspace, lineterminator, quoting, strict), DictReader and
# DictWriter. Rows are written to and read from any object with write() / any iterable of
# lines, as CPython's are (io.StringIO, files of the simulated disk).
import _gilsim

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE", "Error", "Dialect",
           "excel", "excel_tab", "unix_dialect", "reader", "writer", "register_dialect",
           "get_dialect", "list_dialects", "field_size_limit", "DictReader", "DictWriter"]

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)


class Error(Exception):
    __module__ = "_csv"


class Dialect:
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None
    strict = False


class excel(Dialect):
    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = QUOTE_MINIMAL


class excel_tab(excel):
    delimiter = "\t"


class unix_dialect(Dialect):
    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = QUOTE_ALL


_dialects = {"excel": excel, "excel-tab": excel_tab, "unix": unix_dialect}


def register_dialect(name, dialect=None, **fmtparams):
    _dialects[name] = _Format(dialect or excel, fmtparams)


def get_dialect(name):
    if name not in _dialects:
        raise Error("unknown dialect")
    return _dialects[name]


def list_dialects():
    return list(_dialects)


def unregister_dialect(name):
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def field_size_limit(new_limit=None):
    return 131072


class _Format(object):
    # A dialect with the call's format parameters on top.
    def __init__(self, dialect, fmtparams):
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)
        for name in ("delimiter", "quotechar", "escapechar", "doublequote", "skipinitialspace",
                     "lineterminator", "quoting", "strict"):
            setattr(self, name, fmtparams.pop(name, getattr(dialect, name, None)))
        if fmtparams:
            name = next(iter(fmtparams))
            raise TypeError("'%s' is an invalid keyword argument for this function" % name)
        if not isinstance(self.delimiter, str) or len(self.delimiter) != 1:
            raise TypeError('"delimiter" must be a 1-character string')
        if self.quoting is None:
            self.quoting = QUOTE_MINIMAL
        if self.doublequote is None:
            self.doublequote = True


class _Writer(object):
    def __init__(self, fileobj, dialect, fmtparams):
        if not hasattr(fileobj, "write"):
            raise TypeError('argument 1 must have a "write" method')
        self._file = fileobj
        self.dialect = _Format(dialect, fmtparams)

    def _field(self, value):
        d = self.dialect
        if value is None:
            text = ""
        elif isinstance(value, float):
            text = repr(value)
        else:
            text = str(value)
        if d.quoting == QUOTE_NONNUMERIC:
            quote = not isinstance(value, (int, float)) or isinstance(value, bool)
        elif d.quoting == QUOTE_ALL:
            quote = True
        else:
            quote = False
        special = d.delimiter + (d.quotechar or "") + "\r\n"
        if d.quoting == QUOTE_NONE:
            out = []
            for ch in text:
                if ch in special or (d.escapechar and ch == d.escapechar):
                    if not d.escapechar:
                        raise Error("need to escape, but no escapechar set")
                    out.append(d.escapechar)
                out.append(ch)
            return "".join(out)
        if not quote and d.quoting == QUOTE_MINIMAL:
            quote = any(ch in special or ch in d.lineterminator for ch in text)
        if d.quotechar and d.quotechar in text:
            if d.doublequote:
                text = text.replace(d.quotechar, d.quotechar * 2)
            elif d.escapechar:
                text = text.replace(d.quotechar, d.escapechar + d.quotechar)
            else:
                raise Error("need to escape, but no escapechar set")
        return d.quotechar + text + d.quotechar if quote else text

    def writerow(self, row):
        try:
            fields = list(row)
        except TypeError:
            raise Error("iterable expected, not %s" % type(row).__name__)
        d = self.dialect
        if len(fields) == 1 and fields[0] in ("", None) and d.quoting != QUOTE_NONE:
            line = d.quotechar * 2
        else:
            line = d.delimiter.join(self._field(value) for value in fields)
        return self._file.write(line + d.lineterminator)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


class _Reader(object):
    def __init__(self, iterable, dialect, fmtparams):
        self._lines = iter(iterable)
        self.dialect = _Format(dialect, fmtparams)
        self.line_num = 0

    def __iter__(self):
        return self

    def __next__(self):
        d = self.dialect
        fields = []
        field = []
        in_quotes = False
        quoted = False
        started = False
        while True:
            try:
                line = next(self._lines)
            except StopIteration:
                if in_quotes:
                    if d.strict:
                        raise Error("unexpected end of data")
                    fields.append("".join(field))
                    return fields
                if started:
                    fields.append("".join(field))
                    return fields
                raise
            self.line_num += 1
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %s (the file should be opened in text mode)"
                            % type(line).__name__)
            i = 0
            n = len(line)
            if not in_quotes and not started and line.rstrip("\r\n") == "":
                return []
            started = True
            while i < n:
                ch = line[i]
                if in_quotes:
                    if d.escapechar and ch == d.escapechar and i + 1 < n:
                        field.append(line[i + 1])
                        i += 2
                        continue
                    if ch == d.quotechar:
                        if d.doublequote and i + 1 < n and line[i + 1] == d.quotechar:
                            field.append(ch)
                            i += 2
                            continue
                        in_quotes = False
                        i += 1
                        continue
                    field.append(ch)
                    i += 1
                    continue
                if d.escapechar and ch == d.escapechar and i + 1 < n:
                    field.append(line[i + 1])
                    i += 2
                    continue
                if ch == d.delimiter:
                    fields.append(self._finish(field, quoted))
                    field = []
                    quoted = False
                    i += 1
                    if d.skipinitialspace:
                        while i < n and line[i] == " ":
                            i += 1
                    continue
                if ch in "\r\n":
                    i += 1
                    continue
                if ch == d.quotechar and not field and d.quoting != QUOTE_NONE:
                    in_quotes = True
                    quoted = True
                    i += 1
                    continue
                field.append(ch)
                i += 1
            if not in_quotes:
                fields.append(self._finish(field, quoted))
                return fields
            # A quoted field goes on with the next line (its own newline, if any, is kept).

    def _finish(self, field, quoted):
        text = "".join(field)
        if self.dialect.quoting == QUOTE_NONNUMERIC and not quoted and text:
            return float(text)
        return text


def writer(csvfile, dialect="excel", **fmtparams):
    return _Writer(csvfile, dialect, fmtparams)


def reader(csvfile, dialect="excel", **fmtparams):
    return _Reader(csvfile, dialect, fmtparams)


class DictReader:
    def __init__(self, f, fieldnames=None, restkey=None, restval=None, dialect="excel", *args, **kwds):
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:
            row = next(self.reader)
        # 3.6 and 3.7 made each row an OrderedDict.
        if _gilsim.version < (3, 8):
            import collections

            d = collections.OrderedDict(zip(self.fieldnames, row))
        else:
            d = dict(zip(self.fieldnames, row))
        lf = len(self.fieldnames)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval
        return d


class DictWriter:
    def __init__(self, f, fieldnames, restval="", extrasaction="raise", dialect="excel", *args, **kwds):
        self.fieldnames = list(fieldnames)
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'" % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong_fields = [k for k in rowdict if k not in self.fieldnames]
            if wrong_fields:
                raise ValueError("dict contains fields not in fieldnames: " + ", ".join([repr(x) for x in wrong_fields]))
        return (rowdict.get(key, self.restval) for key in self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))
