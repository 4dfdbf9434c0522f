"""Speed and memory measurements, always as ratios against a baseline measured in the same run."""
