"""Rule-based event extraction: triggers, arguments around them, attachment by sentence.

Each sentence with a trigger word becomes a candidate event; its actors,
victims, place, date and figures come from the mentions in the sentence,
then its paragraph, then the headline. Attribution (أفاد، بحسب، شهود عيان)
and modality cues (تبنى، نفى، هدد، لم يسفر، الجدير بالذكر) are read around
it. Reports of one incident in several sentences are merged; counts over a
period by a monitor become tolls. The interface — a Doc's text, sentences,
blocks and mentions in, an ``Extraction`` out — is what a learned model
would implement too.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import pairwise
from operator import attrgetter

from rasd.arabic.normalize import MATCH_CONFIG, NormalizedText, normalize
from rasd.arabic.segment import Sentence
from rasd.data import load_yaml
from rasd.events.lexicon import SPECIFICITY, EventLexicon
from rasd.events.model import Event, Evidence, Party, Toll
from rasd.events.notes import write_notes
from rasd.geo.gazetteer import km_between
from rasd.mentions.actors import ActorLexicon
from rasd.mentions.dates import parse_published
from rasd.mentions.matcher import match_key, share_scan
from rasd.mentions.model import Mention
from rasd.text.model import Block

# Those who tell of events and are never a side of them (a health ministry counts
# the dead of a strike; it did not strike).
SOURCE_TYPES = frozenset({"media", "monitor", "ngo", "un_body", "emergency_service"})
# Actors who bear arms: an attack on them is fighting, not violence against civilians.
ARMED_TYPES = frozenset({"state_forces", "police", "intelligence", "militia", "rebel_group",
                         "jihadist_group", "foreign_forces", "separatist_or_ethnic_force",
                         "private_military", "coalition"})  # not clans: «أحد وجهاء العشائر»
_SINCE = re.compile(r"(?<!\w)منذ(?!\w)")
_ON = match_key("على")  # the preposition of a verb's object: «استولت على»، «سيطرتها على»
# Between two towns of a list: «و», or one or two unknown names joined by «و»
_LIST_GAP = re.compile(r"و?[^\s،,.]+(?:[\s،,]+و?[^\s،,.]+)?[\s،,]+و")
# «بيروت (رويترز) -»: the dash after the bracket that closes a dateline
_DATELINE_DASH = re.compile(r"\)\s*[-–—]")
# «منذ السابع من أكتوبر»، «منذ بدء الحرب في السابع من أكتوبر»: since a day
_SAYS_THAT = re.compile(r"(?<!\w)(?:ب|و)?[إأ]ن(?:ها|ه|هم|هما)?(?!\w)")  # «أن»، «بأن»، «وإن»
# «تحسباً لغارات»، «خشية هجمات»: what is feared has not happened
_ANTICIPATION = re.compile(r"(?<!\w)(?:تحسبا|تحسّباً|تحسباً|خشية|خوفا من|خوفاً من)(?!\w)")
# Verbs of taking or destroying, each with how far after it the arms it took may be.
_ARMS_TAKEN = ((("استول", "غنم"), 20), (("دمر", "تدمير"), 12))
_LABEL = re.compile(r"\s*:")  # «الكفرة: ...»: a town and a colon, no agency
_HEADLINE_BREAK = re.compile(r"\.\.|…|\s[-–|]\s")
# What opens a clause that recalls an earlier incident: «منذ»، «حين»، «بعد أيام من»،
# «إذ سبق أن».
_RECALL_OPENER = re.compile(r"(?<!\w)(?:منذ|حين|عندما|إذ سبق أن|بعد(?:\s+\S+){1,2}\s+من)(?!\w)")
# «(أعلن الجيش) مقتل ضابط برتبة رائد»: the dead or wounded of the force that tells it
_OWN_LOSSES = re.compile(r"\s*(?:\S+\s+){0,2}?(?:مقتل|اصابه|استشهاد|مصرع)\s+(?:\S+\s+){0,2}?"
                         r"(?:جندي|جنود|جنديين|جنديا|ضابط|ضباط|مجنده|عسكري|عسكريين|الرقيب|رقيب"
                         r"|نقيب|رايد|ملازم|عنصر|عناصر|عنصرين|مقاتل|مقاتلين)")
_SINCE_BEFORE = re.compile(r"(?<!\w)منذ(?:\s+[^\s،,.]+){0,4}\s+$")
_BETWEEN = re.compile(r"(?<!\w)(?:ما\s+)?بين\s+$")
_RANGE_AND = re.compile(r"\s+و\s*")
_MAY = re.compile(r"(?<!\w)قد (?:[يت][^\W\d]{2,})")
_WAS = re.compile(r"(?<!\w)[وف]?(?:كان|كانت|كانوا|يكون|تكون)(?!\w)")
STATE_TYPES = frozenset({"state_forces", "police", "government", "intelligence",
                         "foreign_forces"})
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence",
                           "Violence against civilians"})
TERRITORY_TYPES = frozenset({"Government regains territory", "Non-state actor overtakes territory",
                             "Non-violent transfer of territory"})
UNATTRIBUTED_TYPES = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})
# Events whose verb takes people or goods: the unit named right after it took them.
TAKING_TYPES = frozenset({"Arrests", "Abduction/forced disappearance",
                          "Looting/property destruction"})
# Who may arrest, as ACLED codes it; anyone else holding people abducts them.
UNNAMED_CAPTORS = frozenset({"unidentified_armed_group"})
VICTIM_GROUPS = frozenset({"civilians", "children", "women", "displaced", "detainees",
                           "captives", "journalists", "medical_workers", "aid_workers",
                           "students", "farmers", "shepherds", "families", "protesters",
                           "men", "youths", "elderly", "fishermen"})


@dataclass
class Extraction:
    relevant: bool
    reason: str | None
    events: list[Event] = field(default_factory=list)
    tolls: list[Toll] = field(default_factory=list)


@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    value: str
    key: str = ""


class _ArticleState(threading.local):
    """What the extractor learns about the article and sentence at hand. Kept per
    thread: the web API's /extract runs requests on threads sharing one extractor."""

    def __init__(self) -> None:
        self.norm = normalize("")
        self.anaphoric = False  # the last sentence tells more about an incident told
        self.refers_back = False  # ... of whatever kind («وتبنت الحركة الهجوم»)
        self.dated = False  # the last sentence gives a day of its own
        self.strong = False  # the last sentence has an incident word that is not weak
        # Further places the sentence tells the same kind of event at, each with its
        # own count when it has one: «بلدتي كفركلا والخيام»، «و14 آخرين في ذمار».
        self.twins: list[tuple[Mention, Mention | None]] = []
        self.pub: date | None = None  # the day of publication
        self.own_place = False  # the last sentence names a place of its own
        self.live_entries: set[int] = set()  # blocks that are entries of a live report
        self.accuser: str | None = None  # who the last sentence says accuses the doer
        self.words_before: dict[int, list[str]] = {}  # up to six words before a place
        self.sentence_words: dict[tuple[int, int], set[str]] = {}  # a sentence's words
        self.quantity_starts: list[int] = []  # where the article's counts start, in order
        self.toll_cues: list[_Cue] = []  # the article's words of a count over a period
        self.crowds = False  # the article tells of protesters more than once
        self.accusing = False  # the article has a word of a charge («بتهمة»)


class EventExtractor:
    """Finds events and tolls in one article."""

    def __init__(self, lexicon: EventLexicon, actors: ActorLexicon) -> None:
        self.lexicon = lexicon
        self.actors = actors
        share_scan(lexicon.matchers())
        self._state = _ArticleState()
        self.country_names = {str(c["iso"]): str(c["name"]) for c in
                              load_yaml("geo/countries.yaml").content["countries"]}

    def __getstate__(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k != "_state"}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._state = _ArticleState()  # a thread-local is not sent, each side starts fresh

    # --- matching in the article's matching form, spans back in the original ---
    def _cues(self, norm: NormalizedText, matcher: object) -> list[_Cue]:
        starts, ends = norm.starts, norm.ends  # to_original of a match, inlined
        out = [_Cue(starts[start], ends[end - 1], values[0], key) for start, end, _, _, key, values
               in matcher.find_tuples(norm.text)]  # type: ignore[attr-defined]
        out.sort(key=_start)
        return out

    def __call__(self, text: str, sentences: Sequence[Sentence], blocks: Sequence[Block],
                 mentions: Sequence[Mention], published: str | None,
                 norm: NormalizedText | None = None) -> Extraction:
        norm = norm or normalize(text, MATCH_CONFIG)
        self._state.norm = norm
        self._state.words_before = {}
        self._state.sentence_words = {}
        self._state.quantity_starts = sorted(m.start for m in mentions if m.kind == "quantity")
        accused = self.lexicon.accused
        self._state.accusing = any(word in norm.text for word in accused)
        # «سارت مواكب في عطبرة وبورتسودان»: in an article about protesters, a
        # procession is theirs, not a convoy or a funeral
        self._state.crowds = sum(m.kind == "group" and m.ref == "protesters"
                                 for m in mentions) >= 2
        mentions = _without_bureaus(text, sorted(mentions, key=lambda m: m.start), sentences)
        lex = self.lexicon
        cues = {
            "trigger": self._cues(norm, lex.triggers),
            "modality": self._cues(norm, lex.modality),
            "verb": self._cues(norm, lex.attribution_verbs),
            "category": self._cues(norm, lex.source_categories),
            "toll": self._cues(norm, lex.toll_cues),
            "update": self._cues(norm, lex.toll_updates),
            "count": self._cues(norm, lex.update_counts),
            "losses": self._cues(norm, lex.losses),
            "joiner": self._cues(norm, lex.joiners),
            "doer": self._cues(norm, lex.agent_anaphors),
            "footage": self._cues(norm, lex.footage),
            "booty": self._cues(norm, lex.booty),
            "similar": self._cues(norm, lex.similar),
            "speaker": self._cues(norm, lex.speakers),
            "other": self._cues(norm, lex.not_conflict),
        }
        # «الجبهة الوطنية للتحرير»، «هيئة تحرير الشام»: a trigger word inside a name
        # (one that opens it, «الطيران الروسي», still tells what was done).
        cues["trigger"] = _outside_names(cues["trigger"], mentions)
        self._state.toll_cues = cues["toll"]
        fixed = self._cues(norm, lex.fixed_phrases)
        if fixed:  # «خط فض الاشتباك»: an incident word inside a set phrase
            cues["trigger"] = [t for t in cues["trigger"] if not any(
                f.start <= t.start and t.end <= f.end for f in fixed)]
        refine = {base: self._cues(norm, matcher) for base, matcher in lex.refine.items()}
        pub = parse_published(published)
        self._state.pub = pub
        # Paragraphs opened by a clock time («09:05 - ...»), as the date finder reads
        # them: the entries of a live report.
        clocks = [m.start for m in mentions if m.kind == "date" and m.rule == "grammar:clock"]
        self._state.live_entries = {i for i, b in enumerate(blocks) if any(
            b.start <= c < b.end and not text[b.start:c].strip() for c in clocks)}
        events: list[Event] = []
        tolls: list[Toll] = []
        # Body first: the headline repeats the lead, and the lead is more precise.
        ordered = sorted(sentences, key=lambda s: (
            s.block < len(blocks) and blocks[s.block].kind == "headline", s.start))
        clauses = [c for s in ordered for c in self._clauses(text, s, cues, mentions)]
        counts = {c.key for c in cues["count"]}
        # «ترتفع حصيلة العدوان منذ السابع من تشرين الأول إلى ...»: since when is a toll.
        updates = [s for s in clauses if _within(cues["update"], s) and _within(cues["count"], s)
                   and not any(t.key not in counts for t in _within(cues["toll"], s))
                   and not _SINCE.search(text, s.start, s.end)]
        # «انفجار أسطوانة غاز داخل مطعم»: when the article's first incident word is in
        # another domain's sentence, a bare «الانفجار» later is that accident again.
        lead = next((c for c in clauses if not self._is_headline(c, blocks) and (
            _within(cues["trigger"], c) or _within(cues["other"], c))), None)
        other_lead = lead is not None and bool(_within(cues["other"], lead))
        if other_lead and any(
                t.key not in self.lexicon.weak for c in clauses if self._is_headline(c, blocks)
                and not _within(cues["other"], c) for t in _within(cues["trigger"], c)):
            # «نشرة المساء: شهيد بمسيّرة في كفركلا وغارات على جرود الهرمل» over a lead
            # that lists the weather and the games too: the news is of the strikes
            other_lead = False
        for sentence in clauses:
            if sentence in updates and any(e.evidence[0].start < sentence.start for e in events):
                continue  # a later count of an incident already told: applied below
            if sentence in updates:
                updates.remove(sentence)  # the lead that first tells it, with its count
            found = self._sentence(text, sentence, sentences, blocks, mentions, cues, refine,
                                   pub)
            if found is None and _within(cues["losses"], sentence):
                self._losses(events, sentence, mentions)
            if isinstance(found, list):
                tolls.extend(found)
            elif found is not None and other_lead and (not self._state.strong or (
                    found.actor1 is None and found.actor2 is None)):
                continue  # «جرفت السيول خيام أسر نزحت من مناطق المواجهات»
            elif found is not None:
                earlier = [e for e in events if e.evidence[0].start < found.evidence[0].start
                           and (e.sub_event_type == found.sub_event_type or (
                               e.event_type == found.event_type and e.event_type in (
                                   "Battles", "Explosions/Remote violence")) or (
                               self._state.refers_back and e.event_type in VIOLENT_TYPES))]
                # «وأحرق الخاطفون سيارات الضحايا»، «اشتبكت القوة مع المهاجمين»: what the
                # ones of an incident told before did or met is part of it
                doers = _within(cues["doer"], sentence)
                first = min(ev.start for ev in found.evidence)
                done_by = bool(doers) and not self._state.dated and (
                    found.sub_event_type == "Looting/property destruction" or (
                        found.event_type in VIOLENT_TYPES and any(
                            # the ones told before are the subject of the incident word,
                            # not someone met later in the sentence
                            abs(d.start - first) <= 60 for d in doers)))
                shown = bool(_within(cues["footage"], sentence)) and not self._state.dated
                if shown:  # footage of what was told before
                    earlier = [e for e in events
                               if e.evidence[0].start < found.evidence[0].start]
                elif done_by:  # «وأحرق الخاطفون سيارات الضحايا»: part of what they did
                    earlier = [e for e in events if e.evidence[0].start < found.evidence[0].start
                               and e.event_type in VIOLENT_TYPES | {"Protests", "Riots"}]
                target = max(earlier, key=lambda e: e.evidence[0].start) if earlier else None
                # «واستهدفت القوات ذاتها بالقذائف الصاروخية أطراف بلدتي البارة وكنصفرة»: the
                # definite noun is the kind, not the incident, when a town of its own is named.
                elsewhere = target is not None and self._state.own_place and \
                    found.location is not None and target.location is not None and \
                    not _close(found.location, target.location)
                if (self._state.anaphoric or done_by or shown) and target is not None and \
                        found.modality != "background" and not elsewhere:
                    _absorb(target, found)
                else:
                    events.append(found)
                    for place, count in self._state.twins:
                        # ACLED codes an event per place: «قصف يطاول بلدتي كفركلا والخيام»
                        events.append(self._twin_event(found, place, count, text, sentence))
        events = merge_events(events, self.actors.kin)
        for event in events:
            if event.actor1 and event.actor2 and event.actor1.id == event.actor2.id:
                event.actor2 = None  # merged tellings named the same side twice
        for sentence in sorted(updates, key=lambda u: u.start):
            self._update_figures(events, sentence, mentions)
        heads = [(b.start, b.end) for b in blocks if b.kind == "headline"]
        told = [e for e in events if not all(
            any(a <= ev.start < b for a, b in heads) for ev in e.evidence)]
        if told:
            # A headline sums up the body in a few words ("شهيدان بقصف مسيرة
            # واشتباكات"); when the body reports incidents, a headline reading that
            # matched none of them is the summary misread, not another incident.
            # A headline's town in the same governorate as the body's is the
            # governorate's name («بنزاع عشائري في البصرة» over a feud at al-Qurna).
            events = [e for e in events if e in told or (
                e.location is not None and not any(_close(e.location, t.location)
                                                   or (_same_admin1(e.location, t.location)
                                                       and e.event_type == t.event_type)
                                                   for t in told if t.location))]
        dated = next((e for e in events if e.event_date and e.modality != "background"), None)
        day = (dated.event_date, dated.time_precision) if dated is not None else \
            self._lead_day(mentions, blocks, pub)
        for event in events:
            # A follow-up told without a day (a second device found after the blast)
            # takes the day of the article's main incident, never the publication date;
            # in a roundup whose lead gives the day («رصد المرصد اليوم الثلاثاء ...»),
            # that day.
            if event.event_date is None and event.time_precision is None and \
                    day is not None and event.modality not in ("background", "planned"):
                event.event_date, event.time_precision = day
        _inherit_doers(events, self.actors)
        for event in events:
            event.notes = write_notes(event)
        if not events and not tolls:
            return Extraction(False, "no report of political violence, protest or a "
                              "strategic development was found")
        return Extraction(True, None, events, tolls)

    # --- one sentence ---
    def _sentence(self, text: str, sentence: Sentence, sentences: Sequence[Sentence],
                  blocks: Sequence[Block], mentions: Sequence[Mention],
                  cues: dict[str, list[_Cue]], refine: dict[str, list[_Cue]],
                  pub: date | None) -> Event | list[Toll] | None:
        triggers = [t for t in _within(cues["trigger"], sentence) if not self._in_name(t)]
        counts = self._state.quantity_starts
        if not triggers and bisect_left(counts, sentence.start) == bisect_left(
                counts, sentence.end):
            return None  # no incident word and no count: neither an event nor a toll
        inside = [m for m in _starting_in(mentions, sentence.start, sentence.end)
                  if m.end <= sentence.end]
        # The longest phrase wins over a word inside it: «فجّر منازل» is demolition,
        # not the «فجّر» of a bomb.
        triggers = [t for t in triggers if not any(
            o is not t and o.start <= t.start and t.end <= o.end and o.end - o.start >
            t.end - t.start for o in triggers)]
        halting, halted = self.lexicon.halting
        triggers = [t for t in triggers if not (
            t.key in halting and self._word_after(t) in halted)]  # «أوقفت عمليات التفريغ»
        if not self._state.crowds and not any(
                m.kind == "group" and m.ref == "protesters" for m in inside) and \
                not self._sentence_words(sentence) & self.lexicon.protest_purpose:
            triggers = [t for t in triggers if t.key not in self.lexicon.crowd_gated]
        if not triggers:
            # «وثّقت الشبكة مقتل 46 مدنياً خلال الشهر»: a toll needs no incident word.
            return self._toll_sentence(text, sentence, sentences, blocks, mentions, inside,
                                       cues) or None
        modal = _within(cues["modality"], sentence)
        # «ويعيد هجوم اليوم إلى الأذهان التفجير الذي ضرب المدينة في 2017»: what is
        # recalled comes after the recalling words; today's attack is told elsewhere.
        recall = next((c for c in modal if c.key in self.lexicon.recall), None)
        # «وتأتي العملية بعد ثلاثة أسابيع من التفجير الانتحاري ...»: what this news
        # comes after was told before; the sentence recalls it.
        comes = self.lexicon.grammar.comes_after.match(text, sentence.start, min(sentence.end,
                                                             sentence.start + 60))
        if recall is None and comes is not None:
            recall = _Cue(comes.start("after"), comes.end("after"), "background", "بعد")
            modal = [*modal, recall]
        if recall is not None and any(t.start > recall.end for t in triggers):
            triggers = [t for t in triggers if t.start > recall.end]
        # «اعتصم ذوو موقوفين صباح اليوم ... المحتجزين منذ أشهر»: a sentence that gives
        # its incident a day is about that day, whatever else it says went on for long.
        today = any(m.kind == "date" and m.data.get("precision") == "day" and not
                    _SINCE_BEFORE.search(text, max(0, m.start - 45), m.start) for m in inside)
        habitual = [c for c in modal if c.value == "habitual" and not (
            today and c.key.split()[0] in self.lexicon.durations) and not (
            # «ويأتي ذلك بعد دخول الاتفاق حيز التنفيذ»: what this comes after is
            # recalled, no pattern
            comes is not None and comes.start() <= c.start < comes.end())]
        if today and habitual:
            # «استهدف الطيران مطار المزة فجر اليوم بعدة غارات، ضمن حملة قصف واسعة طالت
            # منذ الأحد ...»: the campaign told after a comma frames today's strike
            days = [m.start for m in inside if m.kind == "date"
                    and m.data.get("precision") == "day"]
            habitual = [c for c in habitual if not any(
                t.end <= c.start and "،" in text[t.end:c.start] and
                any(t.start - 60 <= d < c.start for d in days) for t in triggers)]
        for c in list(habitual):
            # «تظاهرة تندد بالضربات التركية المتكررة»: the word of habit right after an
            # incident word qualifies that word; the incident told before it is news.
            qualified = [t for t in triggers if t.end <= c.start
                         and len(text[t.end:c.start].split()) <= 2]
            if qualified and any(t.end <= qualified[0].start for t in triggers):
                habitual.remove(c)
                triggers = [t for t in triggers if t not in qualified]
            elif c.key in self.lexicon.habit_adjectives and any(
                    t.end <= c.start and len(text[t.end:c.start].split()) > 2
                    for t in triggers):
                # «وقفة احتجاجية ... ترفض التوغلات المتكررة»: an adjective of habit
                # after a noun describes that noun; the incident told before is news
                habitual.remove(c)
        # «احتجاجاً على انقطاع الكهرباء مع تجاوز درجات الحرارة»، «تنديداً بارتفاع
        # الأسعار»: another domain's words after a protest's purpose say what the
        # crowd wanted, not what happened.
        if habitual:
            # «تتوغل القوات بشكل شبه يومي، وأفاد مراسل الشبكة بأن وحداتها تعمل على
            # تحصين نقطة جديدة»: what a source then says happened is news; «أنشأت نقطة
            # ... تحسباً لغارات تستهدف المواقع بين الحين والآخر»: the habit is of what
            # is feared, told after the news.
            said = [v.end for v in _within(cues["verb"], sentence)
                    if v.start > max(c.end for c in habitual)
                    and _SAYS_THAT.search(text, v.end, min(v.end + 40, sentence.end))]
            fear = [f.start() for f in _ANTICIPATION.finditer(text, sentence.start,
                                                                sentence.end)]
            if said:
                triggers = [t for t in triggers if t.start > said[0]] or triggers
                habitual = [c for c in habitual if c.start > said[0]]
            elif fear and any(t.end <= fear[0] for t in triggers) and all(
                    c.start > fear[0] for c in habitual):
                triggers = [t for t in triggers if t.end <= fear[0]]
                habitual = []
        purpose = self.lexicon.protest_purpose
        other = [c for c in _within(cues["other"], sentence) if not any(
            w in purpose or w[1:] in purpose for w in self._words_from(sentence.start, c.start))]
        if habitual or other:
            return None  # a pattern of events, or another domain, not an incident
        if self._opens_statement(sentence):
            return None
        if any(c.value == "denied" for c in modal) and \
                self._sentence_words(sentence) & self.lexicon.disowning:
            return None  # «نفت الحركة أي صلة لها بالحادث»: a word on news told elsewhere
        # «دخلت الطبقة دون أي مواجهات»: fighting that did not happen does not type it.
        triggers = [t for t in triggers if not any(
            w in self.lexicon.without for w in self._words_before(t, 2))] or triggers
        # "بإعدام سبعة مدنيين ... خلال فترة سيطرتها": the killing is the news.
        current = [t for t in triggers if not self._framed(t)] or triggers
        current = [t for t in current if not any(
            w in self.lexicon.support for w in self._words_before(t, 4))] or current
        # «وفي أعقاب التفجير، ذكرت الخلية أن مفارز اعتقلت ثلاثة»: the incident named
        # after a word of time, with the article, was told before; this is the next news.
        later = self.lexicon.time_after
        weak = self.lexicon.weak
        next_news = [t for t in current if not (_definite(text, t) and any(
            w in later or w[1:] in later for w in self._words_before(t, 2)))]
        # «أعقب الضربة الجوية التي قتلت قائد فيلق القدس»: when only weak words are
        # left, they tell of the incident told before, not of news of their own
        if next_news and (any(t.key not in weak for t in next_news)
                          or not any(t.key not in weak for t in current)):
            current = next_news
        booty = _within(cues["booty"], sentence)
        # Arms seized («استولوا على تسع عربات»), or destroyed («دمّروا ثلاث دبابات
        # ميركافا»), in a fight are that fight's booty or losses, no looting.
        current = [t for t in current if not (
            t.value == "Looting/property destruction" and any(
                t.key.startswith(verbs) and any(0 <= b.start - t.end <= reach for b in booty)
                for verbs, reach in _ARMS_TAKEN))]
        talk = self.lexicon.agreement_talk
        current = [t for t in current if not (t.value == "Agreement" and any(
            w in talk or w[1:] in talk or _unsuffixed(w) in talk
            for w in self._words_before(t, 5)))]
        if any(self.lexicon.event_type_of[t.value] in VIOLENT_TYPES for t in current):
            # «تصدت قواتها لهجوم ... بعد ساعات من بدء سريان اتفاق وقف إطلاق النار»: the
            # truce in force is when the fighting came, not news of a deal
            current = [t for t in current if not (t.value == "Agreement" and any(
                w in self.lexicon.in_force for w in self._words_before(t, 3)))]
        release = self.lexicon.release
        if any(t.key in release for t in current):
            # «اعتقلته ثم أفرجت عنه»: the arrest is the news; «طالبت بالإفراج»: asked for
            others = any(t.key not in release and t.value != "Agreement" for t in current)
            demand = self.lexicon.demand
            current = [t for t in current if t.key not in release or not (others or any(
                w in demand or w[1:] in demand for w in self._words_before(t, 3)))]
            if not current:
                return None
        # «القبض على الخاطفين وتحرير المخطوف»، «سُلّم الراعي إلى الجيش»: people freed
        # or handed over, no ground
        people = [m.start for m in inside if m.kind == "group"]
        current = [t for t in current if not (t.value in TERRITORY_TYPES and (
            self._word_after(t) in self.lexicon.freed_people
            or any(0 < p - t.end <= 2 for p in people)))]
        if not current:
            return None
        # «ضربات على تجمعات الدعم السريع ... أسفرت عن تدمير ثلاثين عربة»: what an
        # incident told before destroyed is its outcome.
        outcome, outcome_verbs = self.lexicon.outcome, self.lexicon.outcome_verbs

        def outcome_of_earlier(t: _Cue) -> bool:
            earlier = [u for u in current if u.end <= t.start and u.value != t.value]
            if not earlier:
                return False
            if any(w in outcome or w[1:] in outcome for w in self._words_before(t, 2)):
                return True
            between = self._words_from(max(u.end for u in earlier), t.start)
            return any(w in outcome_verbs or w[1:] in outcome_verbs for w in between)

        current = [t for t in current if not (
            t.value == "Looting/property destruction" and outcome_of_earlier(t))] or current
        # «قذيفة أسقطتها طائرة مسيّرة»: a drone dropping a bomb, not one shot down
        dropped = [t for t in current if t.value == "Disrupted weapons use" and self._dropped(t)]
        current = [_Cue(t.start, t.end, "Air/drone strike", t.key) if t in dropped else t
                   for t in current]
        if self._sentence_words(sentence) & self.lexicon.possession:
            # «ضُبطت بحوزة الموقوفين عبوتان ناسفتان»: what an arrest found, not a weapon
            # stopped before use
            current = [t for t in current if t.value not in (
                "Disrupted weapons use", "Suicide bomb", "Remote explosive/landmine/IED",
                "Grenade", "Chemical weapon")]
        if not current:
            return None  # booty of a battle told elsewhere, or talk of a truce
        strong = [t for t in current if t.key not in self.lexicon.weak]
        self._state.strong = bool(strong)
        refined = _within_all(refine, sentence)
        sub = _choose_type(strong or current, refined)
        if sub == "Protest with intervention" and any(
                c.value == "Violent demonstration" for c in refined.get("Peaceful protest", [])):
            # «أضرم محتجون النار في المبنى قبل أن تفرّقهم الشرطة»: a crowd that burned
            # or stoned is a violent demonstration, broken up or not
            sub = "Violent demonstration"
        if sub in ("Shelling/artillery/missile attack", "Air/drone strike") and not any(
                t.value == sub and t.key not in self.lexicon.weak for t in current) and any(
                t.value == "Armed clash" and t.key in self.lexicon.fighting for t in current):
            # «تجددت الاشتباكات ... استُخدمت فيها الأسلحة المتوسطة وقذائف الهاون»: the
            # weapons of a fight do not make it a bombardment
            sub = "Armed clash"
        if dropped and sub == "Disrupted weapons use" and all(
                t in dropped or t.value != sub for t in current):
            sub = "Air/drone strike"  # the verb of letting fall is no word of stopping
        if sub == "Attack" and not any(t.value == "Attack" for t in strong or current) and any(
                t.value == "Armed clash" and not self._attacked(t) for t in strong or current):
            # «اشتباكات مسلحة بين مجموعتين قُتل فيها شخصان، أحدهما مدني»: fighting that
            # kills a bystander is still fighting
            sub = "Armed clash"
        if sub == "Disrupted weapons use":
            # «نفذ العدو عدواناً جوياً ... وتصدت دفاعاتنا لبعض الصواريخ»: the strike told
            # first happened; the interception of part of it is told after.
            stopped = min([t.start for t in current if t.value == sub] + [
                c.start for c in refined.get("Air/drone strike", [])
                if c.value == sub] + [sentence.end])
            struck = [t for t in strong if t.start < stopped and t.value in (
                "Air/drone strike", "Shelling/artillery/missile attack")]
            if struck:
                sub = struck[0].value
            elif self._sentence_words(sentence) & self.lexicon.partial[0] and \
                    self._sentence_words(sentence) & self.lexicon.partial[1]:
                # «معظم الصواريخ اعتُرضت أو سقطت في مناطق مفتوحة»: some got through;
                # the barrage is the event
                sub = "Shelling/artillery/missile attack"
        if sub == "Looting/property destruction":
            # «زعمت أنها استولت على أبو حراز»: seizing a town is taking ground, seizing
            # a store is looting
            towns = [m.start for m in inside if m.kind == "place"]
            for t in current:
                if t.key in self.lexicon.seizing and self._word_after(t) == _ON and any(
                        0 < p - t.end <= 20 for p in towns):
                    sub = "Non-state actor overtakes territory"
                    break
        if sub == "Non-violent transfer of territory" and (any(
                t.value == "Armed clash" for t in current) or (
                self._sentence_words(sentence) & self.lexicon.assault and not
                self._sentence_words(sentence) & self.lexicon.handover)):
            # «شنوا هجوماً ... وتمكنوا من السيطرة على القضاء بعد انسحاب البيشمركة»: taken
            # by assault after the defenders withdrew is no quiet handover
            taken = [t.value for t in current if t.value in TERRITORY_TYPES and t.value != sub]
            if taken:
                sub = taken[0]
            elif not self._sentence_words(sentence) & self.lexicon.handover and not any(
                    t.key in self.lexicon.withdrew for t in current):
                # made the state's by its doer; «انسحبت قواته بعد معارك»: who withdrew
                # took nothing
                sub = "Non-state actor overtakes territory"
        if sub == "Arrests" and any(t.value == "Armed clash" and t.key in self.lexicon.fighting
                                    for t in strong):
            # «دهمت قوة من الجيش الحي ... وتعرّضت لإطلاق نار واشتبكت مع المطلوبين»: a raid
            # met with fire is fighting, as ACLED codes it
            sub = "Armed clash"
        if sub == "Remote explosive/landmine/IED" and self._demolished(sentence):
            sub = "Looting/property destruction"  # «فجّر الجيش نحو عشرين مبنى سكنياً»
        taking = [t for t in strong or current if t.value in TERRITORY_TYPES]
        if sub in TERRITORY_TYPES and taking and all(self._attempted(t) for t in taking):
            sub = "Armed clash"  # "حاولوا استعادة المواقع": an assault that failed
        actors = [m for m in inside if m.kind == "actor"]
        parties = [m for m in actors
                   if self.actors.actors[str(m.ref)].type not in SOURCE_TYPES]
        # «حي الأطباء»، «شارع الشهداء»: a group word inside a name is no one.
        groups = [m for m in inside if m.kind == "group" and not self._in_name(
            _Cue(m.start, m.end, "", ""))]
        quantities = [m for m in inside if m.kind == "quantity"]
        places = [m for m in inside if m.kind == "place"]
        casualties = [q for q in quantities if q.data.get("effect") in ("killed", "injured")
                      or q.data.get("counts") in ("killed", "injured")]
        if not (parties or places or casualties or groups):
            return None  # a trigger word alone, with nothing it happened to
        tolls = self._toll_sentence(text, sentence, sentences, blocks, mentions, inside, cues)
        if tolls:
            return tolls
        sources = self._sources(text, sentence, sentences, blocks, mentions, cues)
        event = Event(event_type=self.lexicon.event_type_of[sub], sub_event_type=sub,
                      plover=self.lexicon.plover_of[sub])
        trigger = min(triggers, key=lambda c: c.start)
        # «..., وفق ما أفادت وزارة الصحة اللبنانية»: who tells it after the telling is
        # its source, not a side.
        told_by = {s.get("start") for s in sources if s.get("kind") == "actor"}
        parties = [m for m in parties if not (m.start in told_by and m.start > trigger.end)]
        # «قناة المسيرة التابعة للحوثيين»: the patron of an outlet or monitor is no side
        affiliation = self.lexicon.roles.get("affiliation", frozenset())
        voices = [m for m in actors if m not in parties]

        def patron_of_voice(m: Mention) -> bool:
            before = self._words_before(_Cue(m.start, m.end, "", ""), 1)
            # «طائرة مسيّرة قال الجيش إنها تابعة للدعم السريع»: what the voice says
            # belongs to a side names the doer, not the voice's patron
            return bool(before) and before[-1].lstrip("ل") in affiliation and any(
                0 < m.start - v.end <= 25 and not _SAYS_THAT.search(text, v.end, m.start)
                for v in voices)

        parties = [m for m in parties if not patron_of_voice(m)]
        self._state.accuser = None
        self._assign_parties(event, text, self._not_speakers(parties, sentence, cues, trigger),
                             trigger)
        self._territory_side(event)
        # «دخل اتفاق وقف إطلاق النار في قطاع غزة حيز التنفيذ»: a ceasefire in a war
        # zone needs no party named to be one
        ceasefire = sub == "Agreement" and bool(places) and any(
            t.value == "Agreement" and "اطلاق النار" in t.key for t in current)
        if sub in ("Agreement", "Non-violent transfer of territory") and \
                event.actor1 is None and event.actor2 is None and not ceasefire:
            return None  # «هدنة نفطية بين بغداد وأربيل»: a deal with no armed party named
        bodies = self.lexicon.roles.get("security_bodies", frozenset())
        if sub == "Arrests" and (
                (event.actor1 is None and any(
                    g.ref == "fighters" and 0 <= g.start - trigger.end <= 3
                    # «أوقفت عناصر دائرة أمن عام المطار مسافراً»: agents of a body
                    and not set(self._words_after(g.end, 3)) & bodies for g in groups))
                or (event.actor1 is not None and (event.actor1.id in UNNAMED_CAPTORS or (
                    getattr(self.actors.actors.get(event.actor1.id), "type", "") ==
                    "tribal_force")))):
            # «احتجز مسلحون ضابطين»: armed men who hold no town seize people; only
            # forces that govern arrest them.
            sub = "Abduction/forced disappearance"
            self._retype(event, sub)
        event.victims = list(dict.fromkeys(str(g.ref) for g in groups
                                           if g.ref in VICTIM_GROUPS))
        # «اغتال مسلحون مجهولون مختاراً»: armed men right after the verb did it.
        guard = self.lexicon.roles.get("affiliation", frozenset()) | \
            self.lexicon.roles.get("doer_after", frozenset())
        armed_targets = {str(g.ref) for g in groups if not (
            trigger.end <= g.start and len(text[trigger.end:g.start].split()) <= 1) and not any(
                w in guard for w in self._words_before(_Cue(g.start, g.end, "", ""), 1))} & {
            "soldiers", "fighters", "security_personnel"}
        # «قُتل شرطيان»; not «أطلق مسلحان النار عليه», a count nothing befell
        armed_targets |= {str(q.data.get("counts")) for q in quantities
                          if q.data.get("effect") in ("killed", "injured", None) and not (
                              q.data.get("effect") is None and trigger.end <= q.start and
                              len(text[trigger.end:q.start].split()) <= 1) and not (
                              q.data.get("effect") is None and any(
                                  w in guard for w in self._words_before(
                                      _Cue(q.start, q.end, "", ""), 1)))} & {
            "soldiers", "fighters", "security_personnel"}
        if sub in ("Non-violent transfer of territory", "Agreement") and any(
                q.data.get("effect") == "killed" and q.data.get("value") for q in quantities):
            # «قُتل 24 شخصاً ... حين انتهت مهلة الانسحاب»: deaths are no truce nor a quiet
            # handover; the sentence tells of killing, if its words say how.
            violent = [t for t in triggers
                       if self.lexicon.event_type_of[t.value] in VIOLENT_TYPES]
            if not violent:
                return None
            sub = _choose_type(violent, refined)
            self._retype(event, sub)
        if sub == "Attack" and not event.victims and (armed_targets or (
                event.actor1 is not None and event.actor2 is not None and getattr(
                    self.actors.actors.get(event.actor2.id), "type", "") in ARMED_TYPES)):
            # Gunfire at soldiers at a front line is fighting, not violence against
            # civilians; so is an attack on a force's post or men («قُتل عنصر من قسد
            # جراء هجوم شنته خلايا التنظيم على حاجز للقوات»).
            sub = "Armed clash"
            self._retype(event, sub)
        elif sub == "Armed clash" and event.victims and not armed_targets and \
                event.actor2 is None and all(self._attacked(t) for t in triggers
                                             if t.value == "Armed clash"):
            # «هاجم مسلحون من التنظيم رعاة أغنام»: an attack on people with no arms and
            # no force of their own is violence against civilians, not a clash.
            sub = "Attack"
            self._retype(event, sub)
        self._figures(event, quantities, text, sentence)
        if event.fatalities_qualifier is None and sub not in _NO_TOLL and any(
                ((t.key in self.lexicon.assassination and not self._attempted(t))
                 or t.key in self.lexicon.one_body) and not self._framed(t) for t in triggers):
            # «اغتال مسلحون مجهولون خطيب مسجد»: an assassination kills the one it names;
            # «ضبط ثلاثة متهمين بالضلوع في عمليات اغتيال» arrests, and kills no one.
            event.fatalities, event.fatalities_qualifier = 1, "exact"
        if event.event_type == "Riots" and event.actor1 is not None and \
                event.actor1.id == "israeli_settlers":
            # «رشق مستوطنون منازل المواطنين بالحجارة»: settlers stoning people's homes
            # attack civilians; they are no crowd of demonstrators
            sub = "Attack"
            self._retype(event, sub)
        gunmen = next((p for p in (event.actor1, event.actor2)
                       if p is not None and p.id in UNNAMED_CAPTORS), None)
        if event.event_type == "Protests" and (event.fatalities or event.injuries) and \
                gunmen is not None:
            # «أطلق مسلحون مجهولون النار على تجمع للمتظاهرين»: gunmen nobody names who
            # shoot at a crowd attack civilians; no force broke the protest up.
            sub = "Attack"
            self._retype(event, sub)
            event.actor1, event.actor2 = gunmen, None
            event.victims = list(dict.fromkeys([*event.victims, "protesters"]))
        elif event.event_type == "Protests" and event.fatalities:
            force = [c for c in refined.get("Peaceful protest", [])
                     if c.value in ("Excessive force against protesters",
                                    "Protest with intervention")]
            if force or "protesters" in event.victims or sub != "Peaceful protest":
                # Protesters killed by the forces that broke the protest up.
                sub = "Excessive force against protesters"
                self._retype(event, sub)
            else:
                # «مسيرة غاضبة احتجاجاً على مجزرة القاعة الكبرى التي راح ضحيتها 140»:
                # the dead are those the crowd mourns, not its own
                event.fatalities = event.fatalities_qualifier = None
        elif sub == "Attack" and "protesters" in event.victims and gunmen is None and (
                event.actor1 is None or getattr(self.actors.actors.get(event.actor1.id),
                                                "type", "") in STATE_TYPES):
            # «قُتل متظاهر برصاص قوة أمنية خلال محاولتها فتح طريق أغلقه المحتجون»:
            # protesters the forces shot are a protest met with excessive force
            sub = "Excessive force against protesters"
            self._retype(event, sub)
        dates = [m for m in inside if m.kind == "date"
                 and (recall is None or m.start > recall.end)
                 and (m.ref or m.rule != "grammar:clock")]  # «عند الساعة 11:15»: no day
        # «منذ السابع من تشرين الأول»: the day a period began, not the event's
        since = [d for d in dates if _SINCE_BEFORE.search(text, max(0, d.start - 45), d.start)
                 and (_days_before(d, pub) or 0) > 7]  # «منذ ظهر الاثنين»: it began then
        if since and (_within(cues["count"], sentence) or len(since) == len(dates)):
            # «حصيلة حالات الاعتقال منذ ... ارتفعت إلى»: a running count; «تصعيد متواصل
            # منذ السابع من تشرين الأول»: a campaign, not an incident of a day
            return None
        dates = [d for d in dates if d not in since]
        verbs = _within(cues["verb"], sentence)
        # "الرمادي (الفرات) – خطف مسلحون ... في قضاء الرطبة": the dateline is where
        # the report was filed; the place named in the sentence is where it happened.
        # Further down, «الكفرة: أعلنت كتيبة ...» labels a digest's item with its town:
        # a place of the item like any other.
        labels = [m for m in places if _dateline(text, m, sentence)]
        if sentence.block != _lead_block(blocks) and labels and _LABEL.match(text, labels[0].end):
            labels = []
        named = [m for m in places if m not in labels]
        # «الفصائل المدعومة من أنقرة»، «القوات الموالية لدمشق»: a capital named as a
        # patron is a state, not a place.
        named = [m for m in named if not _patron_place(
            self._words_before(_Cue(m.start, m.end, "", ""), 2), self.lexicon.roles)]
        # «العدوان الذي شنته أنقرة»: a capital that launched it is a state
        launched_by = self.lexicon.roles.get("launched_by", frozenset())
        launched = [m for m in named if any(
            w in launched_by for w in self._words_before(_Cue(m.start, m.end, "", ""), 1))]
        named = [m for m in named if m not in launched]
        # «وقال براك»، «وأكدت دمشق»: a name right after a verb of saying speaks; it is a
        # person or a government, not where the event was.
        spoken = [m for m in named if m.data.get("feature") not in ("admin1", "country")
                  and any(0 <= m.start - v.end <= 2 for v in verbs)]
        named = [m for m in named if m not in spoken]
        # «مقاتلون قدموا من دير الزور وحمص»، «اقتادوهم إلى تلعفر»: where people came
        # from or were taken is not where the incident was.
        moved: list[Mention] = []
        for m in sorted(named, key=lambda m: m.start):
            listed = bool(moved) and text[moved[-1].end : m.start].strip(" ،,") in ("و", "") \
                and m.start - moved[-1].end <= 4
            if self._moved(m) or listed:  # «قدموا من دير الزور وحمص وحماة»
                moved.append(m)
        named = [m for m in named if m not in moved] or named
        # «على طريق السخنة – تدمر»، «الطريق الواصل بين نوى والشيخ سعد»: a road between
        # two towns is coded at the first.
        ends = [b for a, b in pairwise(sorted(named, key=lambda m: m.start))
                if self.lexicon.grammar.road_end.fullmatch(text, a.end, b.start)
                and self.lexicon.grammar.road_start.search(text, max(0, a.start - 40), a.start)]
        named = [m for m in named if m not in ends] or named
        # «وفي مدينة اللاذقية، شارك مئات في وقفة احتجاجية للتنديد بالاعتداءات في حمص»:
        # a town that opens the sentence sets its scene.
        scene = _scene_town(text, sentence, named, verbs, self.lexicon.grammar.scene)
        event.location = _location([scene] if scene is not None else named or [
            m for m in places if m not in spoken and m not in launched], trigger.start) or \
            _location([m for m in _antecedent(mentions, sentence, sentences, blocks)
                       if m not in launched])
        if event.location is not None and str(event.location.get("geo_precision")) == "3" \
                and any(m.ref == event.location["id"] and m.data.get("feature") == "country"
                        for m in mentions if m.kind == "place"):
            # «مسيرات استهدفت العراق»، «توسيع العمليات في لبنان»: a whole country is
            # no place to code an incident at; a coder codes it where the text says
            # more, or not at all.
            event.location = _location([m for m in _antecedent(
                mentions, sentence, sentences, blocks) if m.data.get("feature") != "country"])
            if event.location is None:
                return None
        if named and all(m.data.get("neighbourhood") for m in named):
            # «سقطت قذيفة على حي الروضة» in a report from Taiz: a quarter that only
            # shares a village's name is in the city the article is about.
            earlier = [m for m in _antecedent(mentions, sentence, sentences, blocks)
                       if m not in named and not m.data.get("neighbourhood")]
            event.location = _location(earlier) or _location(_main_town(mentions)) or \
                event.location
        twin = self._twin(text, sentence, named, event.location)
        self._state.twins = [(twin, None)] if twin is not None else [
            (m, None) for m in self._listed(text, named, event.location, event.sub_event_type in (
                "Peaceful protest", "Violent demonstration"))]
        # a town told with its own town word («أطراف بلدتي البارة وكنصفرة»)
        self._state.own_place = any(m.data.get("cue") == "populated" for m in named)
        if not self._state.twins:
            pairs = self._counts_by_place(text, quantities, named)
            if len(pairs) > 1:  # «ستة من بلدة بيت أمر ... وثمانية من بلدة قباطية»
                first_place, first_count = pairs[0]
                event.location = _location([first_place])
                self._recount(event, first_count, text, sentence)
                self._state.twins = [(p, q) for p, q in pairs[1:]]
        self._crowd(event, groups, trigger, text)
        # «أعلن في بيان اليوم الثلاثاء أن قواتها استعادت صباح الاثنين»: a day right
        # after a verb of saying, before the event is told, dates the statement.
        # Not when what was said is told first: «وثّق التقرير مقتل طفل في 12 حزيران».
        told = [m.start for m in (*quantities, *groups)]
        stated = [d for d in dates if d.end <= trigger.start and any(
            0 <= d.start - v.end <= 30 and not any(v.end <= q < d.start for q in told)
            for v in verbs)]
        own = [d for d in dates if d not in stated]
        if stated:
            # «أعلن الجيش اليوم استعادة رفاعة بعد معارك استمرت منذ فجر أمس»: the day the
            # fighting began is not the day of the news announced
            own = [d for d in own if not _SINCE_BEFORE.search(text, max(0, d.start - 45),
                                                              d.start)]
        date_mention = min(own, key=lambda d: abs(d.start - trigger.start)) if own else None
        if date_mention is None and not stated and recall is None:
            # (what a sentence recalls takes no day from the news around it)
            date_mention = _first(_context(mentions, "date", sentence, sentences, blocks),
                                  "date")
        elif date_mention is None and stated:
            # «أعلن الجيش، أمس السبت، استعادة السيطرة على سنجة»: with no day of its own,
            # the news is dated by its announcement, as a coder dates it
            date_mention = stated[-1]
        elif date_mention is None:
            event.time_precision = 2  # only the statement's day is known
        if date_mention is not None and date_mention.ref:
            event.event_date = date_mention.ref if date_mention.data["precision"] == "day" \
                else None
            event.time_precision = int(date_mention.data["time_precision"])
        event.sources = sources
        similar = bool(_within(cues["similar"], sentence))
        event.modality = _modality(modal, date_mention, pub)
        if event.modality == "reported" and self._may(sentence):
            event.modality = "planned"  # «قد تمتد المعارك إلى مناطق أخرى»: only possible
        age = _days_before(date_mention, pub)
        if similar and (age is not None and age > 7) and event.modality in ("reported", "claimed"):
            event.modality = "background"  # "نفذت الشهر الماضي ضربة مماثلة"
        # A party's own account of the fighting is a claim, unless a witness, a
        # monitor or the outlet's own sources tell it too, or the party admits its
        # losses («أقر جيش الاحتلال بمقتل خمسة من جنوده»).
        independent = any((s.get("kind") == "category" and s["id"] in _WITNESSES)
                          or (s.get("kind") == "actor" and self.actors.actors[
                              str(s["id"])].type in ("monitor", "ngo", "un_body"))
                          for s in sources)  # a state agency relays its government
        sides = [p.id for p in (event.actor1, event.actor2) if p is not None]

        def party_to_it(source_id: str) -> bool:
            # «أفادت وزارة الصحة اللبنانية» of an Israeli strike: a state that is no
            # side of the incident reports it; a side tells its own version.
            return not sides or any(self.actors.kin(source_id, side) for side in sides)

        if event.modality == "reported" and (
                event.event_type in VIOLENT_TYPES
                or event.sub_event_type == "Disrupted weapons use") and any(
                s.get("kind") == "actor" and self.actors.actors[str(s["id"])].type
                not in SOURCE_TYPES | {"police"} and party_to_it(str(s["id"]))
                # a side's word borrowed from the lead tells its version of the lead's
                # incident; another incident, told in the outlet's voice, is reported
                and s.get("scope") in ("sentence", "paragraph", None)
                for s in sources) and not independent \
                and not self._sentence_words(sentence) & self.lexicon.admission:
            event.modality = "claimed"
        accuser = self.actors.actors.get(self._state.accuser or "")
        if event.modality == "reported" and accuser is not None and \
                accuser.type not in SOURCE_TYPES:
            event.modality = "claimed"  # «اتهمت فصائل المعارضة قوات النظام باستخدام الكلور»
        if event.modality == "background":
            # An earlier event the outlet recalls is attributed only if its own
            # sentence says by whom.
            event.sources = [{**s, "scope": "sentence"}
                             for s in self._sources_in(text, sentence, mentions, cues)]
        event.evidence.append(Evidence(sentence.start, sentence.end,
                                       text[sentence.start : sentence.end],
                                       f"trigger:{text[trigger.start:trigger.end]}→{sub}"))
        # "القنبلة انفجرت في باحة المنزل", "وتبنى التنظيم الهجوم": a definite trigger
        # with no day of its own tells more about an incident already reported.
        self._state.dated = bool(dates)
        # «بدأت الاشتباكات إثر هجوم على بوابة أمنية»: the fighting named first, with
        # the article, is the one told; the indefinite cause after it is part of it.
        first = min(triggers, key=lambda t: t.start)
        self._state.anaphoric = not dates and not similar and (
            all(_definite(text, t) for t in triggers)
            or (_definite(text, first) and first.key in self.lexicon.anaphors))
        # «وتبنت الحركة الهجوم ... زاعمة أنها قتلت ثلاثين»: the generic noun told first
        # names the incident, whatever the words after it add.
        # («وبعد ساعات من الهجوم، أعلنت الشرطة اعتقال شخصين»: a time told against
        # the incident opens news of another kind.)
        after = bool({w.lstrip("وف") for w in self._words_before(first, 3)}
                     & self.lexicon.time_after)
        self._state.refers_back = self._state.anaphoric and (all(
            t.key in self.lexicon.anaphors for t in triggers) or (
            _definite(text, first) and first.key in self.lexicon.anaphors and not after))
        return event

    def _listed(self, text: str, places: Sequence[Mention],
                location: dict[str, object] | None, crowd: bool = False) -> list[Mention]:
        """The further towns of a list after a plural place word, when the first is
        the event's place: «انتشرت في بلدات ميس الجبل وحولا وكفركلا» is an event at each."""
        if location is None:
            return []
        ordered = sorted(places, key=lambda m: m.start)
        first = next((m for m in ordered if m.ref == location.get("id")), None)
        if first is None:
            return []
        before = text[max(0, first.start - 20):first.start].split()
        word = match_key(before[-1]) if before else ""
        # «خرج آلاف الطلبة في الديوانية والحلة»، «شهدت الخرطوم والقضارف ومدني مواكب»:
        # crowds in towns joined by «و» are a protest in each
        not_a_list = self.lexicon.not_a_list
        joined = crowd and bool(word) and word not in not_a_list and \
            word[1:] not in not_a_list and str(first.data.get("geo_precision")) == "1"
        if not {word, word[1:]} & self.lexicon.plural_places and not joined:
            return []
        out: list[Mention] = []
        last = first
        for m in ordered[ordered.index(first) + 1 :]:
            gap = text[last.end:m.start].strip(" ،,")
            # «ميس الجبل وحولا وكفركلا»: a town the gazetteer lacks may sit in the list
            if (gap not in ("و", "") and not _LIST_GAP.fullmatch(gap)) or m.ref == first.ref:
                break
            if str(m.data.get("geo_precision")) == "1":
                out.append(m)
            last = m
        return out

    def _twin(self, text: str, sentence: Sentence, places: Sequence[Mention],
              location: dict[str, object] | None) -> Mention | None:
        """The second of two places the sentence names together after a dual place
        word («بلدتي كفركلا والخيام»، «مديريتا عبس وكشر»), when the first is the
        event's place."""
        if location is None:
            return None
        for first, second in pairwise(places):
            if first.ref != location.get("id") or second.ref == first.ref:
                continue
            if text[first.end:second.start].strip(" ،") not in ("و", ""):
                continue
            before = text[max(0, first.start - 20):first.start].split()
            word = match_key(before[-1]) if before else ""
            if {word, word[1:], word[2:]} & self.lexicon.twin_places:  # و/ب/في attached
                return second
        # «خرجت وقفتان احتجاجيتان في مدينة شهبا شمالي المحافظة وبلدة القريا»: two
        # events told as a dual, each at its own town.
        if not self._sentence_words(sentence) & self.lexicon.twin_events:
            return None
        towns = [m for m in places if str(m.data.get("geo_precision")) == "1"]
        for first, second in pairwise(towns):
            if first.ref == location.get("id") and second.ref != first.ref and \
                    _AND.search(text, first.end, second.start + 1):
                return second
        return None

    def _losses(self, events: list[Event], sentence: Sentence,
                mentions: Sequence[Mention]) -> None:
        """«وأضاف البيان أن قواتنا كبدت العدو أكثر من 80 قتيلاً»: the losses a side
        says it inflicted, told with no incident word, are the dead of the fighting
        told just before."""
        fighting = [e for e in events if e.event_type == "Battles"
                    and e.modality in ("reported", "claimed")
                    and e.evidence[0].start < sentence.start]
        if not fighting:
            return
        target = max(fighting, key=lambda e: e.evidence[0].start)
        if target.fatalities_qualifier is not None:
            return
        killed = [q for q in _starting_in(mentions, sentence.start, sentence.end)
                  if q.kind == "quantity" and "killed" in (q.data.get("effect"),
                                                           q.data.get("counts"))]
        if not killed:
            return
        self._figures(target, killed[:1], self._state.norm.original, sentence)
        target.evidence.append(Evidence(sentence.start, sentence.end,
                                        self._state.norm.original[sentence.start:sentence.end],
                                        "losses"))

    def _counts_by_place(self, text: str, quantities: Sequence[Mention],
                         places: Sequence[Mention]) -> list[tuple[Mention, Mention]]:
        """Counts each told with a town of its own, in a list or a roundup: «اعتقلت
        ستة مواطنين من بلدة بيت أمر ... إضافة إلى ثمانية من بلدة قباطية»، «طالت نحو
        50 شخصاً في صنعاء، و14 آخرين في مدينة ذمار»."""
        pairs: list[tuple[Mention, Mention]] = []
        for i, q in enumerate(quantities):
            if q.data.get("value") is None:
                continue
            limit = quantities[i + 1].start if i + 1 < len(quantities) else q.end + 45
            there = next((p for p in places if q.end < p.start <= min(limit, q.end + 45)
                          and str(p.data.get("geo_precision")) == "1"
                          and (_FROM_IN.search(text, q.end, p.start)
                               or text[p.start - 1] == "ب")), None)  # «بمدينة ذمار»
            if there is not None and all(there.ref != p.ref for p, _ in pairs):
                pairs.append((there, q))
        return pairs

    def _twin_event(self, found: Event, place: Mention, count: Mention | None, text: str,
                    sentence: Sentence) -> Event:
        """The same event at another place the sentence names, with its own count or,
        when the count was of both places, none."""
        twin = replace(found, location=_location([place]), evidence=list(found.evidence),
                       victims=list(found.victims), sources=list(found.sources))
        for name in ("fatalities", "injuries"):
            if getattr(twin, name):
                setattr(twin, name, None)
                setattr(twin, f"{name}_qualifier", "unknown")
        if count is not None:
            self._recount(twin, count, text, sentence)
        return twin

    def _recount(self, event: Event, count: Mention, text: str, sentence: Sentence) -> None:
        """The event's figures are its own count's alone."""
        for name in _FIGURE_FIELDS:
            setattr(event, name, None)
        self._figures(event, [count], text, sentence)

    def _update_figures(self, events: list[Event], sentence: Sentence,
                        mentions: Sequence[Mention]) -> None:
        """«ارتفعت الحصيلة إلى 31 قتيلاً»: the incident told last before (or, in a
        headline, first) takes the higher count; a count never goes down."""
        told = [e for e in events if e.event_type in VIOLENT_TYPES
                and e.modality in ("reported", "claimed")]
        # «ارتفاع حصيلة غارة عيترون إلى قتيلين»: the incident at the place it names.
        named = {str(m.ref) for m in mentions if m.kind == "place"
                 and sentence.start <= m.start < sentence.end}
        there = [e for e in told if e.location and str(e.location.get("id")) in named]
        told = there or told
        before = [e for e in told if min(ev.start for ev in e.evidence) < sentence.start]
        target = max(before, key=lambda e: min(ev.start for ev in e.evidence)) if before \
            else (told[0] if told else None)
        if target is None:
            return
        for q in mentions:
            if not (sentence.start <= q.start < sentence.end) or q.kind != "quantity":
                continue
            effect, value = q.data.get("effect") or q.data.get("counts"), q.data.get("value")
            if effect is None:  # «ارتفاع حصيلة الشهداء إلى 22»: the toll's noun tells it
                told_of = self.lexicon.grammar.toll_of.search(
                    self._state.norm.original, max(0, q.start - 40), q.start)
                effect = told_of and ("killed" if told_of["dead"] else "injured")
            if not isinstance(value, int) or effect not in ("killed", "injured"):
                continue
            field = "fatalities" if effect == "killed" else "injuries"
            if getattr(target, f"{field}_qualifier") is None and field == "fatalities":
                continue  # no count was told before: this one is about something else
            if (getattr(target, field) or -1) < value:
                setattr(target, field, value)
                setattr(target, f"{field}_qualifier", str(q.data.get("qualifier") or "exact"))
        target.evidence.append(Evidence(sentence.start, sentence.end,
                                        self._state.norm.original[sentence.start:sentence.end],
                                        "update:count"))

    def _clauses(self, text: str, sentence: Sentence, cues: dict[str, list[_Cue]],
                 mentions: Sequence[Mention]) -> list[Sentence]:
        """Two incidents in one sentence are two events: "غارات على سوق جسر الشغور
        وقصف على دارة عزة" splits where a new trigger, joined by و, comes with a
        place of its own after a first trigger that had one."""
        triggers = _within(cues["trigger"], sentence)
        if len(triggers) < 2:
            return [sentence]
        recalled = self._recalled_clause(text, sentence, triggers, mentions)
        if recalled is not None:
            # «قصف ... بعد أيام من استهداف الطيران الروسي لمشفى كفرنبل يوم السبت
            # الماضي»: the earlier incident recalled with its own day is an event too
            head = Sentence(sentence.start, recalled, sentence.block)
            return [*self._clauses(text, head, cues, mentions),
                    Sentence(recalled, sentence.end, sentence.block)]
        places = [m for m in _starting_in(mentions, sentence.start, sentence.end)
                  if m.kind == "place"]
        if len(places) < 2 or self._opens_statement(sentence):
            return [sentence]  # «ودعا ... إلى وقف اعتداءاتها والانسحاب»: one appeal
        cuts = []
        start = sentence.start
        # «وفي إقليم هيران، شنت الحركة هجوماً بالأسلحة الخفيفة وقذائف الهاون على
        # قاعدة في بلدة جلالقسي»: a place that sets the scene before the first
        # incident word is not that incident's own.
        opened = triggers[0].start
        for t in triggers[1:]:
            word_start = t.start
            while word_start > sentence.start and text[word_start - 1].isalpha():
                word_start -= 1
            by_and = (text[word_start] == "و" and word_start < t.start) or \
                text[max(sentence.start, word_start - 2) : word_start] == "و "
            # «غارة ... على بيت جن، فيما توغلت قوة إسرائيلية في بلدة خان أرنبة
            # واعتقلت ثلاثة شبان»: a joiner anywhere since the last incident word.
            since = max(c.end for c in triggers if c.start < t.start)
            joiners = [c for c in cues["joiner"]
                       if max(start, min(since, word_start - 40)) <= c.start < word_start]
            if by_and and joiners and joiners[-1].start > since:
                by_and = False  # the joiner, not the «و» of the verb, opens the clause
            if not by_and and not joiners:
                # «مقتل طفل ... قرب بلدة كفرنبل، ومقتل مدني برصاص مسلحين ... في تلكلخ»:
                # a comma and a word opened by و start the next incident's clause.
                comma = text.rfind("،", max(start, since), word_start)
                if comma >= 0 and text[comma + 1 : word_start].lstrip().startswith("و") and \
                        len(text[comma + 1 : word_start].split()) <= 3:
                    word_start = comma + 1 + (len(text[comma + 1 : word_start]) -
                                              len(text[comma + 1 : word_start].lstrip()))
                    by_and = True
            joined = by_and or bool(joiners)
            if not by_and and joiners:
                # «غارة على عيتا الشعب، فيما تعرضت بلدتا رامية والقوزح لقصف»: cut at فيما
                word_start = joiners[-1].start
            # «وفي مدينة مصراتة، نظم الأهالي وقفة ...، في حين شهدت مدينة الزاوية وقفة»:
            # across فيما/في حين the scene set first is the first incident's own.
            before = [p for p in places if (start if joiners and not by_and else
                                            max(start, opened)) <= p.start < word_start]
            # after فيما the place may come before the incident word («فيما تعرضت بلدة
            # كفركلا لقصف»)
            after = [p for p in places if p.start >= (t.end if by_and else word_start)]
            if joined and before and after and {p.ref for p in before}.isdisjoint(
                    {p.ref for p in after}):
                cuts.append(word_start)
                start = opened = word_start
        if not cuts:
            return [sentence]
        bounds = [sentence.start, *cuts, sentence.end]
        return [Sentence(a, b, sentence.block) for a, b in pairwise(bounds)]

    def _recalled_clause(self, text: str, sentence: Sentence, triggers: list[_Cue],
                         mentions: Sequence[Mention]) -> int | None:
        """Where a clause recalling an earlier, dated incident opens («منذ سيطرتها على
        ود مدني في ديسمبر الماضي»، «إذ سبق أن تعرض في 17 أبريل لغارات»), after an
        incident word of the news: an incident word follows the opener within a few
        words and a day or month is told after it."""
        if _within(self._state.toll_cues, sentence):
            return None  # «قُتل 200 مدني منذ بدء الهجوم»: a count since, a toll's
        since = self.lexicon.grammar.since_start
        for opener in _RECALL_OPENER.finditer(text, triggers[0].end, sentence.end):
            if since.match(text, opener.start()):
                continue  # «منذ بدء الهجوم»: since when, no incident recalled
            reach = 8 if opener.group().startswith("إذ") else 3
            after = [t for t in triggers if t.start >= opener.end()
                     and len(text[opener.end():t.start].split()) <= reach]
            if not after:
                continue
            dated = any(m.kind == "date" and m.data.get("resolved") and
                        opener.end() <= m.start < sentence.end and
                        # «حين استهدفت طائرة منزلاً مساء أمس»: when it happened, the
                        # news itself; only a day well before it is another incident's
                        (_days_before(m, self._state.pub) or 0) > 2 and not (
                            m.start < after[0].start and _SINCE_BEFORE.search(
                                text, max(0, m.start - 45), m.start))
                        for m in _starting_in(mentions, opener.end(), sentence.end))
            if dated:
                return opener.start()
        return None

    def _words_before(self, trigger: _Cue, count: int) -> list[str]:
        """Whole words before the trigger's word (its proclitics, الـ, left out), up to
        six; read once per place, since each rule asks for a few of them."""
        cache = self._state.words_before
        words = cache.get(trigger.start)
        if words is None:
            start = self._state.norm.from_original(trigger.start, trigger.start)[0]
            before = self._state.norm.text[max(0, start - 90):start]
            before = before[before.rfind("\n") + 1 :]  # not into the paragraph before
            if before and not before[-1].isspace():
                before = before[:before.rfind(" ") + 1] if " " in before else ""
            words = cache[trigger.start] = before.split()[1:][-6:] \
                if start > 90 and "\n" not in self._state.norm.text[start - 90 : start] \
                else before.split()[-6:]
        return words[-count:]

    def _in_name(self, trigger: _Cue) -> bool:
        """"حارة الدمج", "ساحة التحرير": a trigger word that is part of a name."""
        words = self._words_before(trigger, 1)
        if not words:
            return False
        word = words[-1]
        return word in self.lexicon.name_openers or (
            word[:1] in "وفبل" and word[1:] in self.lexicon.name_openers)

    def _attempted(self, trigger: _Cue) -> bool:
        """"حاولوا (خلال ساعات الصباح) استعادة": an attempt word a few words before."""
        words = self._words_before(trigger, 5)
        return any(w in self.lexicon.attempt or w[1:] in self.lexicon.attempt for w in words)

    def _moved(self, place: Mention) -> bool:
        """Whether the place follows «من»/«إلى» after a verb of movement."""
        words = self._words_before(_Cue(place.start, place.end, "", ""), 5)
        if len(words) >= 2 and words[-1] in self.lexicon.site_words:
            words = words[:-1]  # «المنطلقة من قاعدة حميميم»، «قدموا من مدينة الباب»
        if not words or words[-1] not in ("من", "الى"):
            return False
        return any(w in self.lexicon.movement or w[1:] in self.lexicon.movement
                   for w in words[:-1])

    def _attacked(self, trigger: _Cue) -> bool:
        """Whether the trigger is a verb or noun of attacking (هاجم، هجوم) rather than
        one of fighting (اشتباكات، معارك), which takes two sides."""
        key = trigger.key
        return key in self.lexicon.attack_words or key[1:] in self.lexicon.attack_words

    def _framed(self, trigger: _Cue) -> bool:
        """Whether one of the two words before the trigger sets a time frame."""
        words = self._words_before(trigger, 2)
        if any(w in self.lexicon.framing or w[1:] in self.lexicon.framing for w in words):
            return True
        if not self._state.accusing:
            return False  # no word of a charge anywhere in the article
        accused = self.lexicon.accused
        if any(w in accused or w[1:] in accused for w in self._words_before(trigger, 4)):
            return True
        # «اعتقلت 17 شاباً بتهمة التخابر مع الجيش وإرسال إحداثيات المواقع إلى
        # المسيّرات»: the charge runs on to the end of its clause.
        original = self._state.norm.original
        start = max(original.rfind(c, max(0, trigger.start - 120), trigger.start)
                    for c in "،.؛\n") + 1
        return any(w in accused or w[1:] in accused
                   for w in self._words_from(start, trigger.start))

    @staticmethod
    def _is_headline(sentence: Sentence, blocks: Sequence[Block]) -> bool:
        return sentence.block < len(blocks) and blocks[sentence.block].kind == "headline"

    def _may(self, sentence: Sentence) -> bool:
        """قد before a verb in the present («قد تمتد»، «قد يشن») says it may happen;
        before a past verb («قد قتل») it only stresses that it did."""
        start, end = self._state.norm.from_original(sentence.start, sentence.end)
        may = _MAY.search(self._state.norm.text, start, end)
        # «وكان الطالب قد تعرض لإطلاق نار»: كان ... قد with a past verb in ت.
        return may is not None and not _WAS.search(self._state.norm.text, start, may.start())

    def _lead_day(self, mentions: Sequence[Mention], blocks: Sequence[Block],
                  pub: date | None) -> tuple[str, int] | None:
        """The day a roundup's lead gives for what it lists, when it is the day of
        publication or the day before."""
        lead = next((b for b in blocks if b.kind == "paragraph"), None)
        if lead is None or pub is None:
            return None
        for m in _starting_in(mentions, lead.start, lead.end):
            if m.kind == "date" and m.ref and m.data.get("precision") == "day" and \
                    m.rule != "grammar:clock" and \
                    0 <= (pub - date.fromisoformat(str(m.ref))).days <= 1:
                return str(m.ref), 1
        return None

    def _dropped(self, trigger: _Cue) -> bool:
        """«قذيفة أسقطتها طائرة مسيّرة»: the verb with its object attached, then the
        aircraft that let it fall."""
        verbs, by = self.lexicon.dropped
        norm = self._state.norm
        start = norm.from_original(trigger.start, trigger.start)[0]
        words = norm.text[start:start + 60].split()[:5]  # the whole verb, pronoun and all
        if len(words) >= 2 and words[0].lstrip("وف") in verbs and words[1] in by:
            return True
        first, munitions = self.lexicon.dropped_first
        if words and words[0] in first:
            words = words[1:]  # the trigger is the verb of letting fall itself
        else:
            before = self._words_before(trigger, 1)
            if not before or before[-1] not in first:
                return False
        return len(words) >= 2 and words[0] in by and any(w in munitions for w in words[1:4])

    def _demolished(self, sentence: Sentence) -> bool:
        """A force blowing up buildings, their object named within a few words of the
        verb: demolition, not a bomb («فجّر جيش الاحتلال، أمس الأحد، نحو عشرين مبنى»)."""
        verbs, objects, bombs = self.lexicon.demolition
        if self._sentence_words(sentence) & bombs:
            return False
        words = self._sentence_tokens(sentence)
        bare = [w[2:] if w.startswith("ال") else w for w in words]  # «المنازل»
        for i, word in enumerate(words):
            if (word in verbs or (word[:1] == "و" and word[1:] in verbs)) and \
                    set(bare[i + 1 : i + 10]) & objects:
                return True
        return False

    def _sentence_tokens(self, sentence: Sentence) -> list[str]:
        """The sentence's words in matching form, in order, without punctuation."""
        return self._words_from(sentence.start, sentence.end)

    def _compared(self, text: str, start: int) -> bool:
        """«في واحدة من أعنف الضربات منذ انطلاق الحملة»: a period told to compare one
        incident with those before it, not to count over it."""
        before = self._words_before(_Cue(start, start, "", ""), 5)
        return any(w in self.lexicon.superlatives for w in before)

    def _words_after(self, end: int, count: int) -> list[str]:
        """The words after an original offset, in matching form, without punctuation."""
        norm = self._state.norm
        start = norm.from_original(end, end)[0]
        return [w.strip("،,.:؛«»") for w in norm.text[start : start + 60].split()[:count]]

    def _words_from(self, start: int, end: int) -> list[str]:
        """The words between two original offsets, in matching form."""
        norm = self._state.norm
        a, b = norm.from_original(start, end)
        return [w.strip("،,.:؛«»") for w in norm.text[a:b].split()]

    def _word_after(self, trigger: _Cue) -> str:
        """The word right after the trigger, in matching form."""
        words = self._words_after(trigger.end, 1)
        return words[0] if words else ""

    def _sentence_words(self, sentence: Sentence) -> set[str]:
        """The sentence's words, each also without one attached و/ف/ب/ل (read once per
        sentence or clause: several rules ask)."""
        key = (sentence.start, sentence.end)
        found = self._state.sentence_words.get(key)
        if found is None:
            words = self._sentence_tokens(sentence)
            found = self._state.sentence_words[key] = \
                set(words) | {w[1:] for w in words if w[:1] in "وفبل"}
        return found

    def _opens_statement(self, sentence: Sentence) -> bool:
        start = self._state.norm.from_original(sentence.start, sentence.start)[0]
        words = self._state.norm.text[start : start + 60].split()[:3]
        for word in words[:2]:
            bare = word[1:] if word[:1] in "وف" and word[1:] in self.lexicon.openers else word
            if bare in self.lexicon.openers:
                return True
        return len(words) >= 2 and words[1] in self.lexicon.analysts

    def _not_speakers(self, parties: list[Mention], sentence: Sentence,
                      cues: dict[str, list[_Cue]], trigger: _Cue) -> list[Mention]:
        """«قالت تنسيقية لجان المقاومة، في بيان، إن المسلحين اقتحموا القرية»: the one
        speaking is the source, not a side, unless it speaks of itself («أعلنت قسد أن
        مقاتليها صدوا هجوماً»، «أنها سيطرت»)."""
        norm = self._state.norm
        verbs = _within(cues["verb"], sentence)
        out = []
        for m in parties:
            if _COLON.match(norm.original, m.end) and m.end <= trigger.start:
                continue  # «الدفاع المدني: استشهاد ستة»: quoted, not a side
            said = any(0 <= m.start - v.end <= 40 and len(
                norm.original[v.end:m.start].split()) <= 2 for v in verbs)
            if not said or m.end > trigger.start:
                out.append(m)
                continue
            start = norm.from_original(m.end, m.end)[0]
            stop = norm.from_original(trigger.start, trigger.start)[0]
            words = norm.text[start:stop].split()
            that = next((i for i, w in enumerate(words) if w in ("ان", "بان", "وان")), None)
            if that is None or that + 1 >= len(words) or \
                    words[that + 1].endswith(("ها", "ه", "هم", "نا")):
                out.append(m)  # no reported speech, or it speaks of its own forces
        return out

    def _assign_parties(self, event: Event, text: str, parties: list[Mention],
                        trigger: _Cue) -> None:
        # «حاجزاً لقوات سوريا الديمقراطية (قسد)»: a short name in brackets after the
        # full one is the same mention, in the same role
        parties = [m for i, m in enumerate(parties) if not (
            i and parties[i - 1].ref == m.ref and
            not text[parties[i - 1].end:m.start].strip(" («»\"'"))]
        if not parties:
            return

        norm = self._state.norm

        def words_before(m: Mention, count: int) -> list[str]:
            return self._words_before(_Cue(m.start, m.end, "", ""), count)

        def word_before(m: Mention) -> str:
            words = words_before(m, 1)
            return words[-1] if words else ""

        def between(a: int, b: int) -> list[str]:
            na = norm.from_original(a, a)[0]
            nb = norm.from_original(b, b)[0]
            return norm.text[na:nb].split() if nb > na else []

        roles = self.lexicon.roles
        agent_marks = roles.get("agent", frozenset())
        target_marks = roles.get("target", frozenset())

        def follows_trigger(m: Mention) -> bool:
            # قصفت قوات النظام، أطلقت القوات الأمنية النار: the actor right after the
            # verb (or the verbal noun, قصف الطيران) is the one acting.
            if not 0 <= m.start - trigger.end <= 25:
                return False
            gap = between(trigger.end, m.start)
            if len(gap) == 2 and gap[1] == "من" and gap[0] in roles.get("units", ()) and \
                    trigger.key not in self.lexicon.weak:
                return True  # دخلت وحدات من الجيش (not قُتل عناصر من الجيش)
            return len(gap) <= 2 and not any(w in target_marks for w in gap)

        def marked(m: Mention, marks: frozenset[str]) -> bool:
            word = word_before(m)
            return word in marks or (word[:1] in "وفبل" and word[1:] in marks)

        belongs = roles.get("belongs_to", frozenset())

        def marked_agent(m: Mention) -> bool:
            if marked(m, agent_marks):
                # «سيطرتها على مقر الفرقة التابعة للجيش»: what belongs to X after «على»
                # is what was struck or taken, not what struck it
                return not (word_before(m) in belongs and trigger.end <= m.start
                            and _ON in between(trigger.end, m.start))
            # «هجوم شنه مسلحون من قوات الدعم السريع»: the mark before the unit of X.
            start = norm.from_original(m.start, m.end)[0]
            words = norm.text[max(0, start - 45) : start].split()[-3:]
            if len(words) >= 2 and words[-2] in roles.get("origin", ()):
                return True  # «قذائف مصدرها مواقع الدعم السريع»: fired from X's positions
            if len(words) >= 2 and words[-2] in agent_marks and words[-1] in roles.get(
                    "units", ()):
                return True  # «عبوة ناسفة زرعتها عصابات داعش»: the mark, the unit, then X
            return len(words) >= 2 and words[-1] == "من" and (
                words[-2] in agent_marks or (len(words) == 3 and words[-3] in agent_marks
                                             and words[-2] in roles.get("units", ())))

        # «المقاومة الشعبية المساندة للجيش»: the army is the patron, not a side.
        affiliation = roles.get("affiliation", frozenset())

        def patron(m: Mention, previous: Mention) -> bool:
            gap = between(previous.end, m.start)  # «المدعومة من»، «الموالية لـ»
            return m.ref != previous.ref and 0 < len(gap) <= 3 and any(
                w in affiliation or (w[:1] in "وبل" and w[1:] in affiliation) for w in gap)

        # «اعتقلت ثلاثة أطباء بتهمة التعاون مع الدعم السريع»: what they are accused of
        # names no side of the arrest.
        accused_of = self.lexicon.accused
        membership = roles.get("membership", frozenset())

        def member_of(m: Mention) -> bool:
            # «اعتقال تسعة متهمين بالانتماء إلى تنظيم داعش»: those taken are the group's
            return any(w in membership for w in words_before(m, 2))

        parties = [m for m in parties if member_of(m) or not any(
            w in accused_of or w[1:] in accused_of
            for w in self._words_before(_Cue(m.start, m.end, "", ""), 4))] or parties
        if not parties:
            return
        patrons = [m for i, m in enumerate(parties) if i and patron(m, parties[i - 1])]
        parties = [m for m in parties if m not in patrons]
        accused_first = False
        words = between(max(0, parties[0].start - 60), parties[0].start)
        accuse = roles.get("accuse", frozenset())
        accusing = [i for i, w in enumerate(words)
                    if w in accuse or (w[:1] in "وف" and w[1:] in accuse)]
        if accusing:
            if len(words) - accusing[-1] - 1 <= 1 and len(parties) > 1:
                # «اتهمت الدعم السريع طيران الجيش بقصف حي الوادي»: the army acted; the
                # accuser tells it (its source), it is no side of it
                self._state.accuser = str(parties[0].ref)
                parties = parties[1:]
            else:
                accused_first = True  # اتهمت مجموعة محامين عناصر من X: X acted
        agents = [m for m in parties if marked_agent(m) or follows_trigger(m)
                  or (accused_first and m is parties[0])]
        held: list[Mention] = []
        if event.sub_event_type in TAKING_TYPES:
            # «القبض على خلية تتبع للتنظيم»: those taken belong to X; X did not take them.
            belonging = roles.get("belonging", frozenset())
            held = [m for m in agents if m.start > trigger.end and marked(m, belonging)]
            # «خطف مسلحون يشتبه بانتمائهم»: armed men after the verb took, not were taken
            if self._word_after(trigger) not in self.lexicon.armed_men:
                held += [m for m in parties if m.start > trigger.end and member_of(m)
                         and m not in held]
            agents = [m for m in agents if m not in held]
        if event.sub_event_type == "Disrupted weapons use":
            launched = [m for m in parties if marked(m, roles.get("launch", frozenset()))]
            agents = [m for m in agents if m not in launched]
            parties = [m for m in parties if m not in launched] + launched
            if launched and all(m in launched for m in parties):
                # «تصدت المضادات لمسيرات أطلقتها الميليشيا»: the one named launched
                # what was stopped; the side that stopped it is not named
                event.actor2 = _party(launched[0], self.actors)
                return
        if event.sub_event_type in UNATTRIBUTED_TYPES and not agents:
            # Mines and bombs rarely say who laid them; naming a group in the
            # sentence is not saying it did this. The side that was hit is named:
            # «قُتل ثلاثة جنود من القوات الجنوبية بانفجار عبوة».
            hit = next((m for m in parties if word_before(m) in target_marks), None)
            if hit is None:
                # «أعلن الجيش الإسرائيلي مقتل ضابط وإصابة جنديين جراء انفجار عبوة»: a
                # force that announces its own dead was the side hit
                hit = next((m for m in parties if m.end <= trigger.start and
                            _OWN_LOSSES.match(norm.text, norm.from_original(m.end, m.end)[0])
                            and getattr(self.actors.actors.get(str(m.ref)), "type", "")
                            in ARMED_TYPES), None)
            if hit is not None:
                event.actor2 = _party(hit, self.actors)
            return
        units = roles.get("units", frozenset())
        subject = roles.get("subject", frozenset())
        opening = roles.get("opening", frozenset())

        bodies = roles.get("security_bodies", frozenset())

        def unit_subject(m: Mention) -> bool:
            # «إن عناصر الدعم السريع اقتحموا»، «توغلت آليات الاحتلال»، «إن قوة من
            # الدعم السريع اقتحمت»، «كما استهدفت القوات ذاتها»: the unit or verb
            # opens its clause, so the force is the one acting, not the one hit.
            words = words_before(m, 3)
            if event.sub_event_type in TAKING_TYPES and len(words) >= 2 and \
                    words[-1] in affiliation and words[-2] in bodies and \
                    0 <= m.start - trigger.end <= 50:
                # «اعتقلت الاستخبارات العسكرية التابعة للجيش السوداني ستة شبان»: a
                # security body of X took them; not «اعتقلت خلية تابعة لداعش»
                return True
            if len(words) >= 2 and words[-1] == "من" and words[-2] in units:
                words = words[:-1]
            words = words[-2:]
            if not words or not (words[-1] in units or words[-1] in opening):
                return False
            if event.sub_event_type in TAKING_TYPES and words[-1] in units and \
                    0 <= m.start - trigger.end <= 25:
                return True  # «واعتقلت عناصر الهيئة ناشطاً»: nobody arrests a patrol
            if len(words) == 1 or words[0][-1:] in ".،,:؛":
                return True
            return words[0] in subject or (words[0][:1] in "وف" and words[0][1:] in subject)

        targets = [m for m in parties if (word_before(m) in target_marks or m in held)
                   and m not in agents and not unit_subject(m)]
        others = [m for m in parties if m not in agents and m not in targets]
        if targets and not agents and not others:
            # "مقتل ستة من عناصر داعش بضربة جوية": the only side named was hit.
            event.actor2 = _party(targets[0], self.actors)
            return
        # «دورية تابعة للجيش ... عبوة زرعتها عصابات داعش»: one who laid, launched or
        # fired it comes before one a unit merely belongs to
        agents = sorted(agents, key=lambda m: word_before(m) in belongs)
        if event.sub_event_type == "Armed clash" and len(agents) > 1:
            # «تصدت القوات المسلحة لهجوم شنته ميليشيا الدعم السريع»: the side that
            # launched the attack comes first, the one that met it second
            launchers = roles.get("launched_by", frozenset())
            agents = sorted(agents, key=lambda m: not (
                word_before(m) in launchers or word_before(m)[1:] in launchers))
        order = agents + others + targets
        first = order[0]
        event.actor1 = _party(first, self.actors)
        # «مليشيا الحوثي بالطيران المسير»: the drone force is the same side.
        second = next((m for m in order[1:] if m.ref != first.ref
                       and not self._one_side(str(first.ref), str(m.ref))), None)
        if second is not None:
            event.actor2 = _party(second, self.actors)

    def _crowd(self, event: Event, groups: list[Mention], trigger: _Cue, text: str) -> None:
        """Protests and riots are the crowd's events, as ACLED codes them: the crowd
        is actor1 ("Protesters (Iraq)" unless a named movement is there) and the
        forces that broke it up, if any, actor2; a peaceful protest has no actor2."""
        if event.event_type not in ("Protests", "Riots"):
            return

        def state(p: Party | None) -> bool:
            actor = self.actors.actors.get(p.id) if p is not None else None
            return actor is not None and actor.type in STATE_TYPES

        first, second = event.actor1, event.actor2
        if state(first):
            first, second = (None if state(second) else second), first
        if event.sub_event_type == "Peaceful protest" and state(second):
            second = None
        if first is None:
            crowd = next((g for g in groups if g.ref in ("protesters", "rioters")), None)
            label = "Protesters" if event.event_type == "Protests" else "Rioters"
            country = self.country_names.get(str((event.location or {}).get("country") or ""))
            name = f"{label} ({country})" if country else label
            start, end = (crowd.start, crowd.end) if crowd else (trigger.start, trigger.end)
            first = Party(f"other:{name}", name, text[start:end], start, end)
        event.actor1, event.actor2 = first, second

    def _one_side(self, a: str, b: str) -> bool:
        """A force and its own branch (the Houthis and their drone force)."""
        def ancestors(actor_id: str) -> set[str]:
            seen: set[str] = set()
            actor = self.actors.actors.get(actor_id)
            while actor is not None and actor.parent and actor.parent not in seen:
                seen.add(actor.parent)
                actor = self.actors.actors.get(actor.parent)
            return seen

        return a in ancestors(b) or b in ancestors(a)

    def _territory_side(self, event: Event) -> None:
        """Who took ground decides the type: a state's forces regain territory,
        anyone else overtakes it."""
        if event.sub_event_type not in ("Government regains territory",
                                        "Non-state actor overtakes territory") or \
                event.actor1 is None:
            return
        actor = self.actors.actors.get(event.actor1.id)
        state = actor is not None and actor.type in (
            "state_forces", "government", "police", "foreign_forces")
        self._retype(event, "Government regains territory" if state
                     else "Non-state actor overtakes territory", plover=False)

    def _retype(self, event: Event, sub: str, plover: bool = True) -> None:
        """Give the event another sub-event type, with the event type (and PLOVER type)
        that go with it."""
        event.sub_event_type, event.event_type = sub, self.lexicon.event_type_of[sub]
        if plover:
            event.plover = self.lexicon.plover_of[sub]

    def _figures(self, event: Event, quantities: list[Mention], text: str,
                 sentence: Sentence) -> None:
        default = {"Arrests": "arrested", "Abduction/forced disappearance": "captured"}.get(
            event.sub_event_type)
        heads = _head_counts(text, quantities, self.lexicon.among, self.lexicon.grammar.died_after)
        for q in quantities:
            if id(q) in heads and heads[id(q)] is None:
                continue  # «بينهم ثلاث نساء»: part of the count told before it
            effect = heads.get(id(q)) or q.data.get("effect") or (
                default if q.data.get("counts") not in ("killed", "injured") else None
            ) or q.data.get("counts")
            value = q.data.get("value")
            qualifier = str(q.data.get("qualifier"))
            if qualifier in ("dozens", "hundreds", "thousands", "several"):
                qualifier, value = "unknown", None
            number = int(value) if isinstance(value, int | float) else None
            if q.data.get("joined") and effect in ("killed", "injured"):
                # «قتل ضابط وثلاثة جنود»: the counts joined by و add up
                name = "fatalities" if effect == "killed" else "injuries"
                total = getattr(event, name)
                if total is not None and number is not None:
                    setattr(event, name, total + number)
                    if qualifier != "exact":
                        setattr(event, f"{name}_qualifier", qualifier)
                continue
            if effect == "killed" and event.fatalities_qualifier is None:
                event.fatalities, event.fatalities_qualifier = number, qualifier
            elif effect == "injured" and event.injuries_qualifier is None:
                event.injuries, event.injuries_qualifier = number, qualifier
            elif effect in ("arrested", "captured", "released", "displaced") and \
                    getattr(event, effect) is None:
                setattr(event, effect, number)

    def _sources(self, text: str, sentence: Sentence, sentences: Sequence[Sentence],
                 blocks: Sequence[Block], mentions: Sequence[Mention],
                 cues: dict[str, list[_Cue]]) -> list[dict[str, object]]:
        lead = _lead_block(blocks)
        for reach, scope in _scopes(sentence, sentences, blocks,
                                    sentence.block in self._state.live_entries):
            found = self._sources_in(text, scope, mentions, cues)
            if found and reach == "article" and scope.block != lead:
                # «وقال حزب الله إنه قصف كريات شمونة» further down tells its own news;
                # only those who report for others there tell of the lead's incident
                found = [s for s in found if s.get("kind") != "actor" or self.actors.actors[
                    str(s["id"])].type in SOURCE_TYPES]
            if found:
                for s in found:
                    s["scope"] = reach
                return found
        # «بيروت (رويترز) -»: a wire report's dateline names the agency that tells it.
        wire = self._dateline_agency(text, blocks, mentions)
        if wire is not None:
            return [{"kind": "actor", "id": wire.ref, "name": wire.data.get("name"),
                     "text": wire.text, "start": wire.start, "end": wire.end,
                     "scope": "lead"}]
        # Nothing in the article attributes it: the outlet reports it itself.
        return [{"kind": "category", "id": "correspondent", "text": None, "start": None,
                 "end": None, "inferred": True, "scope": "article"}]

    def _dateline_agency(self, text: str, blocks: Sequence[Block],
                         mentions: Sequence[Mention]) -> Mention | None:
        """A news agency in brackets before the dash that opens the first paragraph."""
        lead = next((b for b in blocks if b.kind == "paragraph"), None)
        if lead is None:
            return None
        head = text[lead.start : min(lead.end, lead.start + 60)]
        dash = _DATELINE_DASH.search(head)
        if dash is None:
            return None
        return next((m for m in mentions if m.kind == "actor" and
                     lead.start <= m.start < lead.start + dash.start() and
                     self.actors.actors[str(m.ref)].type == "media" and
                     text[m.end : m.end + 2].lstrip().startswith(")")), None)

    def _sources_in(self, text: str, scope: Sentence, mentions: Sequence[Mention],
                    cues: dict[str, list[_Cue]]) -> list[dict[str, object]]:
        out: list[dict[str, object]] = []
        verbs = _within(cues["verb"], scope)
        categories = _within(cues["category"], scope)
        for cat in categories:
            if cat.value in ("correspondent", "eyewitnesses") or _COLON.match(text, cat.end) \
                    or _LABEL_AFTER.match(text, cat.end) \
                    or any(0 <= cat.start - v.end <= 30 or 0 <= v.start - cat.end <= 30
                           for v in verbs):
                out.append({"kind": "category", "id": cat.value,
                            "text": text[cat.start:cat.end], "start": cat.start,
                            "end": cat.end})
        for m in _starting_in(mentions, scope.start, scope.end):
            if m.kind != "actor":
                continue
            actor = self.actors.actors[str(m.ref)]
            # "أعلنت قسد", "بحسب المرصد", "المتحدث باسم الجيش": the actor speaks.
            # «غرفة العمليات تعلن مقتل ...»: in headlines and live entries the
            # speaker comes first and the verb is in the present.
            said = any(0 <= m.start - v.end <= 3 or (0 <= v.start - m.end <= 3
                       and text[v.start] in "يت") for v in verbs) or any(
                0 <= m.start - s.end <= 3 for s in _within(cues["speaker"], scope))
            # «10:35 - الدفاع المدني: استشهاد ستة»: who a live entry quotes
            said = said or bool(_COLON.match(text, m.end))
            outlet = actor.type in SOURCE_TYPES and (
                any(0 <= m.start - v.end <= 30 for v in verbs)
                or any(0 <= m.start - c.end <= 3 for c in categories))
            if said or outlet:
                out.append({"kind": "actor", "id": actor.id, "name": actor.name,
                            "text": m.text, "start": m.start, "end": m.end})
        seen: set[object] = set()
        unique = []
        for s in out:
            if s["id"] not in seen:
                seen.add(s["id"])
                unique.append(s)
        return unique

    def _toll_sentence(self, text: str, sentence: Sentence, sentences: Sequence[Sentence],
                       blocks: Sequence[Block], mentions: Sequence[Mention],
                       inside: list[Mention], cues: dict[str, list[_Cue]]) -> list[Toll]:
        """Counts over a period («منذ مطلع العام»، «خلال شهر نيسان») or a monitor's
        large count: tolls, never incidents."""
        if _within(cues["other"], sentence):
            return []  # «نزح 450 ألفاً ... ولقي 31 حتفهم غرقاً»: a disaster's toll
        quantities = [m for m in inside if m.kind == "quantity"]
        casualties = [q for q in quantities if q.data.get("effect") in ("killed", "injured")
                      or q.data.get("counts") in ("killed", "injured")]
        # «حصيلة» alone is an incident's count; a toll is counted over a period.
        counts = {c.key for c in cues["count"]}
        period: list[object] = [t for t in _within(cues["toll"], sentence)
                                if t.key not in counts]
        # «ارتفاع حصيلة الشهداء منذ السابع من أكتوبر 2023 إلى ...»: since a day long
        # past is a period too.
        since = self.lexicon.grammar.since_start.search(text, sentence.start, sentence.end)
        if since is not None and not self._compared(text, since.start()):
            period.append(sentence)  # «منذ سريان وقف إطلاق النار»، «منذ اندلاع الحرب»
        for d in inside:
            began = _SINCE_BEFORE.search(text, max(0, d.start - 45), d.start) \
                if d.kind == "date" else None
            if began is not None and (_days_before(d, self._state.pub) or 0) > 7 and \
                    not self._compared(text, began.start()):
                period.append(d)
        period = [t for t in period if not isinstance(t, _Cue) or not self._compared(
            text, t.start)]
        days = [d for d in inside if d.kind == "date"]
        if any(_BETWEEN.search(text, max(0, a.start - 8), a.start) and
               _RANGE_AND.fullmatch(text, a.end, b.start) for a, b in pairwise(days)):
            period.append(sentence)  # «مقتل 798 شخصاً بين 27 أيار و7 تموز»: a span of days
        if period:  # «حالات الاعتقال منذ السابع من تشرين الأول»: arrests and flight too
            casualties += [q for q in quantities if q not in casualties and q.data.get(
                "effect") in ("arrested", "displaced", "captured")]
        if not casualties:
            return []
        actors = [m for m in inside if m.kind == "actor"]
        parties = [m for m in actors
                   if self.actors.actors[str(m.ref)].type not in SOURCE_TYPES]
        groups = [m for m in inside if m.kind == "group"]
        # «قتيلان و37 جريحاً في تظاهرات الناصرية.. ومفوضية حقوق الإنسان تطالب
        # بالتحقيق»: a monitor in another part of a headline did not count them.
        monitors = [m for m in actors if self.actors.actors[str(m.ref)].type in
                    ("monitor", "ngo", "un_body") and any(
                        not _HEADLINE_BREAK.search(text, min(q.end, m.end),
                                                   max(q.start, m.start))
                        for q in casualties)]
        big = any((q.data.get("value") or 0) >= 20 or q.data.get("qualifier") in
                  ("more_than", "about", "at_least", "hundreds", "thousands",
                   "tens_of_thousands") for q in casualties)
        if not period and any(d.kind == "date" and d.data.get("precision") == "day"
                              for d in inside):
            return []  # «قُتل 14 نازحاً ... الأربعاء، وفق شبكة الأطباء»: one day's incident
        sources = self._sources(text, sentence, sentences, blocks, mentions, cues)
        if not ((period and (any(s.get("kind") == "actor" for s in sources)
                             or len(quantities) > 1 or monitors or big))
                or (monitors and big)):
            return []
        if monitors:  # the monitor named with the count is its source
            m = monitors[0]
            sources = [{"kind": "actor", "id": m.ref, "name": m.data.get("name"),
                        "text": m.text, "start": m.start, "end": m.end},
                       *[s for s in sources if s.get("id") != m.ref]]
        # "1074 قتيلاً بينهم 312 مدنياً و286 عنصراً": every count of people is a toll.
        counted = [q for q in quantities if q not in casualties and q.data.get("counts")
                   and q.data.get("value") is not None]
        return self._tolls(sentence, text, parties, groups,
                           sorted(casualties + counted, key=lambda m: m.start), sources)

    def _tolls(self, sentence: Sentence, text: str, parties: list[Mention],
               groups: list[Mention], casualties: list[Mention],
               sources: list[dict[str, object]]) -> list[Toll]:
        """A report's counts: 1074 killed, among them 312 civilians and 286 soldiers."""
        out = [self._toll(sentence, text, parties, groups, q, sources) for q in casualties
               if q.data.get("value") is not None or q.data.get("qualifier") in (
                   "dozens", "hundreds", "thousands", "tens_of_thousands")]
        for before, toll in pairwise(out):
            if toll.victims is None and toll.effect != before.effect:
                toll.victims = before.victims  # «مقتل 11 مدنياً وإصابة 27 آخرين»
        return out

    def _toll(self, sentence: Sentence, text: str, parties: list[Mention],
              groups: list[Mention], q: Mention, sources: list[dict[str, object]]) -> Toll:
        value = q.data.get("value")
        perpetrator = next((_party(m, self.actors) for m in parties if m.start > q.start),
                           None) or (_party(parties[0], self.actors) if parties else None)
        victims = q.data.get("counts") if q.data.get("counts") not in (
            "killed", "injured", None) else next((str(g.ref) for g in groups if 0 <= g.start -
                                                   q.end <= 12), q.data.get("counts"))
        source = next((s for s in sources if s.get("kind") == "actor"), None) or (
            sources[0] if sources else None)
        parties = [m for m in parties if source is None or m.ref != source.get("id")]
        return Toll(
            perpetrator=perpetrator, victims=str(victims) if victims else None,
            count=int(value) if isinstance(value, int | float) else None,
            qualifier=str(q.data.get("qualifier")), effect=str(q.data.get("effect", "killed")),
            period=None, source=source,
            evidence=[Evidence(sentence.start, sentence.end, text[sentence.start:sentence.end],
                               "toll")],
        )




def _scene_town(text: str, sentence: Sentence, places: Sequence[Mention],
                verbs: Sequence[_Cue], scene: re.Pattern[str]) -> Mention | None:
    """The town named first in the sentence as «وفي (مدينة) X،», when it is a town and
    what follows is not someone speaking («في مدينة إدلب، قال ناشطون إن ...»: where the
    speakers are)."""
    first = min(places, key=lambda m: m.start, default=None)
    if first is None or int(str(first.data.get("geo_precision") or 3)) != 1 or \
            first.data.get("feature") in ("admin1", "country") or \
            not scene.fullmatch(text, sentence.start, first.start):
        return None
    after = text[first.end : first.end + 3].lstrip()
    if not after.startswith(("،", ",")):
        return None
    comma = text.find("،", first.end) if "،" in after else text.find(",", first.end)
    if any(0 <= v.start - comma <= 3 for v in verbs):
        return None
    # «وفي البصرة، تجدد النزاع العشائري في قضاء القرنة شمالي المحافظة»: the opener
    # names the province's city; a district or village of the same province told
    # after it is where it happened.
    inside = [m for m in places if m.start > first.end and m.ref != first.ref
              and m.data.get("cue") in ("district", "populated")
              and _same_admin1(m.data, first.data)]
    return inside[0] if inside else first


def _patron_place(before: list[str], roles: Mapping[str, frozenset[str]]) -> bool:
    """Whether the two words before a place make it a patron («المدعومة من»،
    «الموالية لـ»): the `backed` and `loyal` roles of triggers.yaml."""
    return bool(before) and (before[-1] in roles.get("loyal", frozenset()) or (
        len(before) == 2 and before[-1] == "من" and before[0] in roles.get("backed", ())))




def _head_counts(text: str, quantities: list[Mention], among: frozenset[str],
                 died: re.Pattern[str]) -> dict[int, str | None]:
    """Effects read off the sentence for counts the quantity finder left without
    one: the head of «N ..., بينهم M ...» takes the effect told of the part (the
    part is then left out, mapped to None), and a count followed by a plural verb of
    death or wounds takes that verb's effect."""
    out: dict[int, str | None] = {}
    ordered = sorted(quantities, key=lambda m: m.start)
    for head, part in pairwise(ordered):
        if head.data.get("effect") or not head.data.get("counts") or id(head) in out:
            continue
        words = [w.strip("،,") for w in text[head.end : part.start].split()]
        words = [w for w in words if w]
        if words and len(words) <= 5 and match_key(words[-1]) in among:
            # «بينهم خمسة أطفال وثلاث نساء»: the parts joined by و are all parts
            parts = [part]
            for nxt in ordered[ordered.index(part) + 1 :]:
                gap = text[parts[-1].end : nxt.start].split()
                if not gap or gap[-1] != "و" or len(gap) > 3:
                    break
                parts.append(nxt)
            effect = next((p.data.get("effect") for p in parts
                           if p.data.get("effect") in ("killed", "injured")), None)
            for p in parts:
                out[id(p)] = None
            if effect in ("killed", "injured"):
                out[id(head)] = str(effect)
    for i, q in enumerate(ordered):
        if id(q) in out or q.data.get("effect") or not q.data.get("counts"):
            continue
        rest = [m for m in ordered[i + 1 :] if out.get(id(m), "") is not None
                and (m.data.get("counts") or m.data.get("effect"))]  # not «عائلة واحدة»
        found = died.match(text[q.end : rest[0].start if rest else len(text)])
        if found is None:
            # past the part: «تسعة مدنيين، بينهم ثلاثة أطفال، لقوا حتفهم»
            parts = [m for m in ordered[i + 1 :] if id(m) in out and out[id(m)] is None]
            if parts:
                found = died.match(text[parts[-1].end : rest[0].start if rest
                                               else len(text)])
        if found:
            verb = found["verb"]
            out[id(q)] = "injured" if ("صيب" in verb or "رح" in verb) else "killed"
    return out


# Incidents whose doer a roundup names once and then leaves out: «غارة على عيترون ...
# وغارة أخرى على ياطر». (Not battles, where either side may be the one told first.)
_INHERITED = frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "Arrests",
                        "Looting/property destruction"})
_BOMBARDMENT = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})


def _inherit_doers(events: list[Event], actors: ActorLexicon) -> None:
    """An incident told without its doer takes the doer of the incident of the same
    kind told last before it, when that doer is not the one it hit."""
    kin = actors.kin
    # «طائرة حربية إسرائيلية ... وغارة استهدفت منزلاً»: what the later sentence does
    # not call warplanes is the state's forces, not its air force.
    states = {arm: state for state, arm in actors.air_arms.items()}
    ordered = sorted(events, key=lambda e: min(ev.start for ev in e.evidence))
    for i, event in enumerate(ordered):
        if event.actor1 is not None or event.sub_event_type not in _INHERITED or \
                event.modality in ("background", "planned"):
            continue
        # «غارة إسرائيلية ... وتعرضت بلدة رامية لقصف مدفعي»: one force's strikes and
        # shelling told in a row are its own, whichever weapon each names
        before = next((e for e in reversed(ordered[:i]) if e.actor1 is not None
                       and (e.sub_event_type == event.sub_event_type or (
                           e.event_type == event.event_type == "Explosions/Remote violence"
                           and {e.sub_event_type, event.sub_event_type} <= _BOMBARDMENT
                           # who fired rockets flew no strike («حزب الله يعلن قصف ...
                           # غارة على مبنى»); who struck from the air may shell too
                           and event.sub_event_type != "Air/drone strike"))
                       and e.modality not in ("background", "planned")), None)
        if before is None or before.actor1 is None:
            continue
        if event.actor2 is not None and kin(before.actor1.id, event.actor2.id):
            continue
        doer = states.get(before.actor1.id, before.actor1.id)
        name = actors.actors[doer].name if doer in actors.actors else before.actor1.name
        event.actor1 = Party(doer, name, before.actor1.text, before.actor1.start,
                             before.actor1.end)


def _unsuffixed(word: str) -> str:
    """The word without a possessive pronoun («التزامها» → «التزام»), in matching form."""
    for suffix in ("هما", "هم", "ها", "نا", "ه"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _outside_names(cues: list[_Cue], mentions: Sequence[Mention]) -> list[_Cue]:
    """The cues that do not start inside an actor's or a place's name; ``mentions``
    are sorted by start, so the names before a cue are found by bisection."""
    names = [m for m in mentions if m.kind in ("actor", "place")]
    starts = [m.start for m in names]
    reach: list[int] = []  # the furthest end of the names up to each one
    for m in names:
        reach.append(max(m.end, reach[-1]) if reach else m.end)
    out = []
    for c in cues:
        i = bisect_left(starts, c.start) - 1  # the last name starting before the cue
        if i < 0 or reach[i] <= c.start:
            out.append(c)
    return out


def _within(cues: list[_Cue], s: Sentence) -> list[_Cue]:
    """Cues starting inside the sentence; ``cues`` are sorted by start (most lists
    have none in a given sentence: those are told without a search)."""
    if not cues or cues[-1].start < s.start or cues[0].start >= s.end:
        return []
    lo = bisect_left(cues, s.start, key=_start)
    hi = bisect_left(cues, s.end, lo=lo, key=_start)
    return cues[lo:hi]


def _within_all(refine: dict[str, list[_Cue]], s: Sentence) -> dict[str, list[_Cue]]:
    """The refining cues in the sentence, by base type; a type with none is left out
    (every reader asks with ``.get(base, [])``)."""
    return {base: inside for base, found in refine.items() if found and (
        inside := _within(found, s))}




def _choose_type(triggers: list[_Cue], refine: dict[str, list[_Cue]]) -> str:
    sub = min((t.value for t in triggers), key=SPECIFICITY.index)
    for cue in refine.get(sub, []):
        if SPECIFICITY.index(cue.value) < SPECIFICITY.index(sub) or sub in (
                "Non-state actor overtakes territory", "Government regains territory",
                "Armed clash", "Peaceful protest", "Non-violent transfer of territory",
                "Disrupted weapons use", "Grenade",
                "Looting/property destruction", "Remote explosive/landmine/IED",
                "Shelling/artillery/missile attack"):
            return cue.value
    return sub


def _party(m: Mention, actors: ActorLexicon) -> Party:
    actor = actors.actors[str(m.ref)]
    return Party(actor.id, actor.name, m.text, m.start, m.end)


def _lead_block(blocks: Sequence[Block]) -> int | None:
    """The index of the article's first paragraph (its lead), if it has one."""
    return next((i for i, b in enumerate(blocks) if b.kind == "paragraph"), None)


def _scopes(sentence: Sentence, sentences: Sequence[Sentence], blocks: Sequence[Block],
            live_entry: bool = False) -> Iterator[tuple[str, Sentence]]:
    """The sentence, then its paragraph's other sentences; for the headline, the lead;
    then the article, named by how far each reaches.

    Made as they are asked for: the search usually stops at the first."""
    yield "sentence", sentence
    seen = {id(sentence)}
    same_block = [s for s in sentences if s.block == sentence.block and s is not sentence]
    yield from (("paragraph", s) for s in same_block)
    if live_entry:
        return  # «12:20 - ...»: each entry of a live report stands on its own
    block = blocks[sentence.block] if sentence.block < len(blocks) else None
    seen.update(id(s) for s in same_block)
    lead = _lead_block(blocks)
    if block is not None and block.kind == "headline":
        lead_sentences = [s for s in sentences if s.block == lead]
        yield from (("lead", s) for s in lead_sentences)
        seen.update(id(s) for s in lead_sentences)
    # Reports often attribute once for the whole article ("أفاد مراسلنا" in the lead),
    # and tell who reported the lead's incident further down («وقالت مصادر طبية إن
    # ...»); an attribution further down tells of its own paragraph's news only.
    opening = sentence.block == lead or (block is not None and block.kind == "headline")
    yield from (("article", s) for s in sentences
                if id(s) not in seen and (opening or s.block == lead))


# The figures an event carries.
_FIGURE_FIELDS = ("fatalities", "fatalities_qualifier", "injuries", "injuries_qualifier",
                  "arrested", "captured", "released", "displaced")

# A source's name then a colon: «مصادر طبية: 11 شهيداً».
_COLON = re.compile(r"[»\"]?\s?:")
# «مصادر طبية في المستشفى المعمداني: أربعة قتلى»: who is quoted, a few words, a colon
_LABEL_AFTER = re.compile(r"(?:\s+[^\s:،.]+){1,4}\s?:")

# Sources that see for themselves, not for a side.
_WITNESSES = frozenset({"local_sources", "eyewitnesses", "medical_sources", "activists"})

# «ستة مواطنين من بلدة بيت أمر»، «و14 آخرين في مدينة ذمار»: a count's own place.
_FROM_IN = re.compile(r"(?<!\w)(?:من|في)(?!\w)")

# «و» opening a word: the second of two things joined.
_AND = re.compile(r"(?<!\w)و")

# How far from its sentence an attribution was found, nearest first.
_REACH = ("sentence", "paragraph", "lead", "article")


def _context(mentions: Sequence[Mention], kind: str, sentence: Sentence,
             sentences: Sequence[Sentence], blocks: Sequence[Block]) -> list[Mention]:
    """Mentions of ``kind`` in the sentence's paragraph, else in the headline."""
    block = blocks[sentence.block] if sentence.block < len(blocks) else None
    if block is not None:
        found = [m for m in _starting_in(mentions, block.start, block.end) if m.kind == kind]
        if found:
            return found
    headline = next((b for b in blocks if b.kind == "headline"), None)
    if headline is not None:
        return [m for m in _starting_in(mentions, headline.start, headline.end)
                if m.kind == kind]
    return []


def _antecedent(mentions: Sequence[Mention], sentence: Sentence,
                sentences: Sequence[Sentence], blocks: Sequence[Block]) -> list[Mention]:
    """Where a sentence that names no place happened: where the last sentence before
    it that named one did, in its paragraph or the one before («... في مدينة عطبرة.
    وأفاد مصدر بأن إحدى المسيرات أصابت محطة في المدينة»); else the paragraph's
    places, or the headline's."""
    body = [b for b in range(len(blocks)) if blocks[b].kind != "headline"]
    near = {sentence.block, max((b for b in body if b < sentence.block), default=-1)}
    before = [m for m in mentions if m.kind == "place" and m.start < sentence.start
              and any(blocks[b].start <= m.start < blocks[b].end for b in near if b >= 0)]
    if not before:
        return _context(mentions, "place", sentence, sentences, blocks)
    last = max(before, key=lambda m: m.start)
    home = next((s for s in sentences if s.start <= last.start < s.end), None)
    return [m for m in before if home.start <= m.start < home.end] if home else [last]


def _main_town(mentions: Sequence[Mention]) -> list[Mention]:
    """The town the article names most often, as its mention first told."""
    towns = [m for m in mentions if m.kind == "place" and not m.data.get("neighbourhood")
             and str(m.data.get("geo_precision")) == "1"]
    if not towns:
        return []
    counts = Counter(str(m.ref) for m in towns)
    top = max(counts, key=lambda ref: counts[ref])
    return [next(m for m in towns if str(m.ref) == top)]


def _starting_in(mentions: Sequence[Mention], start: int, end: int) -> Sequence[Mention]:
    """The mentions that start in ``[start, end)``; ``mentions`` are sorted by start."""
    lo = bisect_left(mentions, start, key=_start)
    return mentions[lo : bisect_left(mentions, end, lo=lo, key=_start)]


# A C-level key for bisecting spans by their start: a Python function as key
# costs more than the search itself.
_start = attrgetter("start")


def _first(mentions: Sequence[Mention], kind: str) -> Mention | None:
    return next((m for m in mentions if m.kind == kind), None)


def _near(a: Mention, b: Mention, km: float = 50.0) -> bool:
    return _near_places(a.data, b.data, km)


_DATELINE_TAIL = re.compile(r"\s*(?:\([^()\n]{1,40}\)|[-–—]\s*[^\s:–—-]{1,20}\s*)?\s*[-–—:]")


def _without_bureaus(text: str, mentions: list[Mention], sentences: Sequence[Sentence]
                     ) -> list[Mention]:
    """The mentions without the datelines of a bureau abroad: «القاهرة (رويترز) -» over a
    report from Sudan names where it was filed, never where anything happened; a
    dateline in the article's own country («الزاوية –») may be the scene too."""
    places = [m for m in mentions if m.kind == "place"]
    starts = [s.start for s in sentences]
    datelines = []
    for m in places:
        at = bisect_right(starts, m.start) - 1  # the sentence the place is in
        if at >= 0 and m.start < sentences[at].end and _dateline(text, m, sentences[at]):
            datelines.append(m)
    if not datelines or len({m.start for m in datelines}) > 1:
        # «الأبيض — ...»، «طرابلس — ...»: a roundup opens each item with its town,
        # where that item happened, not where a bureau filed it.
        return mentions
    countries = Counter(str(m.data.get("country")) for m in places if m not in datelines)
    if not countries:
        return mentions
    home = countries.most_common(1)[0][0]
    abroad = {id(m) for m in datelines if str(m.data.get("country")) != home}
    return [m for m in mentions if id(m) not in abroad]


def _dateline(text: str, place: Mention, sentence: Sentence) -> bool:
    """A place opening the sentence and followed by a dash or colon, perhaps with
    the agency between: "دمشق - سانا:", "عدن –", "الرمادي (الفرات) –"."""
    if text[sentence.start:place.start].strip():
        return False
    return _DATELINE_TAIL.match(text, place.end) is not None


def _location(places: Sequence[Mention], after: int | None = None
              ) -> dict[str, object] | None:
    """The most precise place, preferring one that agrees with the others named
    with it: حي الروضة وسط مدينة مأرب is in Marib, not a Rawdah elsewhere; among
    equals, one named after the incident word (``after``), where its object is
    told: «وتعد الفاشر آخر عاصمة ... بعد أن بسطت الدعم السريع سيطرتها على نيالا»."""
    if not places:
        return None

    def cohesion(m: Mention) -> int:
        return sum(1 for o in places if o is not m and o.ref != m.ref and _near(m, o))

    # "حي الروضة وسط مدينة مأرب": with the city named, the neighbourhood is in it.
    cities = [m for m in places if not m.data.get("neighbourhood")]
    places = cities or places
    alone = len({m.ref for m in places}) > 1
    # «التي تستهدف فيها طهران أربيل بصواريخ»: a capital that may name its
    # government gives way to any other place named with it
    best = min(places, key=lambda m: (alone and bool(m.data.get("metonym")),
                                      alone and cohesion(m) == 0,
                                      int(str(m.data["geo_precision"])),
                                      after is not None and m.start < after, m.start))
    keys = ("name", "name_ar", "latitude", "longitude", "country", "admin1", "geo_precision")
    return {"id": best.ref, "text": best.text, "start": best.start, "end": best.end,
            **{k: best.data.get(k) for k in keys}}


def _days_before(when: Mention | None, pub: date | None) -> int | None:
    """How long before publication the dated event began, when both are known."""
    if when is None or pub is None or not when.data.get("resolved") or not when.ref:
        return None
    if when.rule == "grammar:ago" and when.norm.startswith("منذ"):
        return None  # «رواتبهم المتأخرة منذ ثلاثة أشهر»: how long, not when it happened
    start = str(when.data.get("start") or when.ref)
    try:
        day = date.fromisoformat(start if len(start) == 10 else
                                 (start + "-01")[:10] if len(start) == 7 else start + "-01-01")
    except ValueError:
        return None
    return (pub - day).days


def _modality(found: list[_Cue], when: Mention | None, pub: date | None) -> str:
    kinds = [c.value for c in found]
    for kind in ("denied", "negated", "planned", "claimed"):
        if kind in kinds:
            return kind
    age = _days_before(when, pub)
    if "background" in kinds:
        # وكانت القوات قد دخلت أمس: told in the pluperfect, but yesterday's news;
        # «وكانت البلدة قد شهدت الخميس الماضي اشتباكات»: days before, recalled as context.
        return "reported" if age is not None and age <= 1 else "background"
    if age is not None and age > 60:
        return "background"  # an event dated months before the article is recalled
    return "reported"


def _definite(text: str, cue: _Cue) -> bool:
    """Whether the trigger word carries the article (الهجوم، بالقنبلة، للانفجار)."""
    start = cue.start
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    word = text[start : cue.end]
    return "ال" in word[:5] or word.startswith("لل")


def _absorb(into: Event, other: Event) -> None:
    for name in ("actor1", "actor2", "location", "fatalities", "fatalities_qualifier",
                 "injuries", "injuries_qualifier", "arrested", "captured", "released",
                 "displaced"):
        if getattr(into, name) is None and getattr(other, name) is not None:
            setattr(into, name, getattr(other, name))
    into.victims = list(dict.fromkeys(into.victims + other.victims))
    if other.modality == "claimed" and into.modality == "reported":
        into.modality = "claimed"
    into.evidence.extend(other.evidence)


# Events whose own report rarely counts the dead: a count told with them in a
# headline belongs to the killing beside them.
_NO_TOLL = frozenset({"Sexual violence", "Abduction/forced disappearance", "Arrests",
                      "Peaceful protest", "Agreement", "Headquarters or base established",
                      "Change to group/activity", "Non-violent transfer of territory",
                      "Looting/property destruction"})


def merge_events(events: list[Event],
                 kin: Callable[[str, str], bool] | None = None) -> list[Event]:
    """One incident told in several sentences (headline, lead, detail) is one event.

    ``kin`` says whether two actor ids can name the same side (the Russian
    forces and the Russian air force)."""
    merged: list[Event] = []
    for event in events:
        match = next((m for m in merged if _same_incident(m, event, kin)), None)
        if match is None:
            merged.append(event)
            continue
        if match.location and event.location and str(event.location.get("geo_precision")) < \
                str(match.location.get("geo_precision")):
            match.location = event.location  # the town is more precise than the region
        if match.actor1 and event.actor1 and _crowd_name(match.actor1.id) and \
                not _crowd_name(event.actor1.id):
            match.actor1 = event.actor1  # the movement the crowd was named as elsewhere
        if (event.event_type == "Riots") > (match.event_type == "Riots") or (
                event.event_type == match.event_type and SPECIFICITY.index(
                    event.sub_event_type) < SPECIFICITY.index(match.sub_event_type)):
            # A crowd that turned violent is a riot; else the most specific telling.
            match.event_type, match.sub_event_type = event.event_type, event.sub_event_type
            match.plover = event.plover
        names = ["actor1", "actor2", "location", "event_date", "time_precision",
                 "arrested", "captured", "released", "displaced"]
        if match.sub_event_type not in _NO_TOLL:  # «31 قتيلاً في هجوم ... وتوثيق اعتداءات»
            names += ["fatalities", "fatalities_qualifier", "injuries", "injuries_qualifier"]
        for name in names:
            if getattr(match, name) is None and getattr(event, name) is not None:
                setattr(match, name, getattr(event, name))
        match.victims = list(dict.fromkeys(match.victims + event.victims))
        match.sources = _better_sources(match.sources, event.sources)
        if match.modality != event.modality:  # claimed by a side, reported by others
            match.modality = "reported"
        match.evidence.extend(event.evidence)
    return _fold_seizure_arrests(_fold_protest_arrests(_fold_fighting(merged)))


def _better_sources(kept: list[dict[str, object]],
                    other: list[dict[str, object]]) -> list[dict[str, object]]:
    """Each telling's own attribution counts; one found nearer its sentence beats one
    borrowed from elsewhere in the article («وأوضح مصدر محلي» after the lead)."""
    def reach(sources: list[dict[str, object]]) -> int:
        if not sources:
            return len(_REACH) + 1
        if any(s.get("inferred") for s in sources):
            return len(_REACH)
        return min(_REACH.index(str(s.get("scope", "article"))) for s in sources)

    if reach(other) < reach(kept):
        return other
    if reach(other) == reach(kept) == 0:
        ids = {s["id"] for s in kept}
        return kept + [s for s in other if s["id"] not in ids]
    return kept


def _fold_fighting(events: list[Event]) -> list[Event]:
    """The fighting of a takeover told in a sentence of its own ("قتلت القوات أكثر
    من 60 من عناصر المليشيا") is that takeover's battle: ACLED codes one event."""
    takeovers = [e for e in events if e.sub_event_type in (
        "Government regains territory", "Non-state actor overtakes territory")]
    out = []
    for event in events:
        host = next((t for t in takeovers if event.sub_event_type == "Armed clash"
                     and event.modality == t.modality
                     and (event.location is None or (t.location is not None
                                                     and _same_area(t.location, event.location)))
                     and not (event.event_date and t.event_date
                              and event.event_date != t.event_date)), None)
        if host is None:
            out.append(event)
            continue
        for name in ("fatalities", "fatalities_qualifier", "injuries", "injuries_qualifier",
                     "captured"):
            if getattr(host, name) is None and getattr(event, name) is not None:
                setattr(host, name, getattr(event, name))
        host.evidence.extend(event.evidence)
    return out


def _fold_arrests(events: list[Event], is_host: Callable[[Event], bool],
                  fits: Callable[[Event, Event], bool],
                  absorb: Callable[[Event, Event], None]) -> list[Event]:
    """Arrests told in a sentence of their own that were part of another event (a
    protest broken up, a raid that seized arms) become that event's arrested count:
    the first host told alike, the same day, that ``fits`` them takes them."""
    hosts = [e for e in events if is_host(e)]
    out = []
    for event in events:
        host = next((h for h in hosts if event.sub_event_type == "Arrests"
                     and event.modality == h.modality and fits(h, event)
                     and not (event.event_date and h.event_date
                              and event.event_date != h.event_date)), None)
        if host is None:
            out.append(event)
            continue
        if host.arrested is None:
            host.arrested = event.arrested
        absorb(host, event)
        host.evidence.extend(event.evidence)
    return out


def _close(a: Mapping[str, object], b: Mapping[str, object]) -> bool:
    """The same place, a town in the other's governorate, or a town and its quarter."""
    return _same_area(a, b) or _near_places(a, b)


def _fold_protest_arrests(events: list[Event]) -> list[Event]:
    """Protesters arrested as a protest was broken up («فيما جرى توقيف ستة محتجين»)
    are that protest's intervention, as ACLED codes it: one event, with the count."""
    def fits(protest: Event, arrest: Event) -> bool:
        return "protesters" in arrest.victims and (
            arrest.location is None or protest.location is None
            or _close(protest.location, arrest.location))

    def absorb(protest: Event, arrest: Event) -> None:
        if protest.sub_event_type == "Peaceful protest":
            protest.sub_event_type = "Protest with intervention"
        if protest.actor2 is None:
            protest.actor2 = arrest.actor1  # the force that made the arrests

    return _fold_arrests(events, lambda e: e.event_type in ("Protests", "Riots"), fits, absorb)


def _fold_seizure_arrests(events: list[Event]) -> list[Event]:
    """A raid that seized arms and arrested people («ضبطت أسلحة ... واعتقلت مطلوباً») is
    one weapons-seizure event with its arrested count, as coders code it."""
    def fits(seizure: Event, arrest: Event) -> bool:
        return not (arrest.actor1 and seizure.actor1
                    and arrest.actor1.id != seizure.actor1.id) and \
            arrest.location is not None and seizure.location is not None and \
            _close(seizure.location, arrest.location)

    def absorb(seizure: Event, arrest: Event) -> None:
        if seizure.actor1 is None:
            seizure.actor1 = arrest.actor1

    return _fold_arrests(events, lambda e: e.sub_event_type == "Disrupted weapons use",
                         fits, absorb)


def _near_places(a: Mapping[str, object], b: Mapping[str, object], km: float = 15.0) -> bool:
    """Within ``km`` of each other (by default a city and a quarter of it, a town and
    its outskirts); ``a`` and ``b`` are locations or place mentions' data."""
    try:
        pa = (float(a["latitude"]), float(a["longitude"]))  # type: ignore[arg-type]
        pb = (float(b["latitude"]), float(b["longitude"]))  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError):
        return False
    return km_between(pa, pb) <= km


def _same_admin1(a: Mapping[str, object], b: Mapping[str, object]) -> bool:
    return a.get("admin1") is not None and a.get("country") == b.get("country") and \
        a.get("admin1") == b.get("admin1")


def _same_area(a: Mapping[str, object], b: Mapping[str, object]) -> bool:
    """The same place, or a town inside the governorate the other names."""
    if a.get("id") == b.get("id"):
        return True
    coarse, fine = (a, b) if str(a.get("geo_precision")) > str(b.get("geo_precision")) else (b, a)
    return str(coarse.get("geo_precision")) != str(fine.get("geo_precision")) and \
        coarse.get("admin1") is not None and coarse.get("admin1") == fine.get("admin1")


# Developments an article rarely reports twice: follow-up sentences about "the
# agreement" are the same agreement even when they name another place.
# An advance told town by town within one governorate is one takeover.
_CAMPAIGN_TYPES = frozenset({"Government regains territory",
                             "Non-state actor overtakes territory"})
# A chemical attack is news enough that an article reports one.
_ONCE_PER_ARTICLE = frozenset({"Agreement", "Change to group/activity", "Other",
                               "Chemical weapon"})


def _crowd_name(actor_id: str) -> bool:
    """"Protesters (Iraq)": a crowd without a name, which may be any named movement."""
    return actor_id.startswith(("other:Protesters", "other:Rioters"))


def _same_incident(a: Event, b: Event, kin: Callable[[str, str], bool] | None = None) -> bool:
    # One crowd, told as it escalated: a protest broken up, a riot.
    protest = {a.event_type, b.event_type} <= {"Protests", "Riots"} and (
        a.event_type == b.event_type or "Excessive force against protesters" not in (
            a.sub_event_type, b.sub_event_type))  # protesters shot dead are news of their own
    # A party's claim of an incident others report is that incident.
    told = {a.modality, b.modality} <= {"reported", "claimed"}
    if (a.sub_event_type != b.sub_event_type and not protest) or (
            a.modality != b.modality and not told):
        return False
    if a.sub_event_type in _ONCE_PER_ARTICLE:
        return not (a.event_date and b.event_date and a.event_date != b.event_date)
    if a.location and b.location and not _same_area(a.location, b.location) and not (
            a.sub_event_type in _CAMPAIGN_TYPES
            and a.location.get("admin1") and a.location.get("admin1") == b.location.get("admin1")):
        return False
    # A clash is told from either side: «شنت الدعم السريع هجوماً» and «كبدت القوة
    # المشتركة المليشيا خسائر» share a side, so they can be one battle.
    fought = a.sub_event_type == "Armed clash" and bool(
        {p.id for p in (a.actor1, a.actor2) if p} & {p.id for p in (b.actor1, b.actor2) if p})
    if a.actor1 and b.actor1 and a.actor1.id != b.actor1.id and not (
            kin is not None and kin(a.actor1.id, b.actor1.id)) and not (
            _crowd_name(a.actor1.id) or _crowd_name(b.actor1.id)) and not fought:
        return False
    return not (a.event_date and b.event_date and a.event_date != b.event_date)
