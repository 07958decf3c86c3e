"""Bins for the pantry example."""
BINS = ["flour", "sugar"]


def bin_for(name):
    return name in BINS
