"""Split the indexed pages into search shards by period, as a pure function of their dates.

The newest year's shard holds at most `limit` pages: `search_shard_size`, or less on a smaller site,
an eighth of it rounded up to a power of two (never below 64), so that several shards (4 to 7 in the
benchmark corpus) share the work on every core and an edit reindexes only a part of the site. The
limit changes only when the site doubles in size (all shards are redone once then), not with every
article added. A site of at most `limit` articles is one shard. Otherwise the newest year (that of
the newest article), where articles are added and edited every day, is a shard of its own, cut into
runs of months when it holds more than `limit` articles: the build an editor waits for reindexes at
most `limit` pages. Older years, rarely touched, go into aligned blocks of years (one year, or 2, 4, 8…
years starting at a multiple of that width: 2016, 2016–2017, 2016–2019…) holding at most twice as
many; a year holding more is cut the same way into aligned runs of months (January–June,
January–March…). A search downloads a piece of every shard it searches (Pagefind's index chunk of
~20,000 word positions, ~30 KB), so large old blocks keep that cost near one index's. A build from
scratch and an incremental build cut the same shards, and adding, moving or removing an article
reshapes only the block that holds it (and, once a year, the block the past year joins).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

ALL_YEARS = 1 << 14  # the widest block, [0, 16384), holds every four-digit year
ALL_MONTHS = 16  # months 1–12 as 0–11 inside one aligned block of 16
SHARDS_WANTED = 8  # below `search_shard_size`, the newest year's shard holds an eighth of the site…
SMALLEST_LIMIT = 64  # …never fewer pages than this: a Pagefind process costs about as much as 64 pages


@dataclass(frozen=True)
class Shard:
    """Indexed pages of one period, indexed together by one Pagefind process."""

    id: str  # its folder under pagefind/: "2016", "2016_2019", "2023-01_2023-06"
    first: str  # the oldest year ("2016") or month ("2023-01") it holds
    last: str  # the newest
    pages: tuple[str, ...]  # paths in the site, sorted


def shard_limit(pages: int, size: int) -> int:
    """Most pages in the newest year's shard: `size`, or an eighth of a smaller site (a power of two)."""
    return min(size, max(SMALLEST_LIMIT, (1 << max(pages - 1, 0).bit_length()) // SHARDS_WANTED))


def plan_shards(months: dict[str, str], size: int) -> list[Shard]:
    """Shards for pages given as path → "YYYY-MM", newest first: at most `shard_limit` pages in the newest
    year's, twice that in the older ones', unless a single month holds more (a month is never split)."""
    size = shard_limit(len(months), size)
    pages_by_month: dict[str, list[str]] = defaultdict(list)
    for path, month in sorted(months.items()):
        pages_by_month[month].append(path)
    per_year = Counter(int(month[:4]) for month in months.values())
    shards: list[Shard] = []

    def add(chosen: list[str], named_by_month: bool) -> None:
        first, last = (min(chosen), max(chosen)) if named_by_month else (min(chosen)[:4], max(chosen)[:4])
        pages = tuple(sorted(path for month in chosen for path in pages_by_month[month]))
        shards.append(Shard(first if first == last else f"{first}_{last}", first, last, pages))

    def split_years(start: int, width: int, limit: int) -> None:
        count = sum(n for year, n in per_year.items() if start <= year < start + width)
        if not count:
            return
        if count <= limit:
            years = {year for year in per_year if start <= year < start + width}
            add([month for month in pages_by_month if int(month[:4]) in years], False)
        elif width == 1:
            split_months(start, 0, ALL_MONTHS, limit)
        else:
            split_years(start + width // 2, width // 2, limit)
            split_years(start, width // 2, limit)

    def split_months(year: int, start: int, width: int, limit: int) -> None:
        chosen = [f"{year:04d}-{m + 1:02d}" for m in range(start, min(start + width, 12))]
        chosen = [month for month in chosen if month in pages_by_month]
        count = sum(len(pages_by_month[month]) for month in chosen)
        if not count:
            return
        if count <= limit or width == 1:
            add(chosen, True)
        else:
            split_months(year, start + width // 2, width // 2, limit)
            split_months(year, start, width // 2, limit)

    if len(months) <= size:
        split_years(0, ALL_YEARS, size)  # a small site: one shard
    else:
        newest = max(per_year)
        split_years(newest, 1, size)
        del per_year[newest]
        split_years(0, ALL_YEARS, 2 * size)
    return shards
