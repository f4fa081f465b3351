from __future__ import annotations

import pytest
from helpers import SHARED_SAMPLE

from rasd.acquire import Document, Provenance, content_hash, read_sources
from rasd.events.extract import Extraction
from rasd.pipeline import Pipeline


def extract(pipeline: Pipeline, text: str, published: str | None = "2024-03-07") -> Extraction:
    doc = pipeline(Document(text, "text", Provenance("t", content_hash(text),
                                                       published=published)))
    assert doc.extraction is not None
    return doc.extraction


def test_an_air_strike_with_its_actor_place_and_toll(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "غارات روسية على ريف إدلب\n"
                     "شنت طائرات حربية روسية أمس غارات على بلدة كفرنبل جنوبي إدلب، ما أدى إلى "
                     "مقتل خمسة مدنيين بينهم طفلان، بحسب ما أفاد مراسلنا.")
    [event] = [e for e in result.events if e.sub_event_type == "Air/drone strike"]
    assert event.event_type == "Explosions/Remote violence"
    assert event.actor1 is not None and "russia" in event.actor1.id
    assert event.location is not None and event.location["country"] == "SY"
    assert (event.fatalities, event.fatalities_qualifier) == (5, "exact")
    assert "civilians" in event.victims
    assert event.event_date == "2024-03-06"
    assert {s["id"] for s in event.sources} == {"correspondent"}
    assert event.notes.startswith("On 2024-03-06,")


def test_arrests_count_who_was_taken(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "حملة اعتقالات في طفس\nاعتقلت قوات النظام 12 شاباً في "
                     "مدينة طفس بريف درعا الغربي خلال حملة دهم، وفق مصادر محلية.")
    [event] = result.events
    assert event.sub_event_type == "Arrests" and event.arrested == 12
    assert event.actor1 is not None and event.actor1.id == "saa"


def test_claims_and_denials_are_marked(full_pipeline: Pipeline) -> None:
    claimed = extract(full_pipeline, "هجوم في البادية\nتبنى تنظيم داعش هجوماً على حاجز لقوات "
                      "النظام قرب مدينة السخنة أسفر عن مقتل ثلاثة عناصر.")
    assert [e.modality for e in claimed.events] == ["claimed"]
    denied = extract(full_pipeline, "نفي\nنفت قوات سوريا الديمقراطية قصف قرية الحوايج شرق "
                     "دير الزور.")
    assert [e.modality for e in denied.events] == ["denied"]


def test_an_article_about_football_is_not_relevant(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "الكرامة يفوز على الجيش\nفاز نادي الكرامة على ضيفه نادي "
                     "الجيش بثلاثة أهداف مقابل هدف في الدوري السوري لكرة القدم.")
    assert not result.relevant and result.events == [] and result.reason


@pytest.mark.skipif(not SHARED_SAMPLE.exists(), reason="sample page not present")
def test_the_sample_page_as_the_brief_codes_it(full_pipeline: Pipeline) -> None:
    [document] = list(read_sources([str(SHARED_SAMPLE)]))
    assert isinstance(document, Document)
    doc = full_pipeline(document)
    assert doc.extraction is not None
    events = doc.extraction.events
    by_type = {e.sub_event_type: e for e in events if e.modality != "background"}
    agreement = by_type["Agreement"]
    assert {agreement.actor1.id, agreement.actor2.id} == {"sdf", "isis"}  # type: ignore[union-attr]
    transfer = by_type["Non-violent transfer of territory"]
    assert (transfer.actor1.id, transfer.actor2.id) == ("isis", "sdf")  # type: ignore[union-attr]
    assert transfer.location is not None and transfer.location["name"] == "Hajīn"
    mine = by_type["Remote explosive/landmine/IED"]
    assert mine.actor1 is None and "civilians" in mine.victims
    assert mine.fatalities is None and mine.fatalities_qualifier == "unknown"
    assert by_type["Arrests"].actor1.id == "sdf"  # type: ignore[union-attr]
    [toll] = doc.extraction.tolls
    assert (toll.count, toll.qualifier, toll.victims) == (400, "more_than", "civilians")
    assert toll.source is not None and toll.source["id"] == "snhr"
    assert toll.perpetrator is not None and toll.perpetrator.id == "intl_coalition"
    background = [e for e in events if e.modality == "background"]
    assert background and background[0].location["name"] == "Ar Raqqah"  # type: ignore[index]
    assert all(e.event_date is None for e in events)  # the page gives no day
    text = doc.require_article().text
    for e in events:
        for ev in e.evidence:
            assert text[ev.start : ev.end] == ev.text


def test_two_incidents_in_one_sentence_are_two_events(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "تصعيد في الشمال\nقتل مدنيان بغارات روسية على سوق جسر "
                     "الشغور، وقصفت قوات النظام بلدة دارة عزة غربي حلب بقذائف المدفعية.")
    by_type = {e.sub_event_type: e for e in result.events}
    strike = by_type["Air/drone strike"]
    shelling = by_type["Shelling/artillery/missile attack"]
    assert strike.location is not None and shelling.location is not None
    assert strike.location["id"] != shelling.location["id"]
    assert strike.fatalities == 2 and shelling.fatalities is None
    assert shelling.actor1 is not None and shelling.actor1.id == "saa"


def test_the_dateline_is_not_where_it_happened(full_pipeline: Pipeline) -> None:
    text = ("خطف تسعة من جامعي الكمأ في صحراء الرطبة\n"
            "الرمادي (الفرات) – خطف مسلحون يشتبه بانتمائهم إلى تنظيم داعش تسعة من جامعي الكمأ "
            "في صحراء قضاء الرطبة غرب الأنبار، يوم الأحد.\n")
    [event] = [e for e in extract(full_pipeline, text).events
               if e.sub_event_type == "Abduction/forced disappearance"]
    assert event.location is not None and event.location["name"] != "Ramadi"
    assert "الرطبة" in str(event.location["text"])


def test_a_neighbourhood_with_its_city_named_is_in_that_city(full_pipeline: Pipeline) -> None:
    text = ("إصابة ثلاثة مدنيين بقصف صاروخي على مأرب\n"
            "قصفت الميليشيا بصاروخَي كاتيوشا حي الروضة السكني وسط مدينة مأرب، ما أدى إلى "
            "إصابة ثلاثة مدنيين بينهم طفل.\n")
    events = extract(full_pipeline, text).events
    assert events and all(e.location and e.location["name"] == "Ma'rib" for e in events)


def test_the_side_that_was_hit_is_not_the_attacker(full_pipeline: Pipeline) -> None:
    text = ("مقتل ستة من عناصر داعش بضربة جوية في جبال حمرين\n"
            "نفذت طائرات القوة الجوية العراقية فجر اليوم ضربة جوية استهدفت وكراً لعناصر "
            "داعش في جبال حمرين شرقي قضاء طوزخورماتو، ما أسفر عن مقتل ستة إرهابيين.\n")
    [event] = extract(full_pipeline, text).events  # the headline and the lead are one event
    assert event.actor1 is not None and event.actor1.id == "iraqi_air_force"
    assert event.actor2 is not None and event.actor2.id == "isis"


def test_booty_attempts_and_the_fighting_of_a_takeover(full_pipeline: Pipeline) -> None:
    text = ("الجيش يستعيد السيطرة على بلدة الدلنج\n"
            "أعلن الجيش السوداني اليوم أن قواته استعادت السيطرة على مدينة الدلنج بعد معارك "
            "عنيفة مع قوات الدعم السريع.\n"
            "وأضاف البيان أن القوات قتلت أكثر من 60 من عناصر المليشيا، واستولت على تسع عربات "
            "قتالية ومدفعين.\n"
            "وكان مسلحون قد حاولوا خلال ساعات الصباح استعادة مواقع قرب كادقلي عبر هجوم معاكس.\n")
    events = extract(full_pipeline, text).events
    types = [e.sub_event_type for e in events]
    assert "Looting/property destruction" not in types  # seized vehicles are booty
    assert types.count("Government regains territory") == 1
    takeover = next(e for e in events if e.sub_event_type == "Government regains territory")
    assert takeover.fatalities == 60  # the battle's toll joined the takeover
    assert "Armed clash" in types  # the attempt near Kadugli changed no hands


def test_duals_count_two_and_a_name_is_not_a_trigger(full_pipeline: Pipeline) -> None:
    text = ("شهيدان بقصف مسيرة على مخيم جنين\n"
            "استشهد شابان وأصيب ثمانية مواطنين آخرين، أمس الثلاثاء، جراء قصف نفذته طائرة "
            "مسيرة إسرائيلية استهدف تجمعا للمواطنين في حارة الدمج داخل مخيم جنين.\n")
    [event] = extract(full_pipeline, text).events
    assert event.sub_event_type == "Air/drone strike"  # not "الدمج", a merger
    assert (event.fatalities, event.injuries) == (2, 8)


def story(body: str) -> str:
    """A body under a headline of no news: a lone line is read as a headline."""
    return "تقرير ميداني\n" + body


def test_an_attack_without_casualties_has_fatalities_zero(full_pipeline: Pipeline) -> None:
    for sentence in ("قصفت قوات النظام بقذائف الهاون قرية الفطيرة جنوبي إدلب، أمس، "
                     "دون أن يسفر القصف عن إصابات في صفوف السكان.",
                     "قصفت قوات النظام بقذائف الهاون قرية الفطيرة جنوبي إدلب، أمس، "
                     "من دون أن تتسبب بإصابات بشرية."):
        [event] = extract(full_pipeline, story(sentence)).events
        assert (event.fatalities, event.fatalities_qualifier) == (0, "exact"), sentence
    # A toll not yet known is not a toll of zero.
    [event] = extract(full_pipeline, "تقرير ميداني\n"
                      "قصفت قوات النظام بقذائف الهاون قرية الفطيرة جنوبي "
                      "إدلب، أمس، ولم يعرف عدد الضحايا حتى الآن.").events
    assert event.fatalities is None


def test_the_crowd_is_actor1_of_a_protest(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "تقرير ميداني\n"
                      "فرقت قوات الأمن العراقية بالغاز المسيل للدموع مئات "
                     "المتظاهرين في ساحة الحبوبي وسط الناصرية، أمس.")
    [event] = result.events
    assert event.event_type == "Protests"
    assert event.actor1 is not None and event.actor1.id == "other:Protesters (Iraq)"
    assert event.actor2 is not None and event.actor2.id != event.actor1.id
    [event] = extract(full_pipeline, "تقرير ميداني\n"
                      "تظاهر مئات المعلمين، أمس، أمام مبنى محافظة البصرة "
                      "للمطالبة بصرف رواتبهم.").events
    assert event.sub_event_type == "Peaceful protest" and event.actor2 is None
    assert event.actor1 is not None and event.actor1.name == "Protesters (Iraq)"


def test_the_accused_acted_and_a_patron_is_not_a_side(full_pipeline: Pipeline) -> None:
    [event] = extract(full_pipeline, "تقرير ميداني\n"
                      "اتهمت مجموعة حقوقية عناصر من قوات الدعم السريع "
                      "المدعومة من الإمارات بقتل ستة مدنيين في قرية قرب مدينة الفاشر أمس."
                      ).events
    assert event.actor1 is not None and event.actor1.id == "rsf"
    assert event.actor2 is None or event.actor2.id != "uae"


def test_days_told_against_another_day_and_statement_days(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "تقرير ميداني\n"
                      "هاجم مسلحون قرية قرب مدينة الجنينة يوم الاثنين الماضي "
                     "وقتلوا ثلاثة مدنيين.\nوفي اليوم التالي، اقتحم المسلحون سوق المدينة "
                     "ونهبوا عشرات المحلات التجارية.", published="2024-03-07")
    looting = next(e for e in result.events if e.sub_event_type == "Looting/property destruction")
    assert looting.event_date == "2024-03-05"  # the Monday was 03-04
    [event] = extract(full_pipeline, "تقرير ميداني\n"
                      "أعلن الجيش السوداني، في بيان اليوم الخميس، أن قواته "
                      "استعادت صباح الأربعاء السيطرة على مدينة الدلنج.",
                      published="2024-03-07").events
    assert event.event_date == "2024-03-06"


def test_a_count_that_rose_updates_the_incident(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, story(
        "قتل 12 مدنياً وأصيب آخرون، أمس، بقصف مدفعي شنته قوات الدعم السريع على سوق "
        "مدينة الفاشر.\nوفي وقت لاحق، ارتفعت حصيلة القتلى إلى 19 قتيلاً بعد وفاة عدد من "
        "الجرحى في المستشفى."))
    [event] = result.events
    assert event.fatalities == 19 and not result.tolls
    assert any(ev.rule == "update:count" for ev in event.evidence)


def test_the_one_speaking_is_a_source_not_a_side(full_pipeline: Pipeline) -> None:
    [event] = extract(full_pipeline, story(
        "وقالت قوات سوريا الديمقراطية، في بيان، إن مسلحين مجهولين أطلقوا النار على "
        "سيارة مدنية قرب بلدة الشحيل أمس، ما أدى إلى مقتل مدنيين اثنين.")).events
    assert event.actor1 is None or event.actor1.id != "sdf"
    # A party speaking of its own forces is a side.
    [event] = extract(full_pipeline, story(
        "وأعلنت قوات سوريا الديمقراطية، في بيان، أن مقاتليها صدوا هجوماً لفصائل الجيش "
        "الوطني على قرية قرب بلدة عين عيسى أمس.")).events
    assert {p.id for p in (event.actor1, event.actor2) if p} == {"sdf", "sna"}


def test_what_is_feared_or_possible_has_not_happened(full_pipeline: Pipeline) -> None:
    for sentence in ("ويخشى سكان مدينة الفاشر من هجوم وشيك لقوات الدعم السريع.",
                     "وقال محلل عسكري إن المعارك في ريف حلب قد تمتد إلى مناطق أخرى."):
        result = extract(full_pipeline, story(sentence))
        assert all(e.modality == "planned" for e in result.events), sentence
    # «كان ... قد» with a past verb is a pluperfect, not a possibility.
    [event] = extract(full_pipeline, story(
        "وكان الطالب قد تعرض لإطلاق نار من مسلحين مجهولين أمس في مدينة الزاوية.")).events
    assert event.modality != "planned"
    # Talks and visits are not events.
    assert not extract(full_pipeline, story(
        "وتأتي هذه التطورات في ظل تعثر المفاوضات بين الحكومة والحوثيين برعاية أممية.")).events


def test_tolls_need_no_incident_word_and_talk_of_a_truce_is_no_agreement(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, story(
        "وثّقت الشبكة السورية لحقوق الإنسان مقتل 46 مدنياً في محافظة إدلب خلال شهر "
        "آذار الماضي.\nواتهمت الحكومة اليمنية الحوثيين بخرق الهدنة في محافظة تعز أكثر من "
        "مئة مرة خلال أسبوع."))
    assert not result.events
    assert [(t.count, t.effect) for t in result.tolls] == [(46, "killed")]


def test_live_report_entries_are_dated_today_and_their_clock_is_no_figure(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "لحظة بلحظة: تصعيد في الجنوب\n"
                     "09:05 - مسيّرة إسرائيلية تستهدف سيارة على طريق بلدة عيترون.\n"
                     "10:30 - قصف مدفعي إسرائيلي على أطراف بلدة الخيام، من دون تسجيل إصابات.",
                     published="2024-06-13")
    shelling = next(e for e in result.events
                    if e.sub_event_type == "Shelling/artillery/missile attack")
    assert shelling.event_date == "2024-06-13"
    assert (shelling.fatalities, shelling.fatalities_qualifier) == (0, "exact")


def test_what_the_doers_burnt_and_the_footage_belong_to_the_attack(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, story(
        "خطف مسلحون مجهولون خمسة من رعاة الأغنام قرب بلدة الرطبة غربي الأنبار أمس.\n"
        "وأحرق الخاطفون سيارات الضحايا قبل أن يفروا إلى جهة مجهولة.\n"
        "وبث ناشطون مقاطع مصورة تظهر السيارات المحترقة."))
    assert [e.sub_event_type for e in result.events] == ["Abduction/forced disappearance"]


def test_each_live_entry_keeps_its_own_source(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "تغطية مباشرة للتصعيد في ريف إدلب\n"
                     "09:10 - طائرة حربية روسية تشن غارتين على محيط مدينة جسر الشغور غربي إدلب.\n"
                     "10:45 - غرفة عمليات «الفتح المبين» تعلن مقتل ثلاثة عناصر من قوات النظام "
                     "قنصاً على محور كفرنبل جنوبي إدلب.\n"
                     "11:30 - الدفاع المدني السوري يقول إن فرقه أخمدت حريقاً في أرض زراعية.")
    by_type = {e.sub_event_type: e for e in result.events}
    strike, clash = by_type["Air/drone strike"], by_type["Armed clash"]
    # the civil defence speaks only in its own entry; the first one is the outlet's
    assert [s["id"] for s in strike.sources] == ["correspondent"]
    assert [s["id"] for s in clash.sources] == ["fath_al_mubin"]
    assert clash.sources[0]["scope"] == "sentence"


def test_the_source_a_later_sentence_gives_beats_one_from_elsewhere(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "قصف سعودي على رازح\n"
                     "أفادت وكالة سبأ بأن الغارات تواصلت على مناطق متفرقة.\n"
                     "وتعرضت منطقة النظير بمديرية رازح، صباح اليوم، لقصف مدفعي سعودي أدى إلى "
                     "إصابة مواطنين.\n"
                     "وأوضح مصدر محلي أن قذائف القصف السعودي على النظير تساقطت على منازل "
                     "المواطنين.")
    [shelling] = [e for e in result.events
                  if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert "local_sources" in {s["id"] for s in shelling.sources}


def test_two_towns_named_after_a_dual_are_two_events(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "قصف على الجنوب\nقصفت المدفعية الإسرائيلية بعد ظهر اليوم "
                     "أطراف بلدتي كفركلا والخيام في جنوب لبنان، ما أدى إلى إصابة ثلاثة مواطنين.")
    shelling = [e for e in result.events
                if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert sorted(str(e.location["name"]) for e in shelling if e.location) == [
        "Kfar Kila", "Khiam"]
    # the count of the two stays with the first place told
    assert [e.injuries for e in shelling] == [3, None]


def test_losses_a_side_says_it_inflicted_are_the_dead_of_its_fighting(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "الدعم السريع تعلن السيطرة على أبو زبد\n"
                     "أعلنت قوات الدعم السريع مساء أمس بسط سيطرتها الكاملة على مدينة أبو زبد "
                     "بولاية غرب كردفان بعد معارك ضارية مع الجيش.\n"
                     "وقال الناطق باسم القوات إن مقاتليها كبدوا الجيش أكثر من 60 قتيلاً "
                     "واستولوا على عشر عربات قتالية.")
    [takeover] = [e for e in result.events if e.event_type == "Battles"]
    assert (takeover.fatalities, takeover.fatalities_qualifier) == (60, "more_than")
    assert "losses" in [ev.rule for ev in takeover.evidence]


def test_a_claim_of_the_attack_is_the_attack_told_before(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "تفجير انتحاري في مقديشو\n"
                     "قتل تسعة أشخاص مساء الثلاثاء في تفجير انتحاري استهدف مقهى في مقديشو.\n"
                     "وتبنت حركة الشباب الهجوم في بيان، زاعمة أنها قتلت أكثر من ثلاثين من "
                     "عناصر الحكومة.", published="2025-03-12")
    [event] = result.events
    assert event.sub_event_type == "Suicide bomb" and event.fatalities == 9


def test_two_protests_told_in_the_dual_are_one_at_each_town(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "احتجاجات في ريف السويداء\n"
                     "خرجت أمس وقفتان احتجاجيتان في مدينة شهبا شمالي المحافظة وبلدة القريا "
                     "جنوبها، للمطالبة بالإفراج عن المعتقلين.")
    protests = [e for e in result.events if e.sub_event_type == "Peaceful protest"]
    assert sorted(str(e.location["name"]) for e in protests if e.location) == [
        "Al Qurayyā", "Shahbā"]


def test_the_place_after_the_incident_word_is_where_it_happened(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "قصف على ريف إدلب\n"
                     "في مدينة إدلب، قال ناشطون إن قوات النظام قصفت أمس بلدة كفرنبل بالمدفعية.")
    [event] = result.events
    assert event.location is not None and event.location["name"] == "Kafranbel"


def test_the_dead_counted_in_two_groups_add_up(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "هجوم على نقطة للجيش في الطارمية\n"
                     "قُتل ضابط برتبة ملازم أول وثلاثة جنود، وأصيب خمسة آخرون، بهجوم شنه "
                     "مسلحون من تنظيم داعش مساء الثلاثاء على نقطة للجيش في قضاء الطارمية.")
    [event] = result.events
    assert (event.fatalities, event.injuries) == (4, 5)


def test_a_party_admitting_its_losses_or_a_witness_makes_it_reported(
        full_pipeline: Pipeline) -> None:
    claim = extract(full_pipeline, "قسد تعلن صد هجوم\nأعلنت قوات سوريا الديمقراطية أن "
                    "مقاتليها صدوا أمس هجوماً على قرية الحوايج شرق دير الزور وقتلوا خمسة "
                    "من المهاجمين.")
    assert [e.modality for e in claim.events] == ["claimed"]
    admitted = extract(full_pipeline, "مقتل جنود في غزة\nأقر جيش الاحتلال الإسرائيلي أمس "
                       "بمقتل خمسة من جنوده في اشتباك مع مقاتلين في بيت حانون شمال قطاع غزة.")
    assert [e.modality for e in admitted.events] == ["reported"]


def test_a_quarter_named_like_a_far_village_is_in_the_article_s_city(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "قناصة الحوثي يستهدفون أحياء تعز\n"
                     "قالت مصادر طبية في مدينة تعز إن قناصة الحوثي صعّدوا استهداف المدنيين.\n"
                     "وفي حادثة أخرى، سقطت أمس قذيفة أطلقها الحوثيون على حي الروضة، ما أدى "
                     "إلى إصابة ثلاثة أطفال.")
    [shelling] = [e for e in result.events
                  if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert shelling.location is not None and shelling.location["name"] == "Taiz"


def test_a_further_count_of_others_in_another_town_is_an_event_there(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "حملة اختطافات في صنعاء وذمار\n"
                     "شنت الميليشيا أمس حملة اختطافات واسعة طالت نحو 50 شخصا في العاصمة "
                     "صنعاء، و14 آخرين في مدينة ذمار، بحسب مصادر حقوقية.")
    taken = {str(e.location["name"]): e.captured for e in result.events if e.location}
    assert taken == {"Sanaa": 50, "Dhamār": 14}


def test_a_flood_s_toll_makes_no_conflict_toll(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "فيضانات نهر شبيلي تشرد آلاف الأسر في بلدوين\n"
                     "غمرت مياه نهر شبيلي أحياء واسعة من مدينة بلدوين وسط الصومال بعد أيام من "
                     "الأمطار الغزيرة.\n"
                     "وبحسب مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية، نزح نحو 450 ألفاً "
                     "بسبب الفيضانات منذ بداية الموسم، فيما لقي 31 شخصاً حتفهم غرقاً.")
    assert not result.relevant and result.tolls == [] and result.events == []


def test_a_count_since_a_day_long_past_is_a_toll_not_an_incident(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "حصيلة جديدة للعدوان على غزة\n"
                     "أعلنت وزارة الصحة في غزة ارتفاع حصيلة الشهداء منذ السابع من أكتوبر 2023 "
                     "إلى 57 ألفاً و575 شهيداً، إضافة إلى أكثر من 136 ألف مصاب.",
                     published="2025-07-08")
    assert result.events == []
    assert sorted(t.count for t in result.tolls if t.count) == [57575, 136000]


def test_news_told_after_the_attack_is_its_own_event(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "هجوم بقنبلة على منزل ناشط في البصرة\n"
                     "ألقى مجهولون فجر اليوم قنبلة يدوية على منزل ناشط مدني في حي الحيانية "
                     "غربي البصرة، ما ألحق أضراراً بالمنزل.\n"
                     "وبعد ساعات من الهجوم، أعلنت قيادة شرطة البصرة في بيان أن مفارزها اعتقلت "
                     "شخصين يشتبه بتورطهما في الحادث.")
    assert sorted(e.sub_event_type for e in result.events) == ["Arrests", "Grenade"]


def test_a_force_blowing_up_buildings_is_demolition(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "تفجير مبان في مخيم جنين\n"
                     "فجّر جيش الاحتلال، أمس الأحد، نحو عشرين مبنى سكنياً دفعة واحدة في مخيم "
                     "جنين، وقالت مصادر محلية إن التفجير دمّر أجزاء من البنية التحتية.")
    assert [e.sub_event_type for e in result.events] == ["Looting/property destruction"]


def test_a_definite_weapon_at_towns_of_its_own_is_a_new_incident(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "الحصاد اليومي في إدلب\n"
                     "قصفت قوات النظام صباح اليوم بالمدفعية الثقيلة أطراف مدينة سرمين شرقي إدلب.\n"
                     "كما استهدفت القوات ذاتها بالقذائف الصاروخية أطراف بلدتي البارة وكنصفرة في "
                     "جبل الزاوية.")
    places = sorted(str(e.location["name"]) for e in result.events if e.location)
    assert places == ["Al-Bara", "Kansafra", "Sarmīn"]


def test_a_football_report_in_war_words_is_not_relevant(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "القوة الجوية يقصف شباك الشرطة بثلاثية ويشعل صراع الصدارة\n"
                     "قصف فريق القوة الجوية شباك ضيفه الشرطة بثلاثة أهداف نظيفة في المباراة "
                     "التي جرت مساء أمس على ملعب الشعب في بغداد ضمن دوري نجوم العراق.")
    assert not result.relevant and result.events == []


def test_a_side_s_claim_of_an_incident_others_report_is_that_incident(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "مقتل ستة جنود بضربات إسرائيلية قرب الكسوة\n"
                     "قُتل ستة جنود سوريين مساء الثلاثاء جراء ضربات إسرائيلية استهدفت موقعاً "
                     "عسكرياً قرب مدينة الكسوة جنوب دمشق، بحسب مصادر محلية.\n"
                     "وزعم الجيش الإسرائيلي في بيان أنه نفذ ضربة استهدفت موقعاً عسكرياً قرب "
                     "مدينة الكسوة مساء الثلاثاء.")
    [strike] = result.events
    assert strike.sub_event_type == "Air/drone strike" and strike.modality == "reported"


def test_counts_each_told_with_a_town_of_their_own_are_an_event_each(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "حملة اعتقالات في الضفة\n"
                     "اعتقلت قوات الاحتلال فجر اليوم ستة مواطنين من بلدة بيت أمر شمال الخليل، "
                     "إضافة إلى ثمانية مواطنين من بلدة قباطية جنوب جنين.")
    arrests = {str(e.location["name"]): e.arrested for e in result.events
               if e.sub_event_type == "Arrests" and e.location}
    assert arrests == {"Bayt Ūmmar": 6, "Qabāţīyah": 8}


def test_a_bomb_dropped_by_a_drone_is_an_air_strike_not_one_shot_down(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "إصابة امرأتين في حيس\n"
                     "أُصيبت امرأتان أمس جراء قذيفة أسقطتها طائرة مسيّرة تابعة للحوثيين على "
                     "منزل في مديرية حيس جنوب الحديدة.")
    assert [e.sub_event_type for e in result.events] == ["Air/drone strike"]
    foiled = extract(full_pipeline, "إحباط هجوم في حيس\n"
                     "أعلنت القوات المشتركة أمس إحباط هجوم شنه عناصر الميليشيا على مواقعها في "
                     "مديرية حيس جنوب الحديدة.")
    assert [e.sub_event_type for e in foiled.events] == ["Armed clash"]


def test_a_theatre_review_in_war_words_and_a_verdict_are_no_incidents(
        full_pipeline: Pipeline) -> None:
    review = extract(full_pipeline, "«هدنة هشة» على خشبة مسرح بيروت\n"
                     "منذ المشهد الأول في المسرحية، تتحول الشقة إلى ساحة حرب صغيرة: قصف متبادل "
                     "بالاتهامات بين الزوجين، وهدنة لا تصمد طويلاً، بحسب المخرج.")
    assert not review.relevant
    verdict = extract(full_pipeline, "حكم في قضية مقابر ترهونة\n"
                      "أصدرت محكمة في طرابلس أمس حكماً على متهمين من ميليشيا الكانيات، ومن أبرز "
                      "الوقائع التي استند إليها الادعاء إعدام عشرات المحتجزين داخل سجن في ترهونة.")
    assert verdict.events == []


def test_a_name_right_after_a_verb_of_saying_speaks_and_is_no_place(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "غارة على بنت جبيل\n"
                     "قال براك إن غارة إسرائيلية استهدفت أمس سيارة عند مدخل مدينة بنت جبيل "
                     "جنوب لبنان.")
    [strike] = result.events
    assert strike.location is not None and strike.location["name"] == "Bent Jbaïl"


def test_a_roundup_s_lead_dates_and_attributes_what_it_lists(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "الحصاد اليومي في سوريا\n"
                     "رصد المرصد السوري لحقوق الإنسان اليوم الثلاثاء جملة من التطورات الميدانية "
                     "في مناطق متفرقة من سوريا.\n"
                     "ففي ريف إدلب، أصيبت سيدة وطفلها جراء قصف مدفعي نفذته قوات النظام على مدينة "
                     "سرمين شرقي إدلب.", published="2024-10-15")
    [shelling] = result.events
    assert shelling.event_date == "2024-10-15"
    assert "sohr" in {s["id"] for s in shelling.sources}


def test_a_live_entry_quoting_a_source_after_a_colon(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "تغطية مباشرة: غزة\n"
                     "07:50 - الدفاع المدني: استشهاد ستة مواطنين في غارة إسرائيلية استهدفت منزلاً "
                     "في مخيم جباليا شمال قطاع غزة.", published="2025-06-24")
    [strike] = result.events
    assert "gaza_civil_defense" in {s["id"] for s in strike.sources}
    assert strike.actor2 is None or strike.actor2.id != "gaza_civil_defense"


def test_a_second_incident_joined_by_while_is_its_own(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "غارة وقصف على الجنوب\n"
                     "شن الطيران الحربي الإسرائيلي بعد الظهر غارة على أطراف بلدة عيتا الشعب، "
                     "فيما تعرضت بلدة كفركلا لقصف مدفعي متقطع.")
    kinds = {e.sub_event_type: str(e.location["name"]) for e in result.events if e.location}
    assert kinds == {"Air/drone strike": "Aita al-Shaab",
                     "Shelling/artillery/missile attack": "Kfar Kila"}


def test_a_massacre_from_the_air_is_an_air_strike(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "مجزرة في سوق نيالا\n"
                     "ارتكب طيران الجيش، أمس الأحد، مجزرة بحق المدنيين في السوق الرئيسي بمدينة "
                     "نيالا، راح ضحيتها 23 مدنياً.")
    [event] = result.events
    assert event.sub_event_type == "Air/drone strike" and event.fatalities == 23


def test_a_unit_opening_its_clause_is_the_one_acting(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "اقتحام تمبول\n"
                     "قال شهود إن عناصر الدعم السريع اقتحموا مدينة تمبول مساء الإثنين وأطلقوا "
                     "النار على السكان في السوق، ما أدى إلى مقتل تسعة مدنيين.")
    [attack] = result.events
    assert attack.actor1 is not None and attack.actor1.id == "rsf"
    moved = extract(full_pipeline, "توغل في الجنوب\n"
                    "توغلت آليات الاحتلال فجر اليوم في أطراف بلدة عيتا الشعب وسط قصف مدفعي.")
    assert [e.actor1.id for e in moved.events if e.actor1] == ["israeli_forces"]
    again = extract(full_pipeline, "قصف على جبل الزاوية\n"
                    "قصفت قوات النظام بلدة سرمين صباحاً. كما استهدفت القوات ذاتها بالقذائف "
                    "الصاروخية أطراف بلدة البارة في جبل الزاوية.")
    assert {e.actor1.id for e in again.events if e.actor1} == {"saa"}
    hit = extract(full_pipeline, "غارة على سرمين\nقُتل جندي بغارة استهدفت قوات النظام في "
                  "بلدة سرمين.")
    assert [e.actor2.id for e in hit.events if e.actor2] == ["saa"]


def test_settlers_under_guard_attack_a_village(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "اعتداء في ترمسعيا\n"
                     "هاجم مستوطنون تحت حماية جنود الاحتلال أطراف بلدة ترمسعيا شمال شرق رام "
                     "الله، وأضرموا النار في مركبتين.", published="2025-05-02")
    [attack] = [e for e in result.events if e.sub_event_type == "Attack"]
    assert attack.actor1 is not None and attack.actor1.id == "israeli_settlers"
    assert attack.actor2 is None


def test_a_report_lists_incidents_each_with_its_day(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "التقرير الشهري\n"
                     "وثّقت الشبكة مقتل طفل في 12 حزيران إثر انفجار لغم قرب بلدة كفرنبل جنوبي "
                     "إدلب، ومقتل مدني برصاص مسلحين مجهولين في 18 حزيران داخل مدينة تلكلخ بريف "
                     "حمص.", published="2025-07-02")
    found = {e.sub_event_type: e.event_date for e in result.events}
    assert found == {"Remote explosive/landmine/IED": "2025-06-12", "Attack": "2025-06-18"}


def test_a_whole_country_is_no_place_for_an_incident(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "تصعيد في الجنوب\n"
                     "قصفت مسيرة إسرائيلية سيارة عند أطراف بلدة عيترون ظهر اليوم. وقال مسؤول إن "
                     "الطائرات الإسرائيلية نفذت أكثر من عشرين غارة في لبنان خلال الأسبوع.")
    alone = extract(full_pipeline, "غارات على سوريا\nشنت طائرات حربية إسرائيلية فجر اليوم "
                    "غارات جديدة على سوريا، بحسب ما أفادت مصادر محلية.")
    assert alone.events == []
    assert result.events
    assert all(e.location is not None and e.location["name"] != "Lebanon" for e in result.events)


def test_unidentified_gunmen_are_an_actor(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "اغتيال في جاسم\n"
                     "اغتال مسلحون مجهولون يستقلون دراجة نارية مختار أحد أحياء مدينة جاسم شمالي "
                     "درعا مساء أمس.")
    [attack] = result.events
    assert attack.actor1 is not None and attack.actor1.id == "unidentified_armed_group"
    assert attack.fatalities == 1


def test_armed_men_holding_officers_abduct_them(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "احتجاز ضابطين في شهبا\n"
                     "احتجز مسلحون من أبناء مدينة شهبا، ظهر اليوم الأربعاء، ضابطين في قوات "
                     "النظام أثناء مرورهم على الطريق العام.")
    [event] = result.events
    assert event.sub_event_type == "Abduction/forced disappearance"
    assert event.actor2 is not None and event.actor2.id == "saa"
    assert event.actor1 is None or event.actor1.id != "saa"
    held = extract(full_pipeline, "اعتقال في إدلب\nواعتقلت عناصر هيئة تحرير الشام ناشطاً "
                   "إعلامياً في مدينة إدلب أمس.")
    [arrest] = held.events
    assert arrest.sub_event_type == "Arrests"
    assert arrest.actor1 is not None and arrest.actor1.id == "hts"


def test_news_told_after_an_earlier_incident_is_its_own(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "اعتقالات بعد تفجير الطارمية\n"
                     "وفي أعقاب التفجير، ذكرت الخلية أن مفارز من جهاز الأمن الوطني اعتقلت "
                     "ثلاثة مطلوبين في قضاء الطارمية شمالي بغداد فجر اليوم.")
    assert [e.sub_event_type for e in result.events] == ["Arrests"]


def test_an_attack_on_shepherds_is_violence_against_civilians(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "مقتل رعاة قرب داقوق\n"
                     "هاجم مسلحون من تنظيم داعش مساء السبت رعاة أغنام في منطقة زراعية تابعة "
                     "لقضاء داقوق جنوبي كركوك، فقتلوا اثنين منهم.")
    [attack] = result.events
    assert attack.sub_event_type == "Attack" and "shepherds" in attack.victims


def test_a_shoulder_fired_shell_at_a_tank_is_fighting(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "استهداف دبابة في رفح\n"
                     "وأعلنت سرايا القدس أن مقاتليها استهدفوا صباح اليوم دبابة إسرائيلية من نوع "
                     "«ميركافا 4» بقذيفة «الياسين 105» في حي تل السلطان غربي رفح.")
    assert [e.sub_event_type for e in result.events] == ["Armed clash"]


def test_talk_of_a_truce_is_no_agreement(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "مفاوضات متعثرة\n"
                     "وتراوح مفاوضات وقف إطلاق النار وتبادل الأسرى مكانها منذ أسابيع في القاهرة. "
                     "وتتواصل الاتصالات بشأن مقترح لهدنة مدتها ستون يوماً في قطاع غزة.")
    assert [e for e in result.events if e.sub_event_type == "Agreement"] == []


def test_an_analysts_view_is_no_incident(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "قراءة في المشهد\n"
                     "ويرى الباحث سامر الخطيب أن الاعتقالات في القرى الحدودية بريف القنيطرة "
                     "«باتت أداة ضغط على السكان لدفعهم إلى الرحيل».")
    assert result.events == []


def test_a_deal_with_no_armed_party_is_no_agreement(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "«هدنة نفطية» تعيد التصدير\n"
                     "عاد النفط إلى التدفق عبر خط الأنابيب نحو ميناء جيهان اليوم، في ما وصفه "
                     "خبراء بأنه هدنة نفطية في أربيل بعد عامين من التوقف.")
    assert result.events == []


def test_a_monitors_count_of_one_days_incident_is_an_event(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "قصف على مخيم أبو شوك\n"
                     "قُتل 14 نازحاً، بينهم خمسة أطفال، وأُصيب 22 آخرون، الأربعاء، جراء قصف مدفعي "
                     "نفّذته قوات الدعم السريع على مخيم أبو شوك للنازحين شمالي مدينة الفاشر، وفق "
                     "ما أعلنته شبكة أطباء السودان.", published="2025-07-10")
    [shelling] = result.events
    assert shelling.sub_event_type == "Shelling/artillery/missile attack"
    assert shelling.fatalities == 14 and shelling.event_date == "2025-07-09"
    assert result.tolls == []


def test_marches_and_gatherings_of_protesters(full_pipeline: Pipeline) -> None:
    march = extract(full_pipeline, "مسيرة في كسمايو\n"
                    "وفي كسمايو، خرج مئات من السكان اليوم الخميس في مسيرة تأييداً لقيادة الولاية.")
    assert [e.sub_event_type for e in march.events] == ["Peaceful protest"]
    gathered = extract(full_pipeline, "وقفة في صلخد\n"
                       "وفي مدينة صلخد جنوبي المحافظة، تجمع عشرات المحتجين في الساحة الرئيسية "
                       "للمدينة ورفعوا لافتات تطالب بالإفراج عن المعتقلين.")
    assert [e.sub_event_type for e in gathered.events] == ["Peaceful protest"]
    compound = extract(full_pipeline, "قصف على سرمين\n"
                       "قصفت قوات النظام تجمعاً سكنياً في بلدة سرمين وتجمع الأهالي لإسعاف الجرحى.")
    assert "Peaceful protest" not in {e.sub_event_type for e in compound.events}


def test_a_cell_arrested_belongs_to_the_group_it_serves(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "تفكيك خلية في البوكمال\n"
                     "أعلنت إدارة الأمن العام في دير الزور القبض على خلية من أربعة أشخاص تتبع "
                     "للتنظيم في مدينة البوكمال.", published="2025-04-02")
    [arrest] = result.events
    assert arrest.actor1 is not None and arrest.actor1.id == "syria_general_security"
    assert arrest.actor2 is not None and arrest.actor2.id == "isis"


def test_a_pledge_to_a_truce_and_launchers_found(full_pipeline: Pipeline) -> None:
    pledge = extract(full_pipeline, "نفي\nونفت كتائب القسام في بيان أي صلة لها بالحادث في رفح، "
                     "مؤكدة التزامها الكامل باتفاق وقف إطلاق النار.", published="2025-10-20")
    assert "Agreement" not in {e.sub_event_type for e in pledge.events}
    found = extract(full_pipeline, "منصات في الجنوب\nأعلن الجيش اللبناني أن وحداته عثرت على "
                    "منصات الإطلاق المستخدمة في خراج بلدة أرنون في قضاء النبطية.",
                    published="2025-03-28")
    assert [e.sub_event_type for e in found.events] == ["Disrupted weapons use"]


def test_a_patron_capital_and_support_weapons_do_not_place_or_type(full_pipeline: Pipeline
                                                                    ) -> None:
    result = extract(full_pipeline, "معارك سد تشرين\n"
                     "قال المركز الإعلامي لقوات سوريا الديمقراطية إن مقاتليها تصدوا ليل أمس "
                     "لهجوم واسع شنته فصائل الجيش الوطني المدعومة من أنقرة على المحور الجنوبي "
                     "لسد تشرين، بإسناد من المدفعية والطائرات المسيّرة التركية.",
                     published="2025-01-16")
    [clash] = result.events
    assert clash.sub_event_type == "Armed clash"
    assert clash.location is not None and clash.location["name"] == "Tishrin Dam"


def test_what_a_group_is_accused_of_and_what_is_sought_are_no_events(full_pipeline: Pipeline
                                                                      ) -> None:
    result = extract(full_pipeline, "مداهمة في الصنمين\n"
                     "قُتل عنصر من الأمن العام واثنان من المسلحين، فجر اليوم الأربعاء، خلال "
                     "اشتباكات في الحي الغربي لمدينة الصنمين، إثر حملة أمنية استهدفت مجموعة محلية "
                     "متهمة بتجارة المخدرات والخطف. وتسعى وزارة الداخلية إلى بسط سيطرتها على "
                     "بلدات ريف درعا.", published="2025-05-14")
    kinds = {e.sub_event_type for e in result.events if e.modality == "reported"}
    assert kinds == {"Armed clash"}


def test_the_count_before_among_is_the_toll_of_the_incident(full_pipeline: Pipeline) -> None:
    school = extract(full_pipeline, "غارة على الدرج\n"
                     "وفي مدينة غزة، قال الدفاع المدني إن ثمانية أشخاص، بينهم ثلاث نساء، قُتلوا في "
                     "غارة على مدرسة تؤوي نازحين في حي الدرج.", published="2025-05-05")
    assert [e.fatalities for e in school.events] == [8]
    family = extract(full_pipeline, "غارة على بيت لاهيا\n"
                     "وأفاد الدفاع المدني بأن خمسة أشخاص من عائلة واحدة قُتلوا مساء أمس في غارة "
                     "على منزل في بيت لاهيا شمالي القطاع.", published="2025-05-05")
    assert [e.fatalities for e in family.events] == [5]
    market = extract(full_pipeline, "قصف الفاشر\n"
                     "قالت شبكة أطباء السودان إن تسعة مدنيين، بينهم ثلاثة أطفال، لقوا حتفهم وأصيب "
                     "أكثر من عشرين آخرين، أمس، جراء قصف مدفعي على سوق مدينة الفاشر.",
                     published="2025-05-05")
    [shelling] = market.events
    assert (shelling.fatalities, shelling.injuries) == (9, 20)


def test_a_rising_toll_told_by_its_noun(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "قصف مدرسة في حي الدرج\n"
                     "استشهد 17 مواطناً على الأقل في غارة على مدرسة في حي الدرج شرقي مدينة غزة. "
                     "وفي وقت لاحق، أعلنت مصادر طبية ارتفاع حصيلة الشهداء إلى 22، بينهم ستة "
                     "أطفال.", published="2025-05-05")
    [strike] = result.events
    assert strike.fatalities == 22


def test_a_state_that_is_no_side_reports_rather_than_claims(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "غارة على تبنين\n"
                     "شنت طائرة مسيّرة إسرائيلية غارة على بلدة تبنين في قضاء بنت جبيل أدت إلى "
                     "مقتل شخص، وفق ما أفادت وزارة الصحة اللبنانية.", published="2025-03-28")
    [strike] = result.events
    assert strike.modality == "reported"
    claim = extract(full_pipeline, "بيان\nأعلن الجيش الإسرائيلي أن طائراته شنت غارات على مواقع "
                    "لحزب الله في بلدة تبنين جنوبي لبنان.", published="2025-03-28")
    assert [e.modality for e in claim.events] == ["claimed"]


def test_a_raid_from_the_air_told_with_agharat(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "غارات على تبنين\nأعلن الجيش الإسرائيلي أن طائراته أغارت على "
                     "مواقع لحزب الله في بلدة تبنين جنوبي لبنان.", published="2025-03-28")
    assert [e.sub_event_type for e in result.events] == ["Air/drone strike"]


def test_news_that_comes_after_an_earlier_incident_recalls_it(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "تفكيك خلية في ريف دمشق\n"
                     "أعلنت وزارة الداخلية السورية اليوم تفكيك خلية لتنظيم داعش في بلدة السيدة "
                     "زينب. وتأتي العملية بعد ثلاثة أسابيع من التفجير الانتحاري الذي نفذه عنصر من "
                     "التنظيم داخل كنيسة في حي الدويلعة بدمشق.", published="2025-07-15")
    bombing = [e for e in result.events if e.sub_event_type == "Suicide bomb"]
    assert [e.modality for e in bombing] == ["background"]


def test_a_truce_in_force_as_a_point_in_time_is_no_agreement(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "غارة على يارون\n"
                     "ومنذ دخول اتفاق وقف إطلاق النار حيز التنفيذ في السابع والعشرين من تشرين "
                     "الثاني الماضي، استشهد أكثر من مئتي شخص في غارات على بلدات الجنوب، بينها "
                     "بلدة يارون.", published="2025-04-08")
    assert "Agreement" not in {e.sub_event_type for e in result.events}


def test_where_fighters_came_from_and_the_town_that_sets_the_scene(full_pipeline: Pipeline
                                                                   ) -> None:
    came = extract(full_pipeline, "معارك السويداء\n"
                   "وقال مراسلنا إن مئات المقاتلين من عشائر قدموا من دير الزور وحمص وحماة تمكنوا "
                   "مساء الجمعة من السيطرة على بلدة الثعلة في ريف السويداء الغربي.",
                   published="2025-07-19")
    assert came.events
    assert all(e.location and e.location["name"] not in ("Homs", "Ḩamāh", "Deir ez-Zor")
               for e in came.events)
    scene = extract(full_pipeline, "وقفة\n"
                    "وفي مدينة اللاذقية، شارك مئات في وقفة احتجاجية مساء الأحد بساحة الشيخ ضاهر "
                    "للتنديد بالاعتداءات في حمص.", published="2025-11-24")
    assert [e.location["name"] for e in scene.events if e.location] == ["Latakia"]


def test_a_body_found_on_the_road_between_two_towns(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "جثة على طريق نوى\n"
                     "عُثر على جثة شاب مصاباً بطلقات نارية على الطريق الواصل بين مدينة نوى وبلدة "
                     "الشيخ سعد في ريف درعا الغربي.", published="2025-03-03")
    [attack] = result.events
    assert attack.sub_event_type == "Attack" and attack.fatalities == 1
    assert attack.location is not None and attack.location["name"] == "Nawá"
    road = extract(full_pipeline, "عبوة في البادية\n"
                   "قُتل عنصران من قوات النظام جراء انفجار عبوة ناسفة بسيارة عسكرية على طريق "
                   "السخنة – تدمر في بادية حمص الشرقية.", published="2025-03-03")
    assert [e.location["name"] for e in road.events if e.location] == ["As Sukhnah"]


def test_a_roundup_names_the_doer_once(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "غارات على الجنوب\n"
                     "شنت مسيّرة إسرائيلية غارة على سيارة عند أطراف بلدة عيترون ظهر اليوم. "
                     "وبعد الظهر، استهدفت مسيّرة أخرى جرافة كانت تعمل على رفع الأنقاض في بلدة "
                     "ياطر في قضاء بنت جبيل.", published="2025-05-08")
    strikes = [e for e in result.events if e.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 2
    assert {e.actor1.id for e in strikes if e.actor1} == {"israeli_forces"}
    assert all(e.actor1 is not None for e in strikes)


def test_a_car_bomb_dismantled_and_an_attack_repelled(full_pipeline: Pipeline) -> None:
    defused = extract(full_pipeline, "تفكيك\nفي حين تمكنت الشرطة من تفكيك سيارة مفخخة كانت "
                      "مركونة قرب تقاطع كي فور في مديرية هودن بمقديشو.", published="2025-01-16")
    assert [e.sub_event_type for e in defused.events] == ["Disrupted weapons use"]
    repelled = extract(full_pipeline, "صد هجوم\nأعلن المركز الإعلامي لقوات سوريا الديمقراطية "
                       "أن مقاتليه تصدّوا ليل أمس لهجوم واسع شنّته فصائل الجيش الوطني على قرى "
                       "يسكنها مدنيون قرب سد تشرين.", published="2025-01-16")
    assert [e.sub_event_type for e in repelled.events] == ["Armed clash"]


def test_a_joiner_far_from_the_next_incident_word_still_splits(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "غارة وتوغل\n"
                     "قُتل مدنيان مساء الثلاثاء جراء غارة شنّتها طائرة مسيّرة إسرائيلية على سيارة "
                     "عند أطراف بلدة بيت جن، فيما توغلت قوة إسرائيلية فجر اليوم الأربعاء في بلدة "
                     "خان أرنبة بريف القنيطرة واعتقلت ثلاثة شبان من سكانها.",
                     published="2025-06-18")
    kinds = {e.sub_event_type: str(e.location["name"]) for e in result.events if e.location}
    assert kinds == {"Air/drone strike": "Beit Jinn", "Arrests": "Khān Arnabah"}


def test_war_words_for_money_are_another_domain(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "«هدنة نفطية» بين بغداد وأربيل\n"
                     "ويختم الخبير بالقول إن الهدنة النفطية الحالية بين حكومة بغداد وحكومة إقليم "
                     "كردستان ممتازة على الورق، لكن الاختبار الحقيقي سيكون في الشتاء.",
                     published="2025-10-01")
    assert not result.relevant


def test_fire_from_a_sides_positions_is_that_sides(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "قصف على الفاشر\n"
                     "سقطت قذائف مصدرها مواقع الدعم السريع شرقي المدينة على السوق الكبير وسط "
                     "الفاشر، ما أدى إلى مقتل ثلاثة من الباعة.", published="2025-01-20")
    [shelling] = result.events
    assert shelling.actor1 is not None and shelling.actor1.id == "rsf"


def test_the_accuser_and_what_detainees_are_accused_of_are_no_sides(full_pipeline: Pipeline
                                                                     ) -> None:
    accused = extract(full_pipeline, "اتهامات\nوفي نيالا، اتهمت قوات الدعم السريع طيران الجيش "
                      "بقصف حي الوادي السكني مساء الثلاثاء، ما أدى إلى مقتل سبعة مدنيين.",
                      published="2025-07-10")
    [strike] = accused.events
    assert strike.actor2 is None or strike.actor2.id != "rsf"
    held = extract(full_pipeline, "اعتقال أطباء\nاعتقلت الاستخبارات العسكرية التابعة للجيش ثلاثة "
                   "أطباء في مدينة ود مدني بتهمة التعاون مع قوات الدعم السريع.",
                   published="2025-02-10")
    [arrest] = held.events
    assert arrest.actor2 is None or arrest.actor2.id != "rsf"


def test_a_side_accusing_another_makes_a_claim(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "اتهامات بالكلور\nاتهمت فصائل المعارضة السورية قوات النظام "
                     "باستخدام غاز الكلور في هجوم استهدف أطراف بلدة كفرزيتا في ريف حماة.",
                     published="2024-03-07")
    [attack] = result.events
    assert attack.modality == "claimed"
    assert attack.actor1 is not None and attack.actor1.id == "saa"


def test_arms_found_on_those_arrested_are_part_of_the_arrest(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "تفكيك خلية\n"
                     "ألقت قوات الأمن العام القبض على أربعة من أفراد خلية في بلدة السيدة زينب، "
                     "وضُبطت بحوزة الموقوفين عبوتان ناسفتان وحزام ناسف.", published="2025-07-15")
    assert [e.sub_event_type for e in result.events] == ["Arrests"]


def test_a_bureau_abroad_is_never_the_scene(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "الدعم السريع تعلن السيطرة على النهود\n"
                     "القاهرة (رويترز) - قالت قوات الدعم السريع السودانية اليوم السبت إنها سيطرت "
                     "على مدينة النهود في ولاية غرب كردفان.\n"
                     "وذكرت الدعم السريع في بيان على تيليجرام أن مقاتليها حرروا المدينة بالكامل "
                     "بعد معارك عنيفة.", published="2025-05-03")
    assert result.events
    assert all(e.location is None or e.location["country"] == "SD" for e in result.events)


def test_deaths_are_no_truce_nor_a_quiet_handover(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "بيان الحركة\n"
                     "وقالت حركة الشباب في بيان إن مقاتليها انسحبوا تكتيكياً من بلدة مهداي بعد أن "
                     "قتلوا 30 جندياً.", published="2025-03-05")
    assert [e.sub_event_type for e in result.events] == ["Armed clash"]


def test_forming_a_committee_is_no_change_to_an_armed_group(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "لجنة تحقيق\n"
                     "وأكدت وزارة الدفاع في بيان أنها ستعمل على استيعاب عناصر اللواء ضمن تشكيلات "
                     "الجيش، فيما أعلنت الرئاسة السورية تشكيل لجنة وطنية للتحقيق في أحداث مدينة "
                     "بانياس.", published="2025-03-09")
    assert "Change to group/activity" not in {e.sub_event_type for e in result.events}


def test_fighting_that_kills_a_bystander_is_still_fighting(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "اشتباكات الزاوية\n"
                     "أفاد جهاز الإسعاف والطوارئ بمقتل شخصين، أحدهما مدني، وإصابة ستة آخرين في "
                     "اشتباكات مسلحة اندلعت ليل الاثنين بين مجموعتين مسلحتين في مدينة الزاوية.",
                     published="2024-08-27")
    assert [e.sub_event_type for e in result.events] == ["Armed clash"]


def test_a_count_since_a_truce_began_is_a_toll(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "خروقات في الجنوب\n"
                     "وتقول السلطات اللبنانية إن أكثر من 80 شخصاً قُتلوا بنيران إسرائيلية منذ سريان "
                     "وقف إطلاق النار في جنوب لبنان.", published="2025-03-20")
    assert result.events == [] and [t.count for t in result.tolls] == [80]
    demand = extract(full_pipeline, "مطالب تركية\nوتطالب أنقرة بحل وحدات حماية الشعب، العمود "
                     "الفقري لقوات سوريا الديمقراطية في منبج.", published="2025-01-16")
    assert demand.events == []


def test_a_condition_and_a_kind_of_attack_are_no_incidents(full_pipeline: Pipeline) -> None:
    threat = extract(full_pipeline, "تهديد\nوقال وزير الأمن في بيان: «إذا لم يكن هناك هدوء في "
                     "كريات شمونة، فلن يكون هناك هدوء في بيروت»، متوعداً بضرب الضاحية الجنوبية.",
                     published="2025-03-28")
    assert all(e.modality == "planned" for e in threat.events)
    kind = extract(full_pipeline, "اغتيال\nويتهم أهالٍ في المنطقة خلايا تابعة لتنظيم داعش "
                   "بالوقوف وراء هذا النوع من الهجمات في بلدة ذيبان.", published="2025-03-28")
    assert kind.events == []


def test_roads_cut_with_burning_tyres_are_a_riot(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "احتجاجات الكهرباء\n"
                     "وفي محافظة البصرة، قطع محتجون غاضبون، أمس الاثنين، الطريق الرابط بين قضاء "
                     "الزبير ومركز المحافظة بالإطارات المشتعلة احتجاجاً على انقطاع الكهرباء.",
                     published="2025-07-15")
    assert [e.sub_event_type for e in result.events] == ["Violent demonstration"]


def test_a_day_told_outweighs_what_went_on_for_months(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "اعتصام في حماة\n"
                     "وفي مدينة حماة، اعتصم العشرات من ذوي موقوفين صباح اليوم أمام مبنى المحافظة، "
                     "مطالبين بالكشف عن مصير أبنائهم المحتجزين منذ أشهر دون محاكمة، قبل أن تفرّقهم "
                     "عناصر من الشرطة بالقوة.", published="2025-06-10")
    assert [e.event_type for e in result.events] == ["Protests"]
    habit = extract(full_pipeline, "قصف متكرر\nوتتعرض قرى جبل الزاوية لقصف مدفعي بشكل شبه يومي "
                    "منذ أشهر.", published="2025-06-10")
    assert habit.events == []


def test_a_list_of_towns_after_a_plural_place_word(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "انتشار الجيش\n"
                     "أعلنت قيادة الجيش اللبناني أن وحدات عسكرية انتشرت اليوم في بلدات ميس الجبل "
                     "وحولا وكفركلا في قضاء مرجعيون بعد انسحاب القوات الإسرائيلية منها.",
                     published="2025-02-18")
    assert {str(e.location["name"]) for e in result.events if e.location} == {
        "Meiss al-Jabal", "Kfar Kila"}


def test_a_wire_reports_dateline_agency_is_its_source(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "غارة على عيترون\nبيروت (رويترز) - قُتل ثلاثة أشخاص في غارة "
                     "إسرائيلية على بلدة عيترون في جنوب لبنان اليوم الأحد.", published="2024-08-11")
    [strike] = result.events
    assert [s["id"] for s in strike.sources] == ["reuters"]
    assert strike.location is not None and strike.location["name"] == "Aitaroun"


def test_an_attack_on_a_forces_post_is_fighting_and_a_dual_strike_is_a_strike(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "هجوم على حاجز في ريف دير الزور\n"
                     "قُتل عنصر من قوات سوريا الديمقراطية وأصيب آخر، أمس، جراء هجوم شنته "
                     "خلايا تابعة لتنظيم داعش على حاجز للقوات في بلدة البصيرة، بحسب مصادر "
                     "محلية.\nوفي سياق آخر، نفذت طائرات القوة الجوية العراقية ضربتين جويتين "
                     "استهدفتا مخابئ للتنظيم قرب مدينة الحويجة، وفق بيان عسكري.")
    types = {e.sub_event_type: e for e in result.events}
    assert "Attack" not in types
    assert types["Armed clash"].actor2 is not None and types["Armed clash"].actor2.id == "sdf"
    assert "Air/drone strike" in types


def test_an_armed_feud_between_clans_is_a_clash(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "قتيلان بنزاع عشائري في البصرة\n"
                     "قُتل شخصان وأصيب خمسة آخرون، مساء الأحد، في نزاع مسلح اندلع بين "
                     "عشيرتين في قضاء القرنة شمالي محافظة البصرة، بحسب مصدر في الشرطة.")
    [event] = result.events
    assert event.sub_event_type == "Armed clash"
    assert (event.fatalities, event.injuries) == (2, 5)


def test_fire_with_the_shooters_between_verb_and_fire_and_an_assault_are_attacks(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "اعتداءات في الضفة والجنوب السوري\n"
                     "أطلق جنود إسرائيليون النار باتجاه رعاة أغنام قرب بلدة الرفيد في ريف "
                     "القنيطرة أمس، ما أجبرهم على مغادرة المراعي، وفق مصادر محلية.\n"
                     "وفي الضفة الغربية، اعتدى مستوطنون بالضرب على مزارع في بلدة ترمسعيا "
                     "شمال رام الله صباح اليوم، بحسب وكالة وفا.")
    attacks = [e for e in result.events if e.sub_event_type == "Attack"]
    assert len(attacks) == 2
    assert any(e.actor1 is not None and e.actor1.id == "israeli_settlers" for e in attacks)


def test_a_word_of_habit_after_another_incident_word_qualifies_that_word_only(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "تظاهرة في سنجار\n"
                     "خرج مئات الإيزيديين اليوم في تظاهرة وسط مدينة سنجار، رافعين لافتات "
                     "تندد بالضربات التركية المتكررة على القضاء.")
    [event] = result.events
    assert event.sub_event_type == "Peaceful protest"


def test_riot_police_breaking_up_a_sit_in_is_intervention_not_a_riot(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "تفريق اعتصام للخريجين في الناصرية\n"
                     "فضّت قوة من مكافحة الشغب فجر اليوم اعتصام الخريجين العاطلين عن العمل "
                     "أمام مبنى ديوان محافظة ذي قار وسط الناصرية، بحسب ما أفاد مراسلنا.")
    assert [e.sub_event_type for e in result.events] == ["Protest with intervention"]


@pytest.mark.parametrize("sentence", [
    "تجمّع عشرات من سكان الأحياء المتضررة أمام مبنى محافظة حمص اليوم للمطالبة بحمايتهم.",
    "سيّرت لجان المقاومة في مدينة عطبرة اليوم موكباً جاب الشوارع الرئيسية للمطالبة بوقف الحرب.",
    "يعتصم مربو الجاموس منذ صباح اليوم عند مدخل ناحية الجبايش.",
])
def test_ways_of_telling_a_protest(full_pipeline: Pipeline, sentence: str) -> None:
    result = extract(full_pipeline, "احتجاجات اليوم\n" + sentence)
    assert [e.event_type for e in result.events] == ["Protests"]


def test_a_drone_letting_a_shell_fall_strikes_and_an_infiltration_stopped_is_fighting(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "تعز: إصابة امرأة بقذيفة مسيرة\n"
                     "أصيبت امرأة بشظايا إثر إسقاط طائرة مسيّرة حوثية قذيفة على سطح منزلها "
                     "في حي الروضة بمدينة تعز اليوم، بحسب مصادر طبية.\n"
                     "عسكرياً، أحبطت قوات الجيش الوطني فجر اليوم محاولة تسلل لمليشيا الحوثي "
                     "باتجاه مواقعها في جبهة عصيفرة شمالي المدينة.")
    assert sorted(e.sub_event_type for e in result.events) == ["Air/drone strike", "Armed clash"]


def test_gunmen_who_fire_are_not_the_armed_side_struck_and_analysts_report_nothing(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "محاولة اغتيال في عدن\n"
                     "أطلق مسلحان يستقلان دراجة نارية النار على إمام مسجد في مديرية الشيخ "
                     "عثمان بعدن اليوم، ما أدى إلى إصابته بجروح، وفق مصادر محلية.\n"
                     "ويقول محللون إن الهجمات قد تمتد إلى مدن لحج وأبين وشبوة.")
    assert [e.sub_event_type for e in result.events] == ["Attack"]


def test_counts_since_that_day_or_between_two_days_are_tolls(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "عامان على الحرب\n"
                     "ووثّق مكتب الأمم المتحدة لحقوق الإنسان مقتل 798 شخصاً على الأقل بين 27 "
                     "أيار/مايو و7 تموز/يوليو قرب مراكز توزيع المساعدات في رفح.\n"
                     "وتقول وزارة الصحة في غزة إن أكثر من 67 ألف فلسطيني قُتلوا منذ ذلك اليوم.",
                     published="2025-10-07")
    assert result.events == []
    assert sorted(t.count for t in result.tolls) == [798, 67000]


def test_news_with_no_day_of_its_own_is_dated_by_its_announcement(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "الجيش يستعيد رفاعة\n"
                     "أعلنت القوات المسلحة السودانية، اليوم الخميس، استعادة السيطرة الكاملة "
                     "على مدينة رفاعة بولاية الجزيرة، بعد معارك مع الدعم السريع استمرت منذ "
                     "فجر أمس.")
    [event] = [e for e in result.events if e.sub_event_type == "Government regains territory"]
    assert event.event_date == "2024-03-07"


def test_protesters_arrested_as_a_protest_is_broken_up_are_its_intervention(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "تفريق احتجاج في طرابلس\n"
                     "تجمّع مئات المتظاهرين اليوم أمام مقر رئاسة الوزراء في طرابلس للمطالبة "
                     "برحيل الحكومة، بحسب ما أفاد مراسلنا.\n"
                     "وقال شهود عيان إن أربعة محتجين أصيبوا بحالات اختناق، فيما جرى توقيف ستة "
                     "متظاهرين آخرين في طرابلس اليوم.")
    [event] = result.events
    assert event.sub_event_type == "Protest with intervention"
    assert event.arrested == 6


def test_stopping_work_is_no_arrest(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "توقف التفريغ في بورتسودان\n"
                     "أفادت مصادر ملاحية بأن إدارة ميناء بورتسودان أوقفت عمليات التفريغ في "
                     "الأرصفة القريبة من المستودعات اليوم.\n"
                     "وأوقفت الشرطة في بورتسودان ثلاثة أشخاص يشتبه بتورطهم في سرقة الوقود.")
    assert [(e.sub_event_type, e.arrested) for e in result.events] == [("Arrests", 3)]


def test_an_advance_is_no_takeover_and_disowning_an_attack_is_no_event(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "مقتل جندي في رفح\n"
                     "قُتل جندي إسرائيلي اليوم بنيران مسلحين في مدينة رفح، بحسب الجيش.\n"
                     "في المقابل، نفت كتائب القسام في بيان أي صلة لها بالحادث في رفح.\n"
                     "ولم تحدد الحكومة مهلاً للمراحل اللاحقة، وربطت تقدمها بالإمكانات المتاحة.")
    assert [(e.sub_event_type, e.modality) for e in result.events] == [
        ("Armed clash", "reported")]


def test_a_security_body_of_a_force_makes_the_arrests(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "اعتقالات في أم درمان\n"
                     "اعتقلت الاستخبارات العسكرية التابعة للجيش السوداني صباح اليوم ستة شبان "
                     "في مدينة أم درمان بتهمة التعاون مع الدعم السريع، وفق مصادر محلية.")
    [event] = result.events
    assert event.actor1 is not None and event.actor1.id == "saf"
    assert event.arrested == 6


def test_a_count_with_several_parts_among_them_keeps_its_own_figure(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "قصف على الفاشر\n"
                     "قالت شبكة أطباء السودان إن أربعة عشر نازحا، بينهم خمسة أطفال وثلاث "
                     "نساء، لقوا حتفهم أمس جراء قصف مدفعي على معسكر أبو شوك في الفاشر.")
    [event] = result.events
    assert (event.fatalities, event.fatalities_qualifier) == (14, "exact")


def test_a_capital_named_for_its_government_leaves_the_towns_of_the_report_in_view(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "غارة تركية\n"
                     "أسفرت الغارة التي نفذتها أنقرة فجر اليوم عن مقتل مقاتلين اثنين في ريف "
                     "مدينة القامشلي، وفق مصادر محلية.")
    [event] = result.events
    assert event.location is not None and event.location["country"] == "SY"
    assert event.fatalities == 2


def test_gunmen_nobody_names_shooting_at_protesters_attack_civilians(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "مقتل متظاهر في حمص\n"
                     "قُتل شاب وأصيب ثلاثة آخرون اليوم في حمص عندما أطلق مسلحون مجهولون "
                     "يستقلون سيارة مسرعة النار على تجمع للمتظاهرين في ساحة الساعة.")
    [event] = result.events
    assert event.sub_event_type == "Attack"
    assert event.actor1 is not None and event.actor1.id == "unidentified_armed_group"
    assert "protesters" in event.victims


def test_agents_of_a_security_body_arrest_and_a_brawl_is_mob_violence(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "توقيف مسافر في مطار بيروت\n"
                     "أوقفت عناصر دائرة أمن عام مطار رفيق الحريري الدولي، مساء أمس، مسافراً "
                     "كان يحمل جواز سفر مزوراً.\n"
                     "وفي مدينة الحلة، تحول خلاف بين أنصار قائمتين انتخابيتين أمس إلى عراك "
                     "بالعصي أصيب فيه أربعة أشخاص.")
    assert sorted(e.sub_event_type for e in result.events) == ["Arrests", "Mob violence"]


def test_settlers_stoning_homes_and_boats_opening_fire_on_fishermen_are_attacks(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "اعتداءات\n"
                     "رشق مستوطنون منازل المواطنين ومركباتهم بالحجارة في بلدة حوارة اليوم، ما "
                     "أدى إلى إصابة مسن بجروح.\n"
                     "وفتحت زوارق حربية إسرائيلية نيران رشاشاتها الثقيلة تجاه مراكب الصيادين "
                     "قبالة شاطئ دير البلح صباح اليوم.")
    assert [e.sub_event_type for e in result.events] == ["Attack", "Attack"]


def test_the_positions_a_force_fires_from_are_not_a_base_and_a_place_under_control_is_news(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "قصف على كرري\n"
                     "سقطت عدة قذائف مدفعية مساء أمس على منازل المواطنين في محلية كرري، "
                     "أطلقتها قوات الدعم السريع من مواقع تمركزها غربي أمدرمان، ما أدى إلى "
                     "مقتل أربعة مواطنين.\n"
                     "وشنت مقاتلات إسرائيلية فجر اليوم غارات على ميناء الحديدة، في تصعيد "
                     "يستهدف المنشآت الخاضعة لسيطرة جماعة الحوثي.")
    assert sorted(e.sub_event_type for e in result.events) == [
        "Air/drone strike", "Shelling/artillery/missile attack"]


def test_the_patron_of_an_outlet_is_no_side(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "غارات على الحديدة\n"
                     "ونقلت قناة المسيرة التابعة للحوثيين عن مكتب الصحة في الحديدة أن أحد "
                     "عمال الميناء قُتل اليوم جراء غارات جوية على الميناء.")
    [event] = result.events
    assert event.actor1 is None or event.actor1.id != "houthis"


def test_a_health_ministry_or_civil_defence_tells_of_a_strike_and_is_no_side(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "غارة على مدينة غزة\n"
                     "قال الدفاع المدني في غزة إن ثمانية أشخاص، بينهم ثلاث نساء، قُتلوا اليوم "
                     "في غارة جوية على منزل في حي الزيتون بمدينة غزة.")
    [event] = result.events
    assert event.actor1 is None or event.actor1.id != "gaza_civil_defense"
    assert "gaza_civil_defense" in {s["id"] for s in event.sources}


def test_who_laid_a_bomb_comes_before_the_force_a_patrol_belongs_to(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "انفجار عبوة في الطارمية\n"
                     "تعرضت دورية تابعة للجيش العراقي اليوم إلى انفجار عبوة ناسفة زرعتها "
                     "عصابات داعش الإرهابية في قضاء الطارمية، ما أسفر عن إصابة جنديين.")
    [event] = result.events
    assert (event.actor1 and event.actor1.id, event.actor2 and event.actor2.id) == (
        "isis", "iraqi_army")


def test_set_phrases_and_adjectives_of_habit_leave_the_news_of_a_sentence(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "وقفة في خان أرنبة\n"
                     "وفي بلدة خان أرنبة، نظّم العشرات اليوم وقفة احتجاجية رفعوا خلالها لافتات "
                     "ترفض التوغلات المتكررة.\n"
                     "وتقع البلدة على مقربة من خط فض الاشتباك في الجولان السوري.")
    assert [e.sub_event_type for e in result.events] == ["Peaceful protest"]


def test_an_arrest_raid_met_with_fighting_is_a_clash_and_a_jet_strikes(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "اشتباكات في بيت جن\n"
                     "قالت مصادر محلية إن سبعة أشخاص قُتلوا فجر اليوم في اشتباك بين مسلحين من "
                     "أبناء بلدة بيت جن وقوة إسرائيلية توغلت في البلدة لاعتقال مطلوبين.\n"
                     "وفي الأنبار، نفذت طائرات إف-16 عراقية اليوم ضربة على مخبأ للتنظيم قرب "
                     "قضاء الرطبة.")
    assert sorted(e.sub_event_type for e in result.events) == ["Air/drone strike",
                                                               "Armed clash"]


def test_a_period_told_to_compare_an_incident_makes_no_toll(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "مجزرة بالبراميل في حلب\n"
                     "قُتل ثلاثة عشر مدنياً ظهر اليوم حين ألقت مروحية تابعة لقوات النظام "
                     "برميلين متفجرين على سوق في حي الشعار شرقي مدينة حلب، في واحدة من أعنف "
                     "الضربات منذ انطلاق حملة البراميل قبل سبعة أسابيع.")
    assert result.tolls == []
    [event] = result.events
    assert event.fatalities == 13


def test_taken_by_assault_after_the_defenders_withdrew_is_a_takeover(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "سقوط سنجار\n"
                     "شن مسلحو تنظيم داعش فجر اليوم هجوماً من محاور عدة على قضاء سنجار، "
                     "وتمكنوا من السيطرة على مركز القضاء بعد انسحاب قوات البيشمركة.")
    [event] = result.events
    assert event.sub_event_type == "Non-state actor overtakes territory"


def test_seizing_a_town_is_taking_ground(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "الدعم السريع تعلن السيطرة\n"
                     "زعمت قوات الدعم السريع عبر منصاتها اليوم أنها استولت على مدينة ود مدني "
                     "عاصمة ولاية الجزيرة.")
    [event] = result.events
    assert event.sub_event_type == "Non-state actor overtakes territory"


def test_a_march_mourning_the_dead_of_a_strike_is_no_killing_of_protesters(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "مسيرة غاضبة في صنعاء\n"
                     "خرج عشرات الآلاف في صنعاء اليوم في مسيرة غاضبة احتجاجاً على مجزرة "
                     "القاعة الكبرى التي راح ضحيتها 140 شخصاً.")
    protests = [e for e in result.events if e.event_type == "Protests"]
    assert [(e.sub_event_type, e.fatalities) for e in protests] == [("Peaceful protest", None)]


def test_what_belongs_to_a_force_after_on_is_what_was_taken(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "الدعم السريع تسيطر على زالنجي\n"
                     "أعلنت قوات الدعم السريع اليوم سيطرتها على مقر قيادة الفرقة 21 مشاة "
                     "التابعة للجيش في مدينة زالنجي، عاصمة ولاية وسط دارفور.")
    takeovers = [e for e in result.events if "territory" in e.sub_event_type]
    assert [(e.sub_event_type, e.actor1 and e.actor1.id) for e in takeovers] == [
        ("Non-state actor overtakes territory", "rsf")]


def test_a_release_is_an_agreement_unless_it_ends_an_arrest_or_is_asked_for(
        full_pipeline: Pipeline) -> None:
    freed = extract(full_pipeline, "الإفراج عن أسرى\n"
                    "أطلقت قوات الدعم السريع أمس سراح 31 أسيراً من منتسبي الجيش في مدينة "
                    "الأبيض، وسلّمتهم إلى الصليب الأحمر.")
    assert [(e.sub_event_type, e.actor1 and e.actor1.id) for e in freed.events] == [
        ("Agreement", "rsf")]
    held = extract(full_pipeline, "اعتقال شاب\n"
                   "اعتقلت قوات الأمن شاباً في مدينة درعا صباح اليوم ثم أفرجت عنه بعد ساعات.")
    assert [e.sub_event_type for e in held.events] == ["Arrests"]
    asked = extract(full_pipeline, "مطالبة بالإفراج\n"
                    "طالبت منظمة حقوقية بالإفراج عن المعتقلين في سجون مدينة حلب.")
    assert asked.events == []


def test_a_protest_about_the_weather_or_prices_is_still_a_protest(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "قتيلان في تظاهرات الناصرية\n"
                     "قُتل متظاهران وأصيب 37 آخرون مساء أمس عندما أطلقت قوات الأمن الرصاص "
                     "الحي لتفريق محتجين وسط مدينة الناصرية، احتجاجاً على انقطاع التيار "
                     "الكهربائي مع تجاوز درجات الحرارة خمسين درجة.")
    [event] = result.events
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.fatalities == 2
    # «التيار الكهربائي» is the power supply, not the Sadrist movement
    assert event.actor1 is None or event.actor1.id != "sadrist_movement"


def test_a_monitor_in_another_part_of_a_headline_made_no_toll(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "قتيلان و37 جريحاً في تظاهرات الناصرية.. ومفوضية "
                     "حقوق الإنسان تطالب بالتحقيق\n"
                     "قُتل متظاهران وأصيب 37 آخرون مساء أمس عندما أطلقت قوات الأمن الرصاص "
                     "الحي لتفريق محتجين وسط مدينة الناصرية.")
    assert result.tolls == []
    assert [e.fatalities for e in result.events] == [2]


def test_what_a_strike_destroyed_is_its_outcome(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "الجيش يقصف مليط\n"
                     "أعلن الجيش السوداني أن سلاح الجو نفّذ يوم الخميس ضربات على تجمعات "
                     "للدعم السريع في مدينة مليط، أسفرت عن تدمير ثلاثين عربة قتالية.")
    assert [e.sub_event_type for e in result.events] == ["Air/drone strike"]


def test_a_charge_runs_to_the_end_of_its_clause(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "حملة دهم في الجنينة\n"
                     "شنت استخبارات الدعم السريع اليوم حملة دهم في مدينة الجنينة، اعتقلت "
                     "خلالها 17 شاباً بتهمة التخابر مع الجيش وإرسال إحداثيات المواقع إلى "
                     "المسيّرات.")
    assert [e.sub_event_type for e in result.events] == ["Arrests"]


def test_freeing_a_captive_takes_no_ground(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "القبض على خاطفين\n"
                     "أعلنت مديرية أمن الزاوية يوم الأحد القبض على أربعة أشخاص متهمين بخطف "
                     "سائق شاحنة على الطريق الساحلي في مدينة الزاوية، وتحرير المخطوف.")
    assert [e.sub_event_type for e in result.events] == ["Arrests"]


def test_an_outlet_named_after_a_town_is_no_place(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "دخول ترهونة\n"
                     "بنغازي - «المرج الإخبارية»: دخلت قوات الوفاق مدينة ترهونة أمس الجمعة "
                     "من دون مواجهات، بحسب ما أفادت مصادر محلية لـ«المرج الإخبارية».")
    places = {e.location and e.location.get("name") for e in result.events}
    assert "Al Marj" not in places


def test_what_aircraft_destroy_they_struck(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "تدمير منظومة دفاع جوي\n"
                     "قال المتحدث باسم قوات الوفاق إن سلاح الجو دمّر مساء الأحد منظومة دفاع "
                     "جوي في محيط مدينة ترهونة.")
    assert [e.sub_event_type for e in result.events] == ["Air/drone strike"]


def test_bombs_found_in_a_search_are_bombs_stopped(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "ضبط عبوات في داقوق\n"
                     "عثرت قوة من الحشد الشعبي صباح اليوم خلال عملية تفتيش في قضاء داقوق على "
                     "مضافة تضم أربع عبوات ناسفة معدة للتفجير.")
    assert [e.sub_event_type for e in result.events] == ["Disrupted weapons use"]


def test_a_body_found_with_words_between_verb_and_noun(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "العثور على جثة شاب\n"
                     "عُثر صباح اليوم على جثة شاب في العشرينيات من عمره مصاباً بطلقات نارية "
                     "في الرأس على أطراف حي كرم اللوز في مدينة حمص.")
    assert [(e.sub_event_type, e.fatalities) for e in result.events] == [("Attack", 1)]


def test_a_checkpoint_set_up_is_a_base_established(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "نقطة تفتيش في سنجار\n"
                     "نصبت قوة مشتركة من الجيش والشرطة المحلية اليوم نقطة تفتيش ثابتة عند "
                     "المدخل الجنوبي لمدينة سنجار.")
    assert [e.sub_event_type for e in result.events] == ["Headquarters or base established"]


def test_barrel_bombs_dropped_by_helicopters_are_air_strikes(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "براميل على عندان\n"
                     "ألقى الطيران المروحي بعد الظهر ثلاثة براميل على الأطراف الغربية لبلدة "
                     "عندان، ما أدى إلى إصابة ستة أشخاص بجروح متفاوتة وتدمير منزلين.")
    assert [e.sub_event_type for e in result.events] == ["Air/drone strike"]


def test_crowds_celebrating_a_victory_are_no_takeover(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "الجيش يستعيد ود مدني\n"
                     "أعلن الجيش السوداني اليوم استعادة السيطرة على مدينة ود مدني.\n"
                     "وعمّت الاحتفالات مدن بورتسودان وكسلا والقضارف فور إعلان تحرير المدينة.")
    places = {e.location and e.location.get("name") for e in result.events}
    assert "Kassala" not in places and "Port Sudan" not in places


def test_a_person_handed_over_is_no_ground_handed_over(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "الإفراج عن راعٍ\n"
                     "وعند الخامسة من بعد الظهر، سُلّم الراعي إلى الجيش اللبناني عند بوابة "
                     "بلدة كفرشوبا بعد احتجازه ساعات.")
    assert "Non-violent transfer of territory" not in [e.sub_event_type for e in result.events]


def test_raids_now_and_then_are_a_pattern(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "حملات دهم\n"
                     "وتنفّذ «قسد» بين حين وآخر حملات دهم واعتقال في بلدات ريف دير الزور "
                     "الشرقي بحثاً عن خلايا التنظيم.")
    assert result.events == []


def test_an_arrest_for_assassinations_kills_no_one(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "ضبط مطلوبين في المنصورة\n"
                     "نفّذت قوات الحزام الأمني فجر اليوم حملة مداهمات في مديرية المنصورة بعدن، "
                     "أسفرت عن ضبط ثلاثة مطلوبين متهمين بالضلوع في عمليات اغتيال.")
    assert [(e.sub_event_type, e.fatalities) for e in result.events] == [("Arrests", None)]


def test_an_attribution_down_the_article_tells_only_of_its_own_paragraph(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "تصعيد في ريف درعا\n"
                     "قصفت قوات النظام بلدة طفس بقذائف المدفعية صباح اليوم.\n"
                     "وفي بلدة نوى، أفاد شهود عيان بأن طائرة مسيّرة استهدفت سيارة مدنية.\n"
                     "كما اعتقلت قوات الأمن شاباً في بلدة جاسم بعد مداهمة منزله.")
    arrest = next(e for e in result.events if e.sub_event_type == "Arrests")
    assert [s["id"] for s in arrest.sources] == ["correspondent"]


def test_fire_named_by_its_nationality_names_the_force(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "قتلى قرب مركز مساعدات\n"
                     "قُتل سبعة أشخاص على الأقل بنيران إسرائيلية صباح اليوم أثناء انتظارهم "
                     "شاحنات المساعدات قرب دوار العلم في مدينة رفح.")
    assert [e.actor1 and e.actor1.id for e in result.events] == ["israeli_forces"]


def test_a_forces_shelling_told_after_its_strike_is_its_own(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "غارات وقصف على الجنوب\n"
                     "شنّ الطيران الحربي الإسرائيلي صباح اليوم غارة على بلدة عيتا الشعب.\n"
                     "وتعرضت أحراج بلدة رامية لقصف مدفعي متقطع بعد الظهر.")
    shelling = next(e for e in result.events
                    if e.sub_event_type == "Shelling/artillery/missile attack")
    assert shelling.actor1 is not None and shelling.actor1.id in (
        "israeli_forces", "israeli_air_force")


def test_what_a_voice_says_belongs_to_a_side_names_the_doer(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "مسيّرة تضرب سوقاً في الأبيض\n"
                     "استهدفت طائرة مسيّرة قال الجيش إنها تابعة للدعم السريع صباح اليوم سوقاً "
                     "شعبية في مدينة الأبيض.")
    assert [e.actor1 and e.actor1.id for e in result.events] == ["rsf"]


def test_a_town_that_fell_into_a_sides_hands_was_taken(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "معركة تلعفر\n"
                     "بدأت القوات العراقية اليوم عملية لاستعادة قضاء تلعفر غرب الموصل.\n"
                     "وكانت تلعفر، التي يسكنها غالبية من التركمان، قد سقطت بيد التنظيم في "
                     "حزيران 2014.")
    taken = [e for e in result.events if e.sub_event_type == "Non-state actor overtakes territory"]
    assert [(e.modality, e.actor1 and e.actor1.id) for e in taken] == [("background", "isis")]


def test_a_ceasefire_in_a_war_zone_needs_no_party_named(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "تبادل الأسرى\n"
                     "وصلت حافلات تقل أسرى محررين إلى مدينة رام الله فجر اليوم.\n"
                     "ويأتي ذلك بعد دخول اتفاق وقف إطلاق النار في قطاع غزة حيز التنفيذ في "
                     "التاسع عشر من كانون الثاني الماضي.", published="2025-02-16")
    deals = [e for e in result.events if e.sub_event_type == "Agreement"
             and e.location and e.location.get("name") == "Gaza Strip"]
    assert [(e.modality, e.event_date) for e in deals] == [("background", "2025-01-19")]


def test_a_capital_naming_its_government_gives_way_to_the_place_struck(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "قتلى في أربيل\n"
                     "ولا تعد هذه المرة الأولى التي تستهدف فيها طهران أربيل بصواريخ باليستية.")
    assert {e.location and e.location.get("name") for e in result.events} == {"Erbil"}


def test_a_digests_item_label_is_a_place_of_the_item(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "جولة الأخبار الليبية\n"
                     "طرابلس: شهدت العاصمة الليبية هدوءاً حذراً اليوم في حي أبو سليم.\n"
                     "الكفرة: أعلنت كتيبة سبل السلام توقيف ستة مهربين وضبط شاحنة محملة "
                     "بالأسلحة قرب الحدود مع السودان، خلال دورية صحراوية يوم الخميس.")
    arrests = [e for e in result.events if e.sub_event_type == "Arrests"]
    assert [e.location and e.location.get("name") for e in arrests] == ["Kufra"]


def test_a_sides_own_statement_down_the_article_does_not_source_the_lead(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "غارات على البقاع\n"
                     "شنت الطائرات الإسرائيلية غارات على بلدة بعلبك صباح اليوم.\n"
                     "في المقابل، قال «حزب الله» إنه قصف أمس مدينة كريات شمونة بصلية صاروخية.",
                     published="2024-10-10")
    strike = next(e for e in result.events if e.sub_event_type == "Air/drone strike")
    assert (strike.actor1 and strike.actor1.id, strike.modality) == ("israeli_forces", "reported")
    shelling = next(e for e in result.events
                    if e.sub_event_type == "Shelling/artillery/missile attack")
    assert shelling.location and shelling.location.get("name") == "Qiryat Shmona"


def test_a_drone_named_with_its_nationality_or_its_strike_is_no_march(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "مسيّرة على يارون\n"
                     "استهدفت مسيّرة إسرائيلية صباح اليوم دراجة نارية في بلدة يارون، ما أدى إلى "
                     "استشهاد شاب.", published="2025-04-10")
    assert [e.sub_event_type for e in result.events] == ["Air/drone strike"]
    march = extract(full_pipeline, "مسيرة في يارون\n"
                    "خرجت مسيرة حاشدة في بلدة يارون اليوم تنديداً بالاعتداءات.")
    assert "Air/drone strike" not in [e.sub_event_type for e in march.events]


def test_arms_destroyed_in_a_fight_are_no_destruction_of_property(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "معارك على الحدود\n"
                     "وقال حزب الله إن مقاتليه دمّروا ثلاث دبابات «ميركافا» أثناء تقدمها نحو "
                     "بلدة مارون الراس.")
    assert "Looting/property destruction" not in [e.sub_event_type for e in result.events]


def test_part_of_a_barrage_intercepted_is_the_barrage(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "صواريخ على ميرون\n"
                     "وأفاد الجيش الإسرائيلي بأن معظم الصواريخ التي أطلقت على قاعدة ميرون "
                     "اعتُرضت أو سقطت في مناطق مفتوحة، من دون الإبلاغ عن إصابات.")
    assert [e.sub_event_type for e in result.events] == ["Shelling/artillery/missile attack"]


def test_a_raid_that_seized_arms_and_arrested_people_is_one_seizure(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "ضبط خلية في عدن\n"
                     "داهمت قوات الحزام الأمني فجر اليوم منزلاً في مديرية المنصورة بعدن، وضبطت "
                     "داخله أحزمة ناسفة وعبوات معدة للتفجير.\n"
                     "واعتقلت القوة ثلاثة مطلوبين في المنزل ذاته بمديرية المنصورة.")
    assert [(e.sub_event_type, e.arrested) for e in result.events] == [
        ("Disrupted weapons use", 3)]


def test_a_source_telling_news_after_a_habit_is_news(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "توغل جديد في ريف القنيطرة\n"
                     "تتوغل القوات الإسرائيلية بشكل شبه يومي في قرى ريف القنيطرة، وأفاد مراسلنا "
                     "بأن قوة إسرائيلية اعتقلت أمس ثلاثة شبان في بلدة جباتا الخشب.")
    [event] = result.events
    assert event.sub_event_type == "Arrests" and event.event_date == "2024-03-06"


def test_an_earlier_dated_incident_recalled_in_the_sentence_is_its_own_event(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "قصف على معرة النعمان\n"
                     "قُتل مدنيان أمس بقصف مدفعي لقوات النظام على مدينة معرة النعمان، بعد أيام من "
                     "غارة روسية على مشفى كفرنبل في الأول من آذار.")
    subs = sorted(e.sub_event_type for e in result.events)
    assert subs == ["Air/drone strike", "Shelling/artillery/missile attack"]
    shelling = next(e for e in result.events if e.sub_event_type.startswith("Shelling"))
    assert shelling.fatalities == 2 and shelling.event_date == "2024-03-06"


def test_each_town_of_a_roundup_is_where_its_item_happened(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "حصاد اليوم\n"
                     "الفاشر — قُتل ثلاثة مدنيين أمس بقصف مدفعي لقوات الدعم السريع على حي الدرجة "
                     "الأولى.\n"
                     "بنغازي — نظم العشرات من المعلمين وقفة احتجاجية أمام مقر الحكومة أمس للمطالبة "
                     "بصرف رواتبهم.")
    places = {e.sub_event_type: (e.location or {}).get("country") for e in result.events}
    assert places == {"Shelling/artillery/missile attack": "SD", "Peaceful protest": "LY"}


def test_protesters_shot_by_the_forces_are_excessive_force(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "مقتل متظاهر في كربلاء\n"
                     "قُتل متظاهر وأصيب خمسة آخرون برصاص القوات الأمنية العراقية أمس خلال "
                     "محاولتها فض اعتصام المحتجين في ساحة التربية وسط مدينة كربلاء.")
    [event] = result.events
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.fatalities == 1


def test_a_town_overrun_after_its_defenders_withdrew_is_taken_not_handed_over(
        full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "سقوط بلدة\n"
                     "اجتاح مسلحو تنظيم داعش أمس بلدة تلعفر بعد انسحاب القوات العراقية منها.")
    [event] = result.events
    assert event.sub_event_type == "Non-state actor overtakes territory"
    handed = extract(full_pipeline, "تسليم بلدة\n"
                     "دخلت وحدات من الجيش اللبناني أمس بلدة الخيام بموجب الاتفاق بعد انسحاب "
                     "القوات الإسرائيلية منها.")
    assert [e.sub_event_type for e in handed.events] == ["Non-violent transfer of territory"]


def test_a_force_announcing_its_own_dead_is_the_side_hit(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "مقتل جنديين\n"
                     "أعلن الجيش الإسرائيلي مقتل جنديين وإصابة ثالث بجروح أمس جراء انفجار عبوة "
                     "ناسفة بآليتهم في مدينة جنين.")
    [event] = result.events
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.actor2 is not None and event.actor2.id == "israeli_forces"


def test_arrests_on_a_charge_of_membership_name_the_group(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "اعتقالات في الموصل\n"
                     "أعلن جهاز الأمن الوطني العراقي أمس اعتقال خمسة متهمين بالانتماء إلى تنظيم "
                     "داعش في مدينة الموصل.")
    [event] = result.events
    assert event.sub_event_type == "Arrests" and event.arrested == 5
    assert event.actor2 is not None and event.actor2.id == "isis"


def test_peaceful_marches_are_no_drones(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "مسيرات طلابية\n"
                     "خرج آلاف الطلبة أمس بمسيرات سلمية في مدينة الحلة رافعين الأعلام العراقية.")
    assert [e.sub_event_type for e in result.events] == ["Peaceful protest"]


def test_a_campaign_told_after_todays_strike_frames_it(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "غارات على كفرنبل\n"
                     "قصفت طائرات حربية روسية فجر اليوم بلدة كفرنبل بعدة غارات، ضمن حملة قصف "
                     "متواصلة منذ أسابيع على ريف إدلب الجنوبي.")
    [event] = result.events
    assert event.sub_event_type == "Air/drone strike" and event.event_date == "2024-03-07"


def test_crowds_in_towns_joined_by_and_are_a_protest_in_each(full_pipeline: Pipeline) -> None:
    result = extract(full_pipeline, "تظاهرات طلابية\n"
                     "خرج آلاف الطلبة اليوم في مظاهرات سلمية في الديوانية والحلة رافعين الأعلام "
                     "العراقية.")
    places = sorted((e.location or {}).get("name_ar") or "" for e in result.events
                    if e.sub_event_type == "Peaceful protest")
    assert len(places) == 2
