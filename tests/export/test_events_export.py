from __future__ import annotations

import csv
import io
import json

from rasd.acquire import Document, Provenance, content_hash
from rasd.export.events import ACLED_COLUMNS, acled_csv, geojson
from rasd.pipeline import Pipeline

TEXT = ("قصف على الأتارب\nقصفت قوات النظام بلدة الأتارب غربي حلب بقذائف المدفعية، ما أدى إلى "
        "مقتل مدنيين اثنين، بحسب مصادر محلية.")


def test_acled_csv_and_geojson(full_pipeline: Pipeline) -> None:
    doc = full_pipeline(Document(TEXT, "text", Provenance("t", content_hash(TEXT),
                                                          outlet="شبكة الشمال")))
    rows = list(csv.DictReader(io.StringIO(acled_csv([doc]))))
    assert rows and list(rows[0])[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    row = rows[0]
    assert row["sub_event_type"] == "Shelling/artillery/missile attack"
    assert row["country"] == "Syria" and row["fatalities"] == "2"
    assert "شبكة الشمال" in row["source"]
    collection = json.loads(json.dumps(geojson([doc])))
    [feature] = collection["features"]
    lon, lat = feature["geometry"]["coordinates"]
    assert 35 < lon < 38 and 35 < lat < 37  # GeoJSON is longitude first
