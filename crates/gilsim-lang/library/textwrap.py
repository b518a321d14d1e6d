# textwrap: wrap, fill, shorten, dedent, indent and TextWrapper, giving the lines CPython's
# textwrap gives. The text is cut into chunks — runs of ASCII whitespace, words, and (with
# break_on_hyphens) the pieces of hyphenated words and em-dashes CPython's word-separator
# pattern finds — and chunks are packed greedily into lines; a scan stands in for the
# pattern.
import _gilsim

_WHITESPACE = "\t\n\x0b\x0c\r "


def _is_word_char(c):
    return c.isalnum() or c == "_"


def _is_letter(c):
    return _is_word_char(c) and not c.isdigit()


def _is_word_punct(c):
    return _is_word_char(c) or c in "!\"'&.,?"


def _dash_run(text, at):
    # The length of the run of "-" at `at`.
    end = at
    while end < len(text) and text[end] == "-":
        end += 1
    return end - at


def _em_dash_at(text, at):
    # A run of two or more dashes after a word character or punctuation, before a word
    # character: a chunk of its own (0 if there is none at `at`).
    run = _dash_run(text, at)
    if run >= 2 and at > 0 and _is_word_punct(text[at - 1]):
        after = at + run
        if after < len(text) and _is_word_char(text[after]):
            return run
    return 0


def _hyphen_breaks_after(text, at):
    # `text[at]` is a hyphen of a compound word: two letters (or letter-hyphen-letter)
    # before it and letter, optional hyphen, letter after it.
    before = (at >= 2 and _is_letter(text[at - 1]) and _is_letter(text[at - 2])) or (
        at >= 3 and _is_letter(text[at - 1]) and text[at - 2] == "-" and _is_letter(text[at - 3]))
    if not before:
        return False
    rest = text[at + 1:at + 4]
    if len(rest) >= 2 and _is_letter(rest[0]) and _is_letter(rest[1]):
        return True
    return len(rest) >= 3 and _is_letter(rest[0]) and rest[1] == "-" and _is_letter(rest[2])


def _word_chunks(text, start, end, chunks):
    # Cut the non-whitespace run text[start:end] at hyphens and em-dashes.
    at = start
    while at < end:
        run = _em_dash_at(text, at)
        if run:
            chunks.append(text[at:at + run])
            at += run
            continue
        stop = at + 1
        while stop < end:
            if text[stop - 1] == "-" and stop - 1 > at and _hyphen_breaks_after(text, stop - 1):
                break
            if _is_word_punct(text[stop - 1]) and _em_dash_at(text, stop):
                break
            stop += 1
        chunks.append(text[at:stop])
        at = stop


def _chunks(text, on_hyphens):
    chunks = []
    at = 0
    while at < len(text):
        end = at
        spaces = text[at] in _WHITESPACE
        while end < len(text) and (text[end] in _WHITESPACE) == spaces:
            end += 1
        if spaces or not on_hyphens:
            chunks.append(text[at:end])
        else:
            _word_chunks(text, at, end, chunks)
        at = end
    return chunks


def _ends_sentence(chunk):
    # A lowercase ASCII letter, then . ! or ?, then maybe a closing quote.
    if chunk[-1:] in ("\"", "'"):
        chunk = chunk[:-1]
    return len(chunk) >= 2 and chunk[-1] in ".!?" and "a" <= chunk[-2] <= "z"


class TextWrapper(object):
    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            for c in _WHITESPACE:
                text = text.replace(c, " ")
        return text

    def _split(self, text):
        return [c for c in _chunks(text, self.break_on_hyphens is True) if c]

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _ends_sentence(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            chunk = reversed_chunks[-1]
            end = space_left
            if _gilsim.version >= (3, 10) and self.break_on_hyphens and len(chunk) > space_left:
                # From 3.10 a long word breaks after its last hyphen that fits, if some
                # non-hyphen comes before it.
                hyphen = chunk.rfind("-", 0, space_left)
                if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _fits_last_line(self, lines, chunks, cur_len, width):
        if self.max_lines is None or len(lines) + 1 < self.max_lines:
            return True
        rest_is_space = self.drop_whitespace and len(chunks) == 1 and not chunks[0].strip()
        return (not chunks or rest_is_space) and cur_len <= width

    def _truncate(self, lines, cur_line, cur_len, width, indent):
        # The last line allowed: as many chunks as leave room for the placeholder.
        while cur_line:
            if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                cur_line.append(self.placeholder)
                lines.append(indent + "".join(cur_line))
                return
            cur_len -= len(cur_line[-1])
            del cur_line[-1]
        if lines:
            previous = lines[-1].rstrip()
            if len(previous) + len(self.placeholder) <= self.width:
                lines[-1] = previous + self.placeholder
                return
        lines.append(indent + self.placeholder.lstrip())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                del chunks[-1]
            while chunks:
                size = len(chunks[-1])
                if cur_len + size > width:
                    break
                cur_line.append(chunks.pop())
                cur_len += size
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(len(c) for c in cur_line)
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if cur_line:
                if self._fits_last_line(lines, chunks, cur_len, width):
                    lines.append(indent + "".join(cur_line))
                else:
                    self._truncate(lines, cur_line, cur_len, width, indent)
                    break
        return lines

    def wrap(self, text):
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    return TextWrapper(width=width, max_lines=1, **kwargs).fill(" ".join(text.strip().split()))


def _leading_space(line):
    n = 0
    while n < len(line) and line[n] in " \t":
        n += 1
    return line[:n]


def dedent(text):
    # Lines of only spaces and tabs become empty; the margin is the longest run of leading
    # spaces and tabs the other lines share, removed from each of them.
    lines = text.split("\n")
    margin = None
    for i, line in enumerate(lines):
        if line.strip(" \t") == "":
            lines[i] = ""
            continue
        lead = _leading_space(line)
        if margin is None:
            margin = lead
        else:
            common = 0
            while common < min(len(margin), len(lead)) and margin[common] == lead[common]:
                common += 1
            margin = margin[:common]
    if margin:
        lines = [line[len(margin):] if line else line for line in lines]
    return "\n".join(lines)


def indent(text, prefix, predicate=None):
    if predicate is None:
        def predicate(line):
            return line.strip()
    return "".join(prefix + line if predicate(line) else line for line in text.splitlines(True))
