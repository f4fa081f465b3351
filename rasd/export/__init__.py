"""Serialized forms of pipeline results."""

from rasd.export.doc_json import SCHEMA, doc_to_dict, rejected_to_dict

__all__ = ["SCHEMA", "doc_to_dict", "rejected_to_dict"]
