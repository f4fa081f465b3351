from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from rasd.acquire import Document, Provenance, content_hash
from rasd.data import load_yaml
from rasd.export.events import (
    ACLED_COLUMNS,
    COLUMNS,
    acled_coding,
    acled_csv,
    geojson,
    parquet,
)
from rasd.mentions.actors import ACTOR_TYPES
from rasd.pipeline import Doc, Pipeline

TEXT = ("قصف على الأتارب\nقصفت قوات النظام بلدة الأتارب غربي حلب بقذائف المدفعية، ما أدى إلى "
        "مقتل مدنيين اثنين، بحسب مصادر محلية.")
DATED = ("قصف على الأتارب\nقصفت قوات النظام بلدة الأتارب غربي حلب يوم 5 آذار 2024 بقذائف "
         "المدفعية، ما أدى إلى مقتل مدنيين اثنين بينهم امرأة، بحسب مصادر محلية.")
RUSSIAN_STRIKE = ("غارة روسية\nشنت طائرات حربية روسية غارات على مدينة إدلب، ما أدى إلى مقتل "
                  "خمسة مدنيين بينهم طفلان وامرأة.")
FASHER = ("اشتباكات في محيط الفاشر\n\nاندلعت اشتباكات عنيفة بين الجيش السوداني وقوات الدعم "
          "السريع في الأحياء الشرقية لمدينة الفاشر، وفق ما أفاد شهود عيان.\n")
PROTEST = "مظاهرة\nخرج مئات المتظاهرين في مدينة السويداء احتجاجا على الأوضاع المعيشية."
ABDUCTION = "اختطاف\nاختطف مسلحون مجهولون صحفيا في مدينة درعا يوم الثلاثاء."


def _doc(pipeline: Pipeline, text: str, outlet: str = "شبكة الشمال") -> Doc:
    return pipeline(Document(text, "text", Provenance("t", content_hash(text), outlet=outlet)))


def _rows(docs: list[Doc]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(acled_csv(docs))))


def test_acled_csv_and_geojson(full_pipeline: Pipeline) -> None:
    doc = _doc(full_pipeline, TEXT)
    rows = _rows([doc])
    assert rows and list(rows[0])[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    row = rows[0]
    assert row["sub_event_type"] == "Shelling/artillery/missile attack"
    assert row["country"] == "Syria" and row["fatalities"] == "2"
    assert "شبكة الشمال" in row["source"]
    collection = json.loads(json.dumps(geojson([doc])))
    [feature] = collection["features"]
    lon, lat = feature["geometry"]["coordinates"]
    assert 35 < lon < 38 and 35 < lat < 37  # GeoJSON is longitude first
    assert feature["properties"]["inter1"] == 1 and feature["properties"]["admin2"] == ""


def test_columns_follow_acled_order() -> None:
    assert ACLED_COLUMNS == [
        "event_id_cnty", "event_date", "year", "time_precision", "event_type",
        "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
        "inter2", "interaction", "iso", "region", "country", "admin1", "admin2", "admin3",
        "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
        "notes", "fatalities", "timestamp"]
    assert COLUMNS[: len(ACLED_COLUMNS)] == ACLED_COLUMNS and len(set(COLUMNS)) == len(COLUMNS)


def test_state_shelling_of_civilians_is_coded_as_acled_does(full_pipeline: Pipeline) -> None:
    [row] = _rows([_doc(full_pipeline, DATED)])
    assert row["event_date"] == "2024-03-05" and row["year"] == "2024"
    assert row["time_precision"] == "1"
    assert row["actor1"].startswith("Military Forces of Syria") and row["inter1"] == "1"
    # No second actor named, civilians among the victims: ACLED's actor2.
    assert row["actor2"] == "Civilians (Syria)" and row["inter2"] == "7"
    assert row["assoc_actor_2"] == "Women (Syria)"
    assert row["interaction"] == "17"
    assert (row["iso"], row["region"], row["admin1"]) == ("760", "Middle East",
                                                         "Aleppo Governorate")
    # Nothing rasd knows fills these: empty, not guessed.
    assert row["assoc_actor_1"] == row["admin2"] == row["admin3"] == ""
    assert row["source_scale"] == row["timestamp"] == ""


def test_foreign_forces_rebels_protesters_and_unknown_perpetrators(
        full_pipeline: Pipeline) -> None:
    strike, clash, protest, abduction = _rows(
        [_doc(full_pipeline, t) for t in (RUSSIAN_STRIKE, FASHER, PROTEST, ABDUCTION)])
    assert strike["actor1"] == "Military Forces of Russia" and strike["inter1"] == "8"
    assert strike["assoc_actor_1"] == "Russian Aerospace Forces"  # the arm that struck
    assert strike["actor2"] == "Civilians (Syria)" and strike["interaction"] == "78"
    assert strike["assoc_actor_2"] == "Women (Syria)"  # children are not an ACLED actor
    assert (clash["inter1"], clash["inter2"], clash["interaction"]) == ("1", "2", "12")
    assert (clash["country"], clash["iso"], clash["region"]) == ("Sudan", "729",
                                                                "Northern Africa")
    assert protest["actor1"] == "Protesters (Syria)" and protest["inter1"] == "6"
    assert protest["actor2"] == "" and protest["interaction"] == "60"
    # Violence against civilians: the victims are civilians even unnamed; unknown
    # gunmen are ACLED's unidentified armed group, a political militia.
    assert abduction["event_type"] == "Violence against civilians"
    assert abduction["actor1"] == "Unidentified Armed Group (Syria)"
    assert abduction["inter1"] == "3"
    assert abduction["actor2"] == "Civilians (Syria)"
    assert abduction["assoc_actor_2"] == "Journalists (Syria)"
    assert abduction["interaction"] == "37"


@pytest.mark.parametrize(("actor", "country", "code"), [
    ("saa", "SY", 1),
    ("saa", "LB", 8),              # a state's forces outside their country
    ("saa", "", 1),
    ("turkish_forces", "TR", 1),   # home country listed first among where it operates
    ("turkish_forces", "SY", 8),
    ("turkish_forces", "", None),  # foreign forces, country unknown: cannot tell 1 from 8
    ("russian_air_force", "SY", 8),  # home found up the parent chain
    ("hts", "SY", 2),
    ("hezbollah", "SY", 3),
    ("syria_tribal_forces", "SY", 4),
    ("wagner_group", "LY", 8),
    ("rsf", "SD", 2),
    ("intl_coalition", "SY", 8),
    ("fatah", "PS", None),         # political parties: no code rather than a guess
    ("no_such_actor", "SY", None),
])
def test_inter_codes(actor: str, country: str, code: int | None) -> None:
    assert acled_coding().inter(actor, country) == code


def test_coding_data_names_only_what_exists() -> None:
    data = load_yaml("acled.yaml").content
    coding = acled_coding()
    groups = {g["id"] for g in load_yaml("participants.yaml").content["groups"]}
    assert set(data["types"]) <= ACTOR_TYPES
    assert set(data["foreign_types"]) <= ACTOR_TYPES
    assert set(data["actors"]) <= set(coding.actors)
    assert set(data["associated"]) <= groups and set(data["civilian_groups"]) <= groups
    assert {v for v in [*data["types"].values(), *data["actors"].values()]} <= set(range(1, 9))


def test_parquet_round_trip_has_the_csv_columns_typed(full_pipeline: Pipeline,
                                                      tmp_path: Path) -> None:
    docs = [_doc(full_pipeline, DATED), _doc(full_pipeline, PROTEST)]
    path = tmp_path / "events.parquet"
    assert parquet(docs, path) == 2
    table = pq.read_table(path)
    assert table.column_names == COLUMNS
    schema = table.schema
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("fatalities").type == pa.int64()
    assert schema.field("latitude").type == pa.float64()
    assert schema.field("longitude").type == pa.float64()
    assert schema.field("actor1").type == pa.string()
    shelling, protest = table.to_pylist()
    csv_rows = _rows(docs)
    assert shelling["event_date"] == date(2024, 3, 5) and shelling["year"] == 2024
    assert shelling["fatalities"] == 2 and shelling["injuries"] is None
    assert shelling["latitude"] == pytest.approx(36.139, abs=0.01)
    assert (shelling["inter1"], shelling["inter2"], shelling["interaction"]) == (1, 7, 17)
    assert shelling["actor2"] == "Civilians (Syria)" and shelling["iso"] == 760
    assert protest["event_date"] is None and protest["interaction"] == 60
    assert protest["fatalities"] == 0 and protest["timestamp"] is None
    # Text columns hold what the CSV holds.
    for parquet_row, csv_row in zip((shelling, protest), csv_rows, strict=True):
        for column in ("event_id_cnty", "actor1", "actor2", "assoc_actor_2", "country",
                       "admin1", "location", "source", "notes", "victims", "evidence"):
            assert parquet_row[column] == csv_row[column], column
    assert table.schema.metadata[b"rasd.version"]


def test_parquet_of_no_events_still_has_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "empty.parquet"
    assert parquet([], path) == 0
    table = pq.read_table(path)
    assert table.num_rows == 0 and table.column_names == COLUMNS
