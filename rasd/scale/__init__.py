"""Scale-out: the same pipeline over many machines with Dask, into PostgreSQL or Parquet.

``rasd.scale.partition`` cuts a corpus into partitions, ``prefilter`` skips
what need not be extracted, ``worker`` runs on the Dask workers and ``batch``
drives a run. Kept free of imports here so the command line starts fast.
"""
