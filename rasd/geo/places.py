"""Place mentions: find toponyms in the text and resolve each to one gazetteer entry.

Recognition uses the gazetteer's Arabic names with the clitic-aware matcher
(بهجين، والرقة، للبوكمال), the word before a name (مدينة، ريف، محافظة، معبر)
and region phrases (ريف دير الزور الشرقي: the eastern countryside of the
governorate, not the city). Resolution scores each candidate with the
article's context — the country in focus, governorates named nearby — and
population as a prior, and records the candidates it rejected and why.
ACLED's geo-precision: 1 the town itself, 2 part of a region or near a
place, 3 a governorate or larger.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from rasd.arabic.normalize import NormalizedText
from rasd.data import load_wordlist, load_yaml
from rasd.geo.gazetteer import Gazetteer, Place, name_keys
from rasd.mentions.matcher import PLACE_PROCLITICS, PhraseMatcher, match_key
from rasd.mentions.model import Mention

# Features of the curated localities (rasd/data/geo/localities.yaml) and the
# kinds of word before a name that announce each: "حي الشجاعية", "مخيم الفارعة",
# "مديرية المعلا", "مطار المزة". Their population is mostly unknown (0): without
# these a namesake town in another country would outscore them even in an
# article about their own country.
_LOCALITIES = frozenset({"district", "neighbourhood", "camp", "landmark"})
_CUED_LOCALITIES = {"neighbourhood": ("neighbourhood",), "populated": ("camp",),
                    "district": ("district",), "facility": ("landmark",)}


# A word after a generic head (عين، تل) that is not a preposition or direction:
# the head opens a longer name («مخيم عين الحلوة»).
_NAME_GOES_ON = re.compile(r" (?!(?:في|من|على|الى|عن|قرب|شمال|جنوب|شرق|غرب)\b)[^\W\d]")


# The word after a place name, and whether a quoted name closes right after it.
_OUTLET_WORD = re.compile(r"\s+([^\s«»:،,.]+)\s*(»)?")


@dataclass(frozen=True)
class Cues:
    types: dict[str, str]  # cue word (matching form) → expected kind
    directions: dict[str, str]
    person: frozenset[str]
    seat: frozenset[str] = frozenset()
    sites: frozenset[str] = frozenset()
    roads: frozenset[str] = frozenset()
    metonyms: frozenset[str] = frozenset()
    idioms: tuple[str, ...] = ()
    outlet_words: frozenset[str] = frozenset()
    quoted_outlet_words: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path | None = None) -> Cues:
        data = load_yaml(path or "geo/cues.yaml").content
        types = {match_key(w): kind for kind, words in data["place_types"].items() for w in words}
        directions = {match_key(w): d for d, words in data["directions"].items() for w in words}
        return cls(types, directions, frozenset(match_key(w) for w in data["person"]),
                   frozenset(match_key(w) for w in data.get("seat") or []),
                   frozenset(match_key(w) for w in data.get("sites") or []),
                   frozenset(match_key(w) for w in data.get("roads") or []),
                   frozenset(match_key(w) for w in data.get("metonyms") or []),
                   tuple(data.get("idioms") or ()),
                   frozenset(match_key(w) for w in data.get("outlet_words") or []),
                   frozenset(match_key(w) for w in data.get("quoted_outlet_words") or []))


@dataclass
class _Found:
    start: int
    end: int
    ids: tuple[str, ...]
    cue: str | None
    cue_start: int | None
    direction: str | None
    end_with_direction: int
    units: frozenset[tuple[str, str]] = frozenset()
    seat: bool = False  # "مبنى محافظة X": the building, in the capital
    weak: bool = False  # also a common word: a place only with its country in view


class PlaceFinder:
    """Finds and resolves place names against a ``Gazetteer``."""

    def __init__(self, gazetteer: Gazetteer, cues: Cues | None = None) -> None:
        self.gazetteer = gazetteer
        self.cues = cues or Cues.load()
        self.not_places = frozenset(match_key(w) for w in load_wordlist("geo/not_places.txt"))
        self.needs_context = frozenset(match_key(w)
                                       for w in load_wordlist("geo/needs_context.txt"))
        self._directions = sorted(self.cues.directions, key=len, reverse=True)
        # Phrases in which a place name is an ordinary word: «يفتح الباب أمام».
        self.idioms: PhraseMatcher[str] | None = PhraseMatcher(
            (w, "idiom") for w in self.cues.idioms) if self.cues.idioms else None
        self.matcher: PhraseMatcher[str] = PhraseMatcher(
            ((key, pid) for key, ids in gazetteer.index.items() for pid in ids),
            proclitics=PLACE_PROCLITICS)
        # The names that name only countries (a match's places are its key's).
        self._countries_only = frozenset(
            key for key, (_, _, ids) in self.matcher.entries.items()
            if all(gazetteer.places[i].feature == "country" for i in ids))

    def _word_before(self, text: str, start: int) -> tuple[str, int] | None:
        """The word before ``start`` (within 40 characters) when whitespace
        separates them, and where it starts: ``(\\S+)\\s+$`` on that stretch."""
        chunk = text[max(0, start - 40) : start]
        body = chunk.rstrip()
        if not body or len(body) == len(chunk):
            return None
        word = body.rsplit(None, 1)[-1]
        return word, start - (len(chunk) - len(body)) - len(word)

    def _direction(self, text: str, end: int) -> tuple[str | None, int]:
        rest = text[end : end + 30]
        if not rest.startswith(" ال"):
            return None, end  # every direction word carries the article
        for phrase in self._directions:
            if rest.startswith(" " + phrase) and (len(rest) == len(phrase) + 1 or
                                                  not rest[len(phrase) + 1].isalnum()):
                return self.cues.directions[phrase], end + len(phrase) + 1
        return None, end

    def _recognize(self, norm: NormalizedText, taken: list[tuple[int, int]]) -> list[_Found]:
        text = norm.text
        found: list[_Found] = []
        idioms = [(m.start, m.end) for m in self.idioms.find(text)] if self.idioms else []
        # Whether a span overlaps a taken one, by bisection: the taken spans that start
        # before its end, and the furthest any of them reaches.
        taken = sorted(taken)
        taken_starts = [s for s, _ in taken]
        reach = list(accumulate((e for _, e in taken), max))
        for m in self.matcher.find(text):
            ostart, oend = norm.to_original(m.start, m.end)
            if m.key in self.cues.types or (m.key[:2] == "ال" and m.key[2:] in self.cues.types):
                continue  # "المدينة", "قرية": the words that name a kind of place, never a place
            if m.key not in self._countries_only and (
                    i := bisect_left(taken_starts, oend)) and reach[i - 1] > ostart:
                continue  # part of an actor's name (مجلس دير الزور العسكري)
            if m.key in self.not_places and _NAME_GOES_ON.match(text, m.end):
                continue  # «مخيم عين الحلوة»: عين heads a longer name we do not know
            if norm.original[oend : oend + 1] == "\u064b" or (
                    oend + 1 < len(norm.original) and norm.original[oend] == "ا"
                    and norm.original[oend + 1] == "\u064b"):
                continue  # «لعب دوراً»، «دوماً»: a word with tanween is no name
            if any(s <= m.start and m.end <= e for s, e in idioms):
                continue  # «يفتح الباب أمام»: the door, not al-Bab
            if self._outlet(norm.original, oend) or _told_to(norm.original, ostart):
                continue  # «المرج الإخبارية»، «صنعاء نيوز»: an outlet's name
            before = self._word_before(text, m.word_start)
            cue = cue_start = None
            if before is not None:
                word, where = before
                wstart, wend = norm.to_original(where, where + len(word))
                # على (on) and علي (Ali) share a matching form: "قصف على حلب" names Aleppo.
                on = norm.original[wstart:wend].endswith("ى")
                if word in self.cues.person and not m.prefix and not on:
                    continue  # محمد حلب: part of a person's name
                if word.lstrip("«\"'(") in self.cues.sites and not m.prefix:
                    continue  # ساحة الكرامة، ميدان الشهداء: a square's name, not a town
                bare = word[1:] if word[:1] in "وفبل" and word[1:] in self.cues.types else word
                if bare in self.cues.types:
                    cue, cue_start = self.cues.types[bare], where
            seat = False
            head, _, bare_name = m.key.partition(" ")
            named_unit = self.cues.types.get(head) == "admin1" and bare_name
            if (cue == "admin1" and cue_start is not None) or named_unit:
                ahead = self._word_before(text, cue_start if cue == "admin1" and cue_start
                                          is not None else m.word_start)
                seat = ahead is not None and ahead[0] in self.cues.seat
            if cue in (None, "direction") and not self._plausible(m.key, m.values):
                continue
            direction, end = self._direction(text, m.end)
            ids = tuple(dict.fromkeys(m.values))
            if seat and named_unit:  # "مبنى محافظة البصرة": the city is a candidate too
                ids = tuple(dict.fromkeys((*ids, *self.gazetteer.index.get(bare_name, ()))))
            units = frozenset((self.gazetteer.places[i].country, self.gazetteer.places[i].admin1)
                              for i in ids)
            # «طريق مكة المكرمة» in Mogadishu: a road named after a far city is
            # that city only when the article is about its country.
            road = before is not None and before[0] in self.cues.roads and not m.prefix
            weak = (cue is None and m.key in self.needs_context) or road
            found.append(_Found(m.start, m.end, ids, cue, cue_start, direction, end, units, seat,
                                weak))
        return found

    def _outlet(self, original: str, end: int) -> bool:
        """A place name followed by a word news sites are named with is the site's name;
        «اليوم» and the like only when the quoted name closes after it («حلب اليوم»)."""
        after = _OUTLET_WORD.match(original, end)
        if after is None:
            return False
        word = match_key(after.group(1))
        return word in self.cues.outlet_words or (
            word in self.cues.quoted_outlet_words and bool(after.group(2)))

    def _plausible(self, key: str, ids: tuple[str, ...]) -> bool:
        """Without a place-type word, ordinary words and tiny names are not places."""
        if key in self.not_places:
            return False
        if len(key.replace(" ", "")) <= 4:
            places = self.gazetteer.places
            return any(places[i].feature in ("admin1", "country") or places[i].population >= 10000
                       for i in ids)
        return True

    def find(self, norm: NormalizedText, taken: list[tuple[int, int]] | None = None,
             focus_countries: Counter[str] | None = None) -> list[Mention]:
        found = self._recognize(norm, taken or [])
        places = self.gazetteer.places
        # Context: countries and governorates of the unambiguous mentions.
        countries: Counter[str] = Counter(focus_countries or {})
        admin1s: Counter[tuple[str, str]] = Counter()
        for f in found:
            if f.weak or norm.text[f.start:f.end] in self.cues.metonyms:
                continue
            if len({places[i].country for i in f.ids}) == 1:
                countries[places[f.ids[0]].country] += 1
            # حماة the city and حماة the governorate agree on the governorate.
            units = {(places[i].country, places[i].admin1) for i in f.ids}
            if len(units) == 1 and places[f.ids[0]].feature != "country":
                admin1s[units.pop()] += 1
        # A name that is also a common word needs its country among those the
        # article's other places may be in.
        # (countries of names that can only be in one country: المالكية is in Syria and
        # in Lebanon, so it does not make تدمّر Palmyra in a report from Lebanon)
        possible = {places[f.ids[0]].country for f in found if not f.weak
                    and len({places[i].country for i in f.ids}) == 1} | {
            c for c, n in countries.items() if n > 0} or {
            places[i].country for f in found if not f.weak for i in f.ids}
        # ... and that country must not be far outnumbered: in a report from south
        # Lebanon one Syrian namesake (المالكية) does not make تدمّر Palmyra.
        most = max(countries.values(), default=0)
        possible = {c for c in possible if c not in countries or 2 * countries[c] > most}
        told = frozenset(c for c, n in countries.items() if n > 0)
        kept = [f for f in found if self._in_scope(f, countries, told) and (
            not f.weak or any(places[i].country in possible for i in f.ids))]
        return [self._resolve(norm, f, countries, admin1s) for f in kept]

    def _in_scope(self, f: _Found, countries: Counter[str], told: frozenset[str]) -> bool:
        """A bare place in a country the article is otherwise not about is mostly a
        word that happens to be a place name somewhere (حربية: Harbiye, Turkey).
        ``told`` is the countries ``countries`` counts above zero (worked out once per
        article by the caller)."""
        if f.cue in ("populated", "facility", "region") and len(f.ids) == 1:
            return True  # «قصف مدينة كريات شمونة» from Lebanon: a town named as a town
        places = [self.gazetteer.places[i] for i in f.ids]
        own = {p.country for p in places}
        # Whether another country is told (this mention not counted) and this one too.
        if len(own) == 1:
            if countries.get(next(iter(own)), 0) > 1 or not told - own:
                return True
        elif not told or any(countries.get(c, 0) > 0 for c in own):
            return True
        return any(p.feature in ("admin1", "country") or p.population >= 1_000_000
                   for p in places)

    def _score(self, place: Place, f: _Found, countries: Counter[str],
               admin1s: Counter[tuple[str, str]]) -> tuple[float, list[str]]:
        score = 0.0
        why: list[str] = []
        if countries:
            share = countries[place.country] / sum(countries.values())
            score += 3 * share
            why.append(f"country {place.country} {share:.0%} of context")
        own = len({(places_unit) for places_unit in f.units}) == 1
        same = admin1s[(place.country, place.admin1)] - (1 if own else 0)
        if same > 0 and place.feature != "country":
            score += 1.5
            why.append("governorate named nearby")
        if f.seat and place.is_populated:
            score += 5
            why.append("the governorate's building: in its capital")
        elif f.cue in ("admin1", "region") and place.feature == "admin1":
            score += 4
            why.append(f"'{f.cue}' word before the name")
        elif f.cue in ("populated", "neighbourhood") and place.is_populated:
            score += 4
            why.append("town or village word before the name")
        elif f.cue is not None and place.feature in _CUED_LOCALITIES.get(f.cue, ()):
            score += 4
            why.append(f"'{f.cue}' word before the name")
        elif f.cue is None and (place.is_populated or place.feature in _LOCALITIES):
            score += 1
            why.append("a bare name is most often the town" if place.is_populated
                       else f"a bare name is the {place.feature}, not a governorate")
        score += 0.3 * math.log10(place.population + 1)
        why.append(f"population {place.population:,}")
        return score, why

    def _resolve(self, norm: NormalizedText, f: _Found, countries: Counter[str],
                 admin1s: Counter[tuple[str, str]]) -> Mention:
        places = self.gazetteer.places
        scored = sorted(((*self._score(places[i], f, countries, admin1s), i) for i in f.ids),
                        key=lambda s: -s[0])
        best_score, best_why, best_id = scored[0]
        best = places[best_id]
        region = f.cue in ("region", "direction") or f.direction is not None
        if best.feature in ("admin1", "country"):
            precision = 2 if region and best.feature == "admin1" else 3
        else:
            precision = 2 if region else 1
        start = f.cue_start if (f.cue == "region" and f.cue_start is not None) else f.start
        end = f.end_with_direction
        ostart, oend = norm.to_original(start, end)
        admin = self.gazetteer.admin1_of(best)
        data: dict[str, object] = {
            "name": best.name, "name_ar": best.name_ar, "latitude": best.latitude,
            "longitude": best.longitude, "country": best.country,
            "admin1": admin.name if admin else None, "feature": best.feature,
            "geo_precision": precision, "score": round(best_score, 2), "because": best_why,
        }
        if f.cue:
            data["cue"] = f.cue  # the kind of place the word before it named
        if f.direction:
            data["direction"] = f.direction
        if f.cue == "neighbourhood" and best.feature != "neighbourhood":
            data["neighbourhood"] = True  # a quarter named after a town: the city is better
        if region:
            data["region"] = True
        if f.cue is None and norm.text[f.start:f.end] in self.cues.metonyms:
            data["metonym"] = True  # «تستهدف فيها طهران أربيل»: may name a government
        if len(scored) > 1:
            data["rejected"] = [
                {"id": pid, "name": places[pid].name, "country": places[pid].country,
                 "feature": places[pid].feature, "score": round(s, 2), "because": why}
                for s, why, pid in scored[1:]
            ]
        return Mention(kind="place", start=ostart, end=oend, text=norm.original[ostart:oend],
                       norm=norm.text[start:end], ref=best.id,
                       rule=f"gazetteer:{best.feature}", data=data)


def place_keys(name: str) -> set[str]:
    return name_keys(name)


def _told_to(original: str, start: int) -> bool:
    """Whether the name is inside a quoted name that something was told to: «قال مصدر
    لـ«رصيف بغداد»» names an outlet, not Baghdad."""
    opening = original.rfind("«", max(0, start - 30), start)
    if opening < 0 or "»" in original[opening:start]:
        return False
    before = original[max(0, opening - 3) : opening].replace("ـ", "")
    return before.endswith("ل") and (len(before) < 2 or not before[-2].isalpha())

