"""`make eval`: how well the NLU model and the safety net understand residents, measured
on a held-out set, side by side with two baselines trained on the same data."""
