"""Scale-out: the same pipeline over many machines with Dask, into PostgreSQL or Parquet."""

from rasd.scale.partition import Partition, plan
from rasd.scale.prefilter import Prefilter

__all__ = ["Partition", "Prefilter", "plan"]
