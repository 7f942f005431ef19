"""Tests of the training scripts in the top-level ``scripts/`` folder, run as a user runs them."""
