# Modelled on public report-printing scripts that wrap worker summaries with textwrap.
import textwrap
import threading

summaries = {}


def summarize(name, words):
    summaries[name] = " ".join(words)


jobs = {
    "alpha": ["the", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog"] * 2,
    "beta": ["lorem", "ipsum", "dolor", "sit", "amet"] * 3,
}
threads = [threading.Thread(target=summarize, args=item) for item in jobs.items()]
for t in threads:
    t.start()
for t in threads:
    t.join()
for name in sorted(summaries):
    print(name + ":")
    print(textwrap.fill(summaries[name], width=30, initial_indent="  ", subsequent_indent="    "))
print(textwrap.shorten("Hello there, this is a long line of text", width=20))
print(textwrap.indent("a\nb\n", "> "), end="")
print(textwrap.dedent("""
    first
      second
"""))
