"""Deposit: package a built edition for a repository (BagIt, DSpace SAF, InvenioRDM) with
its metadata records (Dublin Core, DataCite, CMIF), and check such a package again."""
