"""Consolidation (汇总): one report from many units' reports, every unit checked, every figure traceable.

`consolidate.merge()` reads the units (in worker processes), checks each, sums tables 二, 三 and 四
cell by cell and returns a 2021-format draft whose `consolidation` record keeps the units and each
one's figures. Rules H1–H4 (`forms.rules.consolidation`) check the draft against that record.
"""
