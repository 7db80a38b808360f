"""`make bench`: load and latency of the real system under simulated residents."""
