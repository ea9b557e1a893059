"""Tests of the uptake app."""
