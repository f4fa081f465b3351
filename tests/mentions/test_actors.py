from __future__ import annotations

import pytest

from rasd.arabic.normalize import MATCH_CONFIG, normalize
from rasd.mentions import MentionFinder
from rasd.mentions.actors import ActorLexicon

LEXICON = ActorLexicon.load()


def actors(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.ref) for m in LEXICON.find(normalize(text, MATCH_CONFIG))]


def test_the_lexicon_is_large_and_consistent() -> None:
    assert len(LEXICON.actors) >= 250
    for actor in LEXICON.actors.values():
        assert any(not a.isascii() for a in actor.aliases), actor.id
    LEXICON.check()


@pytest.mark.parametrize(("text", "actor"), [
    ("سيطر داعش على القرية", "isis"),
    ("هاجم تنظيم الدولة حاجزاً", "isis"),
    ("أعلنت الدولة الإسلامية مسؤوليتها", "isis"),
    ("تقدمت قوات سوريا الديمقراطية نحو البلدة", "sdf"),
    ("اعتقلت قسد ثلاثة شبان", "sdf"),
    ("قصف التحالف الدولي بقيادة الولايات المتحدة مواقع", "intl_coalition"),
    ("وثقت الشبكة السورية لحقوق الإنسان مقتل مدنيين", "snhr"),
    ("قالت مصادر لأورينت إن الهدنة انتهت", "orient_news"),
    ("شنت جماعة الحوثي هجوماً", "houthis"),
    ("اشتبكت قوات الدعم السريع مع الجيش", "rsf"),
])
def test_aliases_resolve_to_their_actor(text: str, actor: str) -> None:
    assert actor in [ref for _, ref in actors(text)]


def test_ypg_is_its_own_entry_linked_to_the_sdf() -> None:
    [(_, ref)] = actors("اشتبكت الوحدات الكردية مع فصائل المعارضة")[:1]
    assert ref != "sdf"
    ypg = LEXICON.actors[str(ref)]
    sdf = LEXICON.actors["sdf"]
    assert "sdf" in ypg.related or ypg.id in sdf.related or ypg.parent == "sdf"


def test_names_with_clitics_and_quote_marks() -> None:
    text = 'قُتل مدني بنيران قسد، وقصفت الطائرات مواقع لتنظيم "داعش"، ورحب بالاتفاق والتحالف الدولي'
    refs = [ref for _, ref in actors(text)]
    assert refs[:2] == ["sdf", "isis"]
    assert "intl_coalition" in refs


def test_generic_references_resolve_to_the_most_recent_compatible_actor() -> None:
    text = ("انسحب تنظيم داعش من البلدة بعد معارك مع قسد، وقال مسؤول إن التنظيم "
            "ترك خلفه ألغاماً، وإن الطرفين تبادلا الأسرى، وقد أطلق الأخير سراح ثلاثة.")
    found = LEXICON.find(normalize(text, MATCH_CONFIG))
    by_text = {m.text: m for m in found}
    assert by_text["التنظيم"].ref == "isis"
    assert by_text["التنظيم"].via == (f"تنظيم داعش@{text.index('تنظيم داعش')}",)
    assert sorted(by_text["الطرفين"].data["refs"]) == ["isis", "sdf"]
    assert by_text["الأخير"].ref == "sdf"


def test_a_generic_reference_with_nothing_before_it_stays_unresolved() -> None:
    assert actors("وقال التنظيم في بيان إنه سيرد") == []


def test_a_club_named_after_an_army_is_not_an_armed_actor() -> None:
    text = "أعلن الجيش السوري سيطرته على التلة. وفاز نادي الجيش على الشرطة في الدوري."
    found = actors(text)
    assert found[0][0] == "الجيش السوري"
    assert all(t != "الجيش" for t, _ in found[1:])


def test_a_name_shared_across_eras_follows_the_publication_date() -> None:
    from datetime import date

    norm = normalize("تقدم الجيش السوري في ريف حماة", MATCH_CONFIG)
    [old] = LEXICON.find(norm, date(2018, 5, 1))
    [new] = LEXICON.find(norm, date(2025, 3, 1))
    assert (old.ref, new.ref) == ("saa", "syria_new_army")
    assert old.data["chosen_by"] == "active on 2018-05-01"


def test_a_name_shared_across_countries_follows_the_article() -> None:
    text = "أوقف الأمن العام شخصين على الحدود، وقال حزب الله والجيش اللبناني إن الوضع هادئ"
    first = LEXICON.find(normalize(text, MATCH_CONFIG))[0]
    assert first.ref == "lb_general_security"
    assert first.data["chosen_by"] == "country of the article"


def test_plural_and_dual_nationality_adjectives_after_military_nouns() -> None:
    finder = MentionFinder.load(with_places=False)
    for text in ("أطلق جنود إسرائيليون النار باتجاه رعاة أغنام",
                 "عمدت جرافتان إسرائيليتان إلى اقتلاع أشجار الزيتون"):
        assert [m.ref for m in finder(text, "2024-03-07") if m.kind == "actor"] == [
            "israeli_forces"]


def test_warplanes_of_a_state_are_its_air_force_and_its_drones_its_forces() -> None:
    finder = MentionFinder.load(with_places=False)

    def refs(text: str) -> list[str | None]:
        return [m.ref for m in finder(text, "2024-03-07") if m.kind == "actor"]

    assert refs("شنت طائرات حربية روسية ثلاث غارات على أطراف البلدة") == ["russian_air_force"]
    assert refs("استهدفت مقاتلات إسرائيلية مبنى سكنياً") == ["israeli_air_force"]
    assert refs("ألقت طائرة مسيّرة إسرائيلية قنبلة على المزارعين") == ["israeli_forces"]
    assert refs("قصفت زوارق حربية إسرائيلية مراكب الصيادين") == ["israeli_forces"]


def test_al_qaeda_is_its_yemeni_branch_only_in_a_report_from_yemen() -> None:
    assert actors("تبنى تنظيم القاعدة الهجوم") == [("تنظيم القاعدة", "al_qaeda")]
    yemen = actors("قُتل جنديان من قوات الحزام الأمني في هجوم شنه تنظيم القاعدة")
    assert yemen[-1] == ("تنظيم القاعدة", "aqap")
