"""List gazetteer names that are also common Arabic words, for review.

A GeoNames entry's Arabic name is sometimes an ordinary word (حكومة is a hamlet
in Saudi Arabia, البلاد a village in Yemen); matched bare, it puts events in the
wrong country. This prints candidates for ``rasd/data/geo/not_places.txt``
(very common words naming small places) and ``needs_context.txt`` (common
words naming mid-sized places), using word frequencies from the ``wordfreq``
package, which is not a dependency of rasd: install it to run this.

    python scripts/common_place_words.py [--common 5.0] [--frequent 4.3]
"""

from __future__ import annotations

import argparse
from importlib.resources import files

from wordfreq import zipf_frequency

from rasd.geo.gazetteer import Gazetteer
from rasd.mentions.matcher import match_key


def spellings(key: str) -> set[str]:
    """Written forms of a matching key (its ه may be ة, its first ا a hamza seat)."""
    forms = {key}
    if key.endswith("ه"):
        forms.add(key[:-1] + "ة")
    for form in list(forms):
        for seat in ("أ", "إ"):
            if form.startswith("ا"):
                forms.add(seat + form[1:])
            if form.startswith("الا"):
                forms.add("ال" + seat + form[3:])
        if form.endswith("ي"):
            forms.add(form[:-1] + "ى")
    return forms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--common", type=float, default=5.0,
                        help="Zipf frequency from which a small place's name is a word")
    parser.add_argument("--frequent", type=float, default=4.3,
                        help="Zipf frequency from which a name needs its country in context")
    parser.add_argument("--small", type=int, default=50_000,
                        help="largest population of a place named by a very common word")
    parser.add_argument("--tiny", type=int, default=10_000,
                        help="largest population of a place named by a frequent word")
    args = parser.parse_args()
    gazetteer = Gazetteer.load()
    listed = set()
    for name in ("not_places.txt", "needs_context.txt"):
        text = (files("rasd.data") / "geo" / name).read_text(encoding="utf-8")
        listed |= {match_key(line) for line in text.splitlines()
                   if line.strip() and not line.startswith("#")}
    rows = []
    for key, ids in gazetteer.index.items():
        places = [gazetteer.places[i] for i in ids]
        if " " in key or key in listed or any(p.feature in ("admin1", "country")
                                              for p in places):
            continue
        biggest = max(p.population for p in places)
        z, form = max((zipf_frequency(f, "ar"), f) for f in spellings(key))
        where = "; ".join(f"{p.name}, {p.country}, {p.population:,}" for p in places[:3])
        if z >= args.common and biggest < args.small:
            rows.append(("not_places", z, form, where))
        elif z >= args.frequent and biggest < args.tiny:
            rows.append(("needs_context", z, form, where))
    for target, z, form, where in sorted(rows, key=lambda r: (r[0], -r[1])):
        print(f"{target}\t{z:.2f}\t{form}\t{where}")


if __name__ == "__main__":
    main()
