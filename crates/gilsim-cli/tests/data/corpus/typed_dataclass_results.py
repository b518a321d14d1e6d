# Modelled on modern typed examples: dataclass task records with typing annotations,
# processed by a pool and reported with asdict.
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import List, Optional


@dataclass
class Report:
    name: str
    size: int
    words: List[str] = field(default_factory=list)
    error: Optional[str] = None


def analyse(text: str) -> Report:
    words = text.split()
    if not words:
        return Report(name=text or "<empty>", size=0, error="empty")
    return Report(name=words[0], size=len(text), words=sorted(set(words)))


texts = ["alpha beta alpha", "", "gamma delta", "beta"]
with ThreadPoolExecutor(max_workers=2) as pool:
    reports = list(pool.map(analyse, texts))
for r in reports:
    print(asdict(r))
print(max(reports, key=lambda r: r.size))
