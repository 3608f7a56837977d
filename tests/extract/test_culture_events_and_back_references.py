"""Rules added after the first sight of generalisation batch 8, each on sentences of its own.

Portfolios listed with commas, "Concern" and shipyards as company heads, a body named with and then
without its country, an event named with and without its place, cultural events (days, weeks,
festivals), speakers at an occasion, weekdays in the future, and a day that refines an edition's year.
"""

from __future__ import annotations

import datetime as dt

from pactgraph.extract.dates import find_dates


def test_a_portfolio_listed_with_commas_is_part_of_the_title(extract, unknown) -> None:
    unknown("Dao Van Khanh")
    names, facts = extract(
        "Vietnamese Minister of Labour, Invalids and Social Affairs Dao Van Khanh met the delegation.", "en"
    )
    assert names.get("Dao Van Khanh") == "Person"
    assert ("Dao Van Khanh", "represents", "Vietnam") in facts


def test_a_name_after_a_comma_is_not_read_as_more_of_the_portfolio(extract, unknown) -> None:
    unknown("Pavel Orlov")
    names, _ = extract("Russian Minister of Finance, Pavel Orlov, and his deputy arrived.", "en")
    assert not [n for n in names if "Finance" in n and "Orlov" in n]


def test_concerns_and_shipyards_are_companies_a_sports_complex_is_not(extract, unknown) -> None:
    unknown("Almaz Defence Concern", "Baltic Harbour Shipyard", "Amur Shipbuilding Complex")
    names, facts = extract(
        "Russia's Almaz Defence Concern and Vietnam's Baltic Harbour Shipyard signed a contract in the "
        "Thong Nhat Sports Complex. Amur Shipbuilding Complex joined later.",
        "en",
    )
    assert names.get("Almaz Defence Concern") == "Company"
    assert names.get("Baltic Harbour Shipyard") == "Company"
    assert names.get("Amur Shipbuilding Complex") == "Company"
    assert "Company" not in {cls for n, cls in names.items() if "Sports Complex" in n}
    assert ("Almaz Defence Concern", "country", "Russia") in facts


def test_a_body_named_with_its_country_and_later_without_it_is_one_node(unknown, mention_keys) -> None:
    unknown("Federal Service for Veterinary Inspection of Russia")
    text = (
        "Vietnam's Department of Animal Health and the Federal Service for Veterinary Inspection of Russia "
        "met in Hanoi on May 5. The head of the Federal Service for Veterinary Inspection praised the talks."
    )
    keys = mention_keys(text, "en")
    full = keys["Federal Service for Veterinary Inspection of Russia"]
    assert keys["Federal Service for Veterinary Inspection"] == full


def test_a_short_name_two_countries_bodies_share_stays_apart(unknown, mention_keys) -> None:
    text = (
        "The Ministry of Water Works of Russia and the Ministry of Water Works of Laos met. "
        "The Ministry of Water Works said the talks went well."
    )
    keys = mention_keys(text, "en")
    russia, laos = keys["Ministry of Water Works of Russia"], keys["Ministry of Water Works of Laos"]
    short = keys["Ministry of Water Works"]
    assert short != russia and short != laos


def test_vietnamese_bodies_without_a_country_are_not_taken_for_the_foreign_one(mention_keys) -> None:
    text = "Bộ Thủy lợi Nga và Bộ Thủy lợi đã ký Bản ghi nhớ về hợp tác ngày 5/5/2026."
    keys = mention_keys(text, "vi")
    assert keys.get("Bộ Thủy lợi Nga") and keys.get("Bộ Thủy lợi")
    assert keys["Bộ Thủy lợi Nga"] != keys["Bộ Thủy lợi"]


def test_an_event_named_in_the_headline_without_its_place_is_the_body_s_event(mention_keys) -> None:
    text = (
        "Days of Vietnamese Culture open\n"
        "The Days of Vietnamese Culture in Belarus opened in Minsk on May 11, 2026 with a folk concert."
    )
    keys = mention_keys(text, "en")
    assert keys["Days of Vietnamese Culture"] == keys["Days of Vietnamese Culture in Belarus"]


def test_a_short_event_name_two_places_share_stays_apart(mention_keys) -> None:
    text = (
        "The Days of Vietnamese Culture in Belarus opened on May 4, 2026. The Days of Vietnamese Culture in "
        "Laos follow in June. The Days of Vietnamese Culture are held every year."
    )
    keys = mention_keys(text, "en")
    belarus, laos = keys["Days of Vietnamese Culture in Belarus"], keys["Days of Vietnamese Culture in Laos"]
    assert belarus != laos
    assert keys["Days of Vietnamese Culture"] not in (belarus, laos)


def test_cultural_days_weeks_and_festivals_are_events(extract) -> None:
    names, facts = extract("Tối 9/5, Tuần phim Việt Nam tại Kazan năm 2026 đã khai mạc.", "vi")
    assert "Event" in {names.get(n) for n in names if n.startswith("Tuần phim Việt Nam")}
    assert any(p == "date" and o == "2026-05-09" for _, p, o in facts)  # the day, not the edition's year


def test_a_speaker_at_the_occasion_told_just_before_took_part_in_it(extract, unknown) -> None:
    unknown("Oleg Sumin")
    text = (
        "The Vietnam-Russia Timber Forum was held in Hanoi on May 12, 2026. Speaking at the forum, Russian "
        "Deputy Minister of Natural Resources Oleg Sumin said exports would grow."
    )
    _, facts = extract(text, "en")
    assert ("Vietnam-Russia Timber Forum", "participant", "Oleg Sumin") in facts


def test_a_speaker_at_a_named_event_took_part_in_it_and_reporters_are_no_occasion(extract, unknown) -> None:
    unknown("Tran Duc Vinh", "Le Hoai Nam")
    text = (
        "The ministers met on May 12, 2026. Addressing reporters, Vietnamese Deputy Minister of Transport "
        "Tran Duc Vinh said little. Phát biểu tại Hội thảo Logistics Việt - Nga, Thứ trưởng Bộ Giao thông "
        "vận tải Lê Hoài Nam cho biết."
    )
    _, en_facts = extract(text.split(" Phát")[0], "en")
    assert not [f for f in en_facts if f[1] == "participant" and f[2] == "Tran Duc Vinh"]
    _, vi_facts = extract("Phát" + text.split(" Phát")[1], "vi")
    assert ("Hội thảo Logistics Việt - Nga", "participant", "Lê Hoài Nam") in vi_facts


def _weekday(sentence: str, published: str) -> str:
    (found,) = [d for d in find_dates(sentence, [(0, len(sentence))], published) if d.datatype == "date"]
    return found.value


def test_a_weekday_in_a_clause_about_the_future_is_the_coming_one() -> None:
    published = "2026-05-12"  # a Tuesday
    assert dt.date.fromisoformat(published).weekday() == 1
    assert _weekday("The two sides will meet again on Friday.", published) == "2026-05-15"
    assert _weekday("The ministers met on Friday.", published) == "2026-05-08"
    assert _weekday("Orlov, who will visit Hanoi next month, said on Monday it was ready.", published) == (
        "2026-05-11"
    )
    last_friday = _weekday("The agency said the talks that will follow began last Friday.", published)
    assert last_friday == "2026-05-08"
