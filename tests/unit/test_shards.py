"""Cutting the indexed pages into search shards: by period, bounded in size, the same in every build."""

from __future__ import annotations

from revue.publish.shards import plan_shards, shard_limit


def pages(counts: dict[str, int]) -> dict[str, str]:
    """`count` pages in each month "YYYY-MM", as path → month."""
    return {
        f"articles/{month}-{n}/index.html": month for month, count in counts.items() for n in range(count)
    }


def layout(months: dict[str, str], size: int) -> list[tuple[str, int]]:
    return [(shard.id, len(shard.pages)) for shard in plan_shards(months, size)]


def test_the_newest_year_stands_alone_and_older_years_share_aligned_blocks_of_twice_the_size() -> None:
    ten_years = pages({f"{year}-03": 3 for year in range(2010, 2020)})
    assert layout(ten_years, 6) == [("2019", 3), ("2016_2018", 9), ("2012_2015", 12), ("2010_2011", 6)]
    assert layout(ten_years, 3) == [
        ("2019", 3),
        ("2018", 3),
        ("2016_2017", 6),
        ("2014_2015", 6),
        ("2012_2013", 6),
        ("2010_2011", 6),
    ]
    assert layout(ten_years, 29) == [("2019", 3), ("2010_2018", 27)]
    assert layout(ten_years, 30) == [("2010_2019", 30)], "a site that fits in one shard is one shard"


def test_a_full_newest_year_is_cut_into_runs_of_months() -> None:
    busy = pages({f"2023-{month:02d}": 10 for month in range(1, 13)} | {"2022-05": 4})
    assert layout(busy, 40) == [
        ("2023-09_2023-12", 40),
        ("2023-05_2023-08", 40),
        ("2023-01_2023-04", 40),
        ("2022", 4),
    ]


def test_a_full_older_year_is_cut_into_runs_of_months_of_twice_the_size() -> None:
    busy = pages({f"2020-{month:02d}": 10 for month in range(1, 13)} | {"2023-05": 4})
    assert layout(busy, 20) == [
        ("2023", 4),
        ("2020-09_2020-12", 40),
        ("2020-05_2020-08", 40),
        ("2020-01_2020-04", 40),
    ]


def test_a_month_is_never_split() -> None:
    assert layout(pages({"2023-02": 5, "2023-03": 1}), 2) == [("2023-03", 1), ("2023-02", 5)]


def test_every_page_is_in_exactly_one_shard_of_bounded_size() -> None:
    months = pages({f"{2000 + n % 25}-{n % 12 + 1:02d}": n % 7 for n in range(300)})
    shards = plan_shards(months, 50)
    assert sorted(path for shard in shards for path in shard.pages) == sorted(months)
    assert len(shards[0].pages) <= 50
    assert all(len(shard.pages) <= 100 for shard in shards)


def test_adding_an_article_reshapes_only_the_block_that_holds_it() -> None:
    """So the other shards keep their pages, and a build carries them over."""
    before = pages({f"{year}-06": 4 for year in range(2000, 2016)})
    after = before | {"articles/new/index.html": "2009-06"}
    old, new = plan_shards(before, 4), plan_shards(after, 4)
    assert [shard.id for shard in old if shard not in new] == ["2008_2009"]
    assert [shard.id for shard in new if shard not in old] == ["2009", "2008"]


def test_the_layout_depends_only_on_the_pages_not_on_their_order() -> None:
    months = pages({"2016-02": 3, "2020-01": 2, "2020-05": 4})
    assert plan_shards(dict(reversed(months.items())), 3) == plan_shards(months, 3)


def test_a_site_below_the_shard_size_is_cut_into_smaller_shards() -> None:
    """So an edit reindexes a part of it, and a cold build indexes on every core."""
    thousand = pages({f"{year}-06": 40 for year in range(2000, 2025)})
    assert layout(thousand, 1000) == [
        ("2024", 40),
        ("2020_2023", 160),
        ("2016_2019", 160),
        ("2012_2015", 160),
        ("2008_2011", 160),
        ("2004_2007", 160),
        ("2000_2003", 160),
    ]
    assert layout(pages({"2024-06": 64}), 1000) == [("2024", 64)], "64 pages or fewer: one shard"


def test_the_limit_grows_only_when_the_site_doubles_and_stops_at_the_shard_size() -> None:
    """Adding an article reshapes one block, except once each time the site doubles."""
    assert {shard_limit(pages, 1000) for pages in range(513, 1025)} == {128}
    assert shard_limit(1025, 1000) == 256
    assert shard_limit(10_000, 1000) == shard_limit(100_000, 1000) == 1000
    assert shard_limit(10_000, 300) == 300
